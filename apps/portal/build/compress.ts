import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Brotli at its highest quality: compressed once at build, served many times. */
export function brotliOf(content: Uint8Array): Promise<Buffer> {
  return brotli(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength },
  });
}

export function gzipOf(content: Uint8Array): Promise<Buffer> {
  return gz(content, { level: constants.Z_BEST_COMPRESSION });
}
