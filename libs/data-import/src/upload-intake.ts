import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { EmptyStatementError, StatementTooLargeError } from './import.errors';
import { MAX_STATEMENT_BYTES } from './limits';
import { sha256OfUpload } from './upload-hash';

/**
 * A statement as the API receives it: streamed (the portal sends the raw file) or already in memory
 * (multipart form data, which tRPC reads whole before a procedure sees it).
 */
export type UploadedStatement = { name: string; bytes: Buffer } | { name: string; stream: ReadableStream<Uint8Array> };

/** Between two turns of the event loop, at most this much is hashed and kept: about 2 ms of work. */
const BYTES_PER_TURN = 1024 * 1024;

/**
 * Takes in an upload with the size limit applied while it arrives: bytes are counted as they come,
 * hashed on the way, and a stream over the limit is cancelled at the first byte too many, so neither
 * memory nor time grows past the limit whatever a client sends. Reads nothing of the content's meaning
 * (that is the worker's), refuses only an empty or oversized file.
 */
export async function receiveUpload(file: UploadedStatement): Promise<{ bytes: Buffer; sha256: string }> {
  if ('bytes' in file) {
    if (file.bytes.length === 0) throw new EmptyStatementError('empty');
    if (file.bytes.length > MAX_STATEMENT_BYTES) throw new StatementTooLargeError('bytes');
    return { bytes: file.bytes, sha256: await sha256OfUpload(file.bytes) };
  }
  const reader = file.stream.getReader();
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let sinceYield = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_STATEMENT_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new StatementTooLargeError('bytes');
      }
      hash.update(value);
      chunks.push(value);
      sinceYield += value.byteLength;
      // A body that is already buffered is read in microtasks; let other requests in between.
      if (sinceYield >= BYTES_PER_TURN) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (total === 0) throw new EmptyStatementError('empty');
  return { bytes: Buffer.concat(chunks, total), sha256: hash.digest('hex') };
}
