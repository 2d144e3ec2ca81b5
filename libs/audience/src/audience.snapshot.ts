import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { z } from 'zod';
import type { AudienceIndexParts } from './audience.index';

/**
 * The snapshot file of an AudienceIndex, so a restarted process loads in a second what a full build
 * reads from PostgreSQL in tens of seconds. Layout:
 *
 *   magic (8 bytes) · format version (u32) · header length (u32) · SHA-256 of the header (32 bytes)
 *   · header (JSON, zero-padded to 8 bytes) · payload
 *
 * The payload holds, in this order: the expiry times (f64 each), then as u32 words the present and
 * adult bitsets, every feature, consent and excluded bitset in the header's key order, the
 * generations, and per expiry its member, consent key index and generation. Bitsets are written
 * in the machine's byte order (the header says which) so loading is a copy, not a conversion.
 */
const MAGIC = Buffer.from('DDAUDIX\n', 'latin1');
export const SNAPSHOT_FORMAT_VERSION = 1;
const PREFIX_BYTES = MAGIC.length + 4 + 4 + 32;
const MAX_HEADER_BYTES = 16 * 2 ** 20;
/** Hashing and writing go in slices of this size, letting the event loop run in between. */
const SLICE_BYTES = 4 * 2 ** 20;
/** 1 GiB: about 30 million members at today's number of bitsets. */
export const DEFAULT_SNAPSHOT_MAX_BYTES = 2 ** 30;

/** Which database a snapshot describes: a snapshot of another one (or of a recreated one) is never loaded. */
export interface DatabaseIdentity {
  systemIdentifier: string;
  name: string;
  oid: string;
}

/** Where in the change feed the snapshot stands: every transaction below `xmin` is in it. */
export interface SnapshotPoint {
  xmin: string;
  /** The database's clock when `xmin` was read. */
  takenAt: Date;
}

export type SnapshotRejection = 'missing' | 'too-large' | 'not-a-snapshot' | 'version' | 'platform' | 'checksum' | 'other-database' | 'too-old' | 'feed';

/** A snapshot that must not be loaded; `reason` is stable, the message says why in a sentence. */
export class SnapshotRejected extends Error {
  constructor(
    readonly reason: SnapshotRejection,
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotRejected';
  }
}

