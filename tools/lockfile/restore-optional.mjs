// The npm registry this project installs from lacks msgpackr-extract's prebuilt binaries for
// macOS, Windows and 32-bit ARM. `npm install` then writes a lock without them and `npm ci`
// refuses that lock. These optional entries are never downloaded on Linux x64; run this after
// any `npm install` that rewrites package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const version = lock.packages['node_modules/msgpackr-extract']?.version;
if (!version) process.exit(0);
const platforms = { 'darwin-arm64': ['darwin', 'arm64'], 'darwin-x64': ['darwin', 'x64'], 'linux-arm': ['linux', 'arm'], 'linux-arm64': ['linux', 'arm64'], 'linux-x64': ['linux', 'x64'], 'win32-x64': ['win32', 'x64'] };
let added = 0;
for (const [name, [os, cpu]] of Object.entries(platforms)) {
  const key = `node_modules/@msgpackr-extract/msgpackr-extract-${name}`;
  if (!lock.packages[key]) {
    lock.packages[key] = { version, cpu: [cpu], license: 'MIT', optional: true, os: [os] };
    added += 1;
  }
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : 1))]);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `package-lock.json: restored ${added} optional platform entries` : 'package-lock.json: nothing to restore');
