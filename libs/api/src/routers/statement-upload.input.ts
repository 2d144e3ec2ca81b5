import { z } from 'zod';
import { cleanUploadFileName, STATEMENT_MAX_BYTES } from '@dd/contract';
import { StatementTooLargeError, type UploadedStatement } from '@dd/data-import';

/** The statement as the input parser hands it on; `name` is null when it travels in the header instead. */
export type StatementUpload = { name: string | null; bytes: Buffer } | { name: string | null; stream: ReadableStream<Uint8Array> };

/**
 * A bank statement, the customer's or the platform's, in either of two shapes:
 * - the raw file (`application/octet-stream`, what the portal sends): tRPC hands over the request body
 *   as a stream, which the service reads with the size limit applied while it arrives;
 * - multipart form data with one `file` field (other clients, tests): tRPC has read it whole already,
 *   within the limit the upload hook takes from Content-Length.
 * The input type says `Blob` because that is what a client passes for the raw shape.
 */
export const statementUploadInput = z
  .custom<FormData | Blob>((value) => value instanceof FormData || value instanceof ReadableStream || value instanceof Blob, {
    message: 'validation.fileRequired',
    path: ['file'],
  })
  .transform(async (value: unknown, ctx): Promise<StatementUpload> => {
    if (value instanceof ReadableStream) return { name: null, stream: value as ReadableStream<Uint8Array> };
    if (value instanceof Blob) {
      if (value.size > STATEMENT_MAX_BYTES) throw new StatementTooLargeError('bytes');
      return { name: value instanceof File ? value.name : null, stream: value.stream() };
    }
    const file = (value as FormData).get('file');
    if (!(file instanceof Blob)) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'validation.fileRequired' });
      return z.NEVER;
    }
    // Before the bytes are read; the same refusal (and reason code) as the service's own check.
    if (file.size > STATEMENT_MAX_BYTES) throw new StatementTooLargeError('bytes');
    return { name: file instanceof File ? file.name : null, bytes: Buffer.from(await file.arrayBuffer()) };
  });

/**
 * The upload as the services take it, its name from the form or the portal's header and cleaned
 * of control and bidi characters, since it is shown back ("maart<RLO>vsc.exe" reads as "maartexe.csv").
 */
export function uploadedStatement(input: StatementUpload, headerName: string | undefined, fallbackName: string): UploadedStatement {
  const name = cleanUploadFileName(input.name ?? headerName ?? '', fallbackName);
  return 'bytes' in input ? { name, bytes: input.bytes } : { name, stream: input.stream };
}