const count = z.number().int().min(0);
const headerSchema = z.object({
  xmin: z.string().regex(/^\d+$/),
  takenAt: z.iso.datetime().transform((text) => new Date(text)),
  writtenAt: z.iso.datetime(),
  database: z.object({ systemIdentifier: z.string(), name: z.string(), oid: z.string() }),
  endianness: z.enum(['LE', 'BE']),
  members: count,
  words: z.number().int().min(1),
  features: z.array(z.string()),
  consent: z.array(z.string()),
  excluded: z.array(z.string()),
  generations: count,
  expiries: count,
  payloadBytes: count,
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SnapshotHeader = z.output<typeof headerSchema>;

const bytesOf = (array: Uint32Array | Float64Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
const align8 = (n: number) => (n + 7) & ~7;

function payloadBytes(header: Pick<SnapshotHeader, 'words' | 'features' | 'consent' | 'excluded' | 'generations' | 'expiries'>): number {
  const bitsets = 2 + header.features.length + header.consent.length + header.excluded.length;
  return header.expiries * 8 + (bitsets * header.words + header.generations + header.expiries * 3) * 4;
}

/** Expiries encoded a batch at a time between turns of the event loop: there can be more than a million. */
const EXPIRY_BATCH = 65_536;

/**
 * The payload in file order: the bitsets as views of the parts' own memory (no copy), the expiries
 * still in force (their member's generation unchanged) as columns.
 */
async function payloadSections(parts: AudienceIndexParts): Promise<{ sections: Uint8Array[]; expiries: number }> {
  const keyIndex = new Map(parts.consent.map(([key], i) => [key, i]));
  const total = parts.expiries.length;
  const [at, member, key, generation] = [new Float64Array(total), new Uint32Array(total), new Uint32Array(total), new Uint32Array(total)];
  let n = 0;
  for (let from = 0; from < total; from += EXPIRY_BATCH) {
    if (from > 0) await yieldToEventLoop();
    for (const entry of parts.expiries.slice(from, from + EXPIRY_BATCH)) {
      const k = keyIndex.get(entry.key);
      if (k === undefined || parts.generations[entry.member] !== entry.generation) continue;
      at[n] = entry.at;
      member[n] = entry.member;
      key[n] = k;
      generation[n] = entry.generation;
      n++;
    }
  }
  const sets = [...parts.features, ...parts.consent, ...parts.excluded].map(([, bits]) => bits);
  const columns = [at.subarray(0, n), parts.present, parts.adult, ...sets, parts.generations, member.subarray(0, n), key.subarray(0, n), generation.subarray(0, n)];
  return { sections: columns.map(bytesOf), expiries: n };
}

function* slices(sections: readonly Uint8Array[]): Generator<Uint8Array> {
  for (const section of sections) {
    for (let at = 0; at < section.length; at += SLICE_BYTES) yield section.subarray(at, at + SLICE_BYTES);
  }
}

/** SHA-256 of the sections, a slice at a time with a turn of the event loop every few MiB. */
async function sha256(sections: readonly Uint8Array[]): Promise<string> {
  const hash = createHash('sha256');
  let sinceYield = 0;
  for (const slice of slices(sections)) {
    hash.update(slice);
    sinceYield += slice.length;
    if (sinceYield >= SLICE_BYTES) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  return hash.digest('hex');
}

/**
 * Writes the snapshot next to `file` and renames it into place, so a crash mid-write leaves the
 * previous snapshot (or none), never half of one. Refuses a snapshot larger than `maxBytes`.
 */
export async function writeSnapshotFile(
  file: string,
  contents: { point: SnapshotPoint; database: DatabaseIdentity; parts: AudienceIndexParts },
  maxBytes = DEFAULT_SNAPSHOT_MAX_BYTES,
): Promise<{ bytes: number }> {
  const { parts, point } = contents;
  const { sections, expiries } = await payloadSections(parts);
  const header = {
    xmin: point.xmin,
    takenAt: point.takenAt.toISOString(),
    writtenAt: new Date().toISOString(),
    database: contents.database,
    endianness: endianness(),
    members: parts.members,
    words: parts.words,
    features: parts.features.map(([key]) => key),
    consent: parts.consent.map(([key]) => key),
    excluded: parts.excluded.map(([key]) => key),
    generations: parts.generations.length,
    expiries,
    payloadBytes: sections.reduce((sum, section) => sum + section.length, 0),
    payloadSha256: await sha256(sections),
  } satisfies z.input<typeof headerSchema>;
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(align8(PREFIX_BYTES + json.length));
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(SNAPSHOT_FORMAT_VERSION, 8);
  prefix.writeUInt32LE(json.length, 12);
  createHash('sha256').update(json).digest().copy(prefix, 16);
  json.copy(prefix, PREFIX_BYTES);
  const bytes = prefix.length + header.payloadBytes;
  if (bytes > maxBytes) throw new RangeError(`the snapshot would take ${bytes} bytes, more than the limit of ${maxBytes}`);

  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    for (const slice of slices([prefix, ...sections])) {
      for (let done = 0; done < slice.length; ) done += (await handle.write(slice, done)).bytesWritten;
    }
    // On disk before the rename, or a power cut could leave a complete name over incomplete data.
    await handle.datasync();
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return { bytes };
}

/** Reads and checks a snapshot file; throws SnapshotRejected for anything that is not an intact snapshot of this format. */
export async function readSnapshotFile(file: string, maxBytes = DEFAULT_SNAPSHOT_MAX_BYTES): Promise<{ header: SnapshotHeader; parts: AudienceIndexParts; bytes: number }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SnapshotRejected('missing', `there is no snapshot at ${file}`);
    throw error;
  }
  if (size > maxBytes) throw new SnapshotRejected('too-large', `the snapshot takes ${size} bytes, more than the limit of ${maxBytes}`);
  if (size < PREFIX_BYTES) throw new SnapshotRejected('not-a-snapshot', 'the file is too short to be a snapshot');
  // Streamed in 1 MiB chunks: the event loop runs between them.
  const data = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 2 ** 20 }) as AsyncIterable<Buffer>) {
    if (filled + chunk.length > size) throw new SnapshotRejected('checksum', 'the file grew while it was read');
    data.set(chunk, filled);
    filled += chunk.length;
  }
  if (filled !== size) throw new SnapshotRejected('checksum', 'the file shrank while it was read');
  const buffer = Buffer.from(data.buffer, 0, size);

  if (!buffer.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotRejected('not-a-snapshot', 'the file does not start with the snapshot magic');
  const version = buffer.readUInt32LE(8);
  if (version !== SNAPSHOT_FORMAT_VERSION) throw new SnapshotRejected('version', `format version ${version}, this code reads version ${SNAPSHOT_FORMAT_VERSION}`);
  const headerLength = buffer.readUInt32LE(12);
  if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > size) throw new SnapshotRejected('checksum', 'the header length does not fit the file');
  const json = buffer.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength);
  if (!createHash('sha256').update(json).digest().equals(buffer.subarray(16, PREFIX_BYTES))) throw new SnapshotRejected('checksum', 'the header does not match its checksum');
  let header: SnapshotHeader;
  try {
    header = headerSchema.parse(JSON.parse(json.toString('utf8')));
  } catch {
    throw new SnapshotRejected('not-a-snapshot', 'the header is not a snapshot header of this version');
  }
  if (header.endianness !== endianness()) throw new SnapshotRejected('platform', `written on a ${header.endianness} machine, this one is ${endianness()}`);
  const start = align8(PREFIX_BYTES + headerLength);
  if (header.generations !== header.words * 32 || header.payloadBytes !== payloadBytes(header) || start + header.payloadBytes !== size) {
    throw new SnapshotRejected('checksum', 'the payload length does not match the header');
  }
  if ((await sha256([data.subarray(start)])) !== header.payloadSha256) throw new SnapshotRejected('checksum', 'the payload does not match its checksum');
  return { header, parts: partsOf(header, data.buffer, start), bytes: size };
}

