import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The `@dd/*` paths of tsconfig.base.json as Vite aliases, so tests and the portal build share one map. */
export function workspaceAliases(): { find: string | RegExp; replacement: string }[] {
  const base = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(base.compilerOptions.paths)
    .sort(([a], [b]) => b.length - a.length)
    .map(([name, [target]]) => ({ find: new RegExp(`^${name.replace('/', '\\/')}$`), replacement: resolve(root, target!) }));
}
