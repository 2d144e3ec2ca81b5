import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

const SLICE_BYTES = 1024 * 1024;

/**
 * SHA-256 of an upload, 1 MiB at a time with a turn of the event loop in between: the API hashes files of up to
 * 20 MB and must keep answering other requests meanwhile (one slice is about 2 ms of work).
 */
export async function sha256OfUpload(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
    hash.update(bytes.subarray(offset, offset + SLICE_BYTES));
    if (offset + SLICE_BYTES < bytes.length) await yieldToEventLoop();
  }
  return hash.digest('hex');
}
