import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiEnv } from '@dd/config';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { buildServer } from './server';

let tdb: TestDatabase;
let app: FastifyInstance;
let testQueues: ReturnType<typeof createTestQueues>;

// A build as the portal's writes it: hashed assets with a .br and a .gz beside each, index.html too.
const script = Buffer.from(`export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `tekst ${i}`))};\n`);
const html = Buffer.from(`<!doctype html><title>DataDividend</title><div id="root"></div>${'<!-- opvulling -->'.repeat(80)}`);
const favicon = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');

function writeWithCompressedCopies(file: string, content: Buffer) {
  writeFileSync(file, content);
  writeFileSync(`${file}.br`, brotliCompressSync(content));
  writeFileSync(`${file}.gz`, gzipSync(content));
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
  const dist = mkdtempSync(join(tmpdir(), 'dd-portal-'));
  mkdirSync(join(dist, 'assets'));
  writeWithCompressedCopies(join(dist, 'index.html'), html);
  writeWithCompressedCopies(join(dist, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(dist, 'favicon.svg'), favicon);
  const env = loadApiEnv({ PUBLIC_ORIGIN: 'http://localhost:3000', PORTAL_DIST: dist, LOG_LEVEL: 'silent' });
  app = await buildServer({ env, db: tdb.db, queues: testQueues.queues, logger: pino({ level: 'silent' }), pingRedis: async () => 'PONG' });
});

afterAll(async () => {
  await app?.close();
  await testQueues?.close();
  await tdb?.drop();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('the built portal’s files', () => {
  it('sends a hashed asset as brotli when accepted, cached for a year, and it decompresses to the file', async () => {
    const res = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).equals(script)).toBe(true);
  });

  it('sends gzip to a client without brotli, and the file itself to one that accepts neither', async () => {
    const gz = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.rawPayload).equals(script)).toBe(true);

    const plain = await get('/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(plain.rawPayload.equals(script)).toBe(true);
  });

  it('has index.html revalidated, compressed, at / and as the fallback of a client-side route', async () => {
    for (const url of ['/', '/customer/consent', '/advertiser/segments/new']) {
      const res = await get(url, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['vary'], url).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(res.rawPayload).equals(html), url).toBe(true);
    }
    const gz = await get('/customer/consent', { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(html)).toBe(true);
  });

  it('sends a file without compressed copies as it is, revalidated when it is not a hashed asset', async () => {
    const res = await get('/favicon.svg', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.rawPayload.equals(favicon)).toBe(true);
  });

  it('answers a missing asset (an old release’s chunk) with a 404, not with index.html', async () => {
    const res = await get('/assets/customer-area-old.js', { accept: '*/*', 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(404);
  });
});
