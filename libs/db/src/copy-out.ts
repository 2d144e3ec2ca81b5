import type { CompiledQuery } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import { clientOfTransaction } from './connection-lending';

interface TransactionExecutor {
  readonly isTransaction: boolean;
  executeQuery(query: CompiledQuery): Promise<unknown>;
}

/** The 11-byte signature that opens PostgreSQL's binary COPY format. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * The first column of the first row of `copy (<select>) to stdout (format binary)`, as the raw bytes PostgreSQL
 * holds, or undefined without a row (or for NULL). A `bytea` read as a query result arrives as hex text, twice its
 * size, to be decoded again; binary COPY sends the bytes themselves. `select` is trusted SQL (COPY takes no
 * parameters): callers inline only values they have validated.
 */
export async function copyOutFirstValue(trx: TransactionExecutor, select: string): Promise<Buffer | undefined> {
  const client = await clientOfTransaction(trx);
  const parts: Buffer[] = [];
  for await (const part of client.query(copyTo(`copy (${select}) to stdout (format binary)`))) parts.push(part as Buffer);
  return firstValueOfBinaryCopy(Buffer.concat(parts));
}

/** Reads the documented layout: signature, flags, header extension, then per row a field count and length-prefixed fields. */
export function firstValueOfBinaryCopy(data: Buffer): Buffer | undefined {
  if (data.length < SIGNATURE.length + 8 || !data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error('Not PostgreSQL binary COPY output.');
  }
  let offset = SIGNATURE.length + 4;
  offset += 4 + data.readUInt32BE(offset);
  const fields = data.readInt16BE(offset);
  // -1 is the trailer: no row at all.
  if (fields < 1) return undefined;
  const length = data.readInt32BE(offset + 2);
  if (length < 0) return undefined;
  const start = offset + 6;
  if (start + length > data.length) throw new Error('Binary COPY output ended inside a value.');
  return data.subarray(start, start + length);
}
