// The npm registry this project installs from lacks some prebuilt binaries for other platforms:
// msgpackr-extract's for macOS, Windows and 32-bit ARM, and DuckDB's (a benchmark devDependency)
// for macOS, Windows and Linux ARM. `npm install` then writes a lock without them and `npm ci`
// refuses that lock. These optional entries are never downloaded on Linux x64; run this after
// any `npm install` that rewrites package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));

/** Optional per-platform packages: the parent whose version they share, and name suffix → [os, cpu, libc?]. */
const families = [
  {
    parent: 'node_modules/msgpackr-extract',
    prefix: 'node_modules/@msgpackr-extract/msgpackr-extract-',
    extra: {},
    platforms: { 'darwin-arm64': ['darwin', 'arm64'], 'darwin-x64': ['darwin', 'x64'], 'linux-arm': ['linux', 'arm'], 'linux-arm64': ['linux', 'arm64'], 'linux-x64': ['linux', 'x64'], 'win32-x64': ['win32', 'x64'] },
  },
  {
    parent: 'node_modules/@duckdb/node-bindings',
    prefix: 'node_modules/@duckdb/node-bindings-',
    extra: { dev: true },
    platforms: {
      'darwin-arm64': ['darwin', 'arm64'],
      'darwin-x64': ['darwin', 'x64'],
      'linux-arm64': ['linux', 'arm64', 'glibc'],
      'linux-arm64-musl': ['linux', 'arm64', 'musl'],
      'linux-x64': ['linux', 'x64', 'glibc'],
      'linux-x64-musl': ['linux', 'x64', 'musl'],
      'win32-arm64': ['win32', 'arm64'],
      'win32-x64': ['win32', 'x64'],
    },
  },
];

let added = 0;
for (const family of families) {
  const version = lock.packages[family.parent]?.version;
  if (!version) continue;
  for (const [name, [os, cpu, libc]] of Object.entries(family.platforms)) {
    const key = `${family.prefix}${name}`;
    if (lock.packages[key]) continue;
    lock.packages[key] = { version, cpu: [cpu], ...family.extra, ...(libc ? { libc: [libc] } : {}), license: 'MIT', optional: true, os: [os] };
    added += 1;
  }
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : 1))]);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `package-lock.json: restored ${added} optional platform entries` : 'package-lock.json: nothing to restore');