/** Views over the payload (`start` is 8-aligned in a buffer of its own, so every view is aligned). */
function partsOf(header: SnapshotHeader, buffer: ArrayBuffer, start: number): AudienceIndexParts {
  let offset = start;
  const at = new Float64Array(buffer, offset, header.expiries);
  offset += at.byteLength;
  const words = (n: number) => {
    const view = new Uint32Array(buffer, offset, n);
    offset += view.byteLength;
    return view;
  };
  const bitsets = (keys: string[]) => keys.map((key) => [key, words(header.words)] as [string, Uint32Array<ArrayBuffer>]);
  const present = words(header.words);
  const adult = words(header.words);
  const features = bitsets(header.features);
  const consent = bitsets(header.consent);
  const excluded = bitsets(header.excluded);
  const generations = words(header.generations);
  const [member, key, generation] = [words(header.expiries), words(header.expiries), words(header.expiries)];
  const expiries = new Array<AudienceIndexParts['expiries'][number]>(header.expiries);
  for (let i = 0; i < header.expiries; i++) {
    const m = member[i]!;
    const k = key[i]!;
    if (k >= consent.length || m >= header.generations) throw new SnapshotRejected('not-a-snapshot', 'an expiry names a consent key or member the snapshot does not hold');
    expiries[i] = { at: at[i]!, member: m, key: consent[k]![0], generation: generation[i]! };
  }
  return { words: header.words, members: header.members, present, adult, features, consent, excluded, generations, expiries };
}
