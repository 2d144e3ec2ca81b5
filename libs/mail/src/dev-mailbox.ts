import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readEml, type ReadMail } from './eml.reader';

export interface DevMailboxMessage extends ReadMail {
  /** The file name, which is also how one message is addressed. */
  id: string;
}

/**
 * The messages written to the mail folder when no SMTP server is configured, newest first. Only
 * for development: the API exposes it when NODE_ENV is not production and SMTP_URL is unset.
 */
export async function listDevMailbox(mailDir: string, limit = 100): Promise<DevMailboxMessage[]> {
  let names: string[];
  try {
    names = await readdir(mailDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((name) => name.endsWith('.eml')).sort().reverse().slice(0, limit);
  return Promise.all(files.map(async (id) => ({ id, ...readEml(await readFile(join(mailDir, id), 'utf8')) })));
}

/** Whether the development mailbox may be shown: never in production, and not when real mail goes out. */
export function devMailboxEnabled(env: { NODE_ENV: string; SMTP_URL?: string | undefined }): boolean {
  return env.NODE_ENV !== 'production' && !env.SMTP_URL;
}
