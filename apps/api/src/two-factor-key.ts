import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Where a development install keeps its generated TOTP encryption key (production sets TOTP_ENCRYPTION_KEY). */
export const DEVELOPMENT_TOTP_KEY_FILE = '.data/totp-encryption.key';

/**
 * The development key: read from the file, or 32 random bytes written there the first time (readable
 * by the owner only). Kept between runs, since a new key would make every admin set up again; the
 * exclusive create lets two processes starting at once agree on one key.
 */
export async function developmentTotpKey(file = DEVELOPMENT_TOTP_KEY_FILE): Promise<Buffer> {
  try {
    return decode(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decode(await readFile(file, 'utf8'), file);
}

function decode(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key; delete it to generate a new one (admins then set up two-factor sign-in again).`);
  return key;
}
