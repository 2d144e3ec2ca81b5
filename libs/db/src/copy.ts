import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CompiledQuery } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { clientOfTransaction } from './connection-lending';

/** A value as COPY's text format writes it; null is SQL NULL, booleans are t/f. */
export type CopyValue = string | number | bigint | boolean | null;

const NEEDS_ESCAPE = /[\\\n\r\t\0]/;
const ESCAPED = /[\\\n\r\t\0]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '' };

/**
 * One field of COPY's text format. Backslash, tab, line feed and carriage return are escaped; NUL, which
 * no PostgreSQL text can hold (a parameter with one is refused), is dropped.
 */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value !== 'string') return String(value);
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (char) => ESCAPES[char]!) : value;
}

/** One row of COPY's text format, line feed included. */
export function copyRow(values: readonly CopyValue[]): string {
  let line = copyField(values[0] ?? null);
  for (let i = 1; i < values.length; i += 1) line += `\t${copyField(values[i]!)}`;
  return `${line}\n`;
}

interface TransactionExecutor {
  readonly isTransaction: boolean;
  executeQuery(query: CompiledQuery): Promise<unknown>;
}

/**
 * Streams rows into `copy <table> (<columns>) from stdin` (text format) on the transaction's own connection,
 * so they commit or roll back with everything else it did. `chunks` are whole rows made with `copyRow`; an
 * error while producing them aborts the COPY, and with it the transaction. Returns the number of rows copied.
 */
export async function copyInto(
  trx: TransactionExecutor,
  target: { table: string; columns: readonly string[] },
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<number> {
  const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const client = await clientOfTransaction(trx);
  const stream = client.query(copyFrom(`copy ${identifier(target.table)} (${target.columns.map(identifier).join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}
