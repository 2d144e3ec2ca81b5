/** A JavaScript chunk of the build, as Vite's bundle describes it. */
export interface BuiltChunk {
  fileName: string;
  /** Chunks this one imports statically: the browser needs them before it runs. */
  imports: readonly string[];
  isEntry: boolean;
  isDynamicEntry: boolean;
}

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FirstLoad {
  /** What index.html loads and preloads, with everything those import statically. */
  initial: { files: string[]; total: Sizes; perFile: Map<string, Sizes> };
  /** Each chunk loaded on demand (a role area, a text namespace), with what it adds to the initial files. */
  onDemand: { name: string; files: string[]; total: Sizes }[];
}

/** The budget of the initial JavaScript, in bytes of brotli (what the API sends every current browser). */
export const INITIAL_JS_BUDGET = { brotli: 150_000 };

/** The scripts index.html runs and preloads, as file names in the build (`assets/index-abc.js`). */
export function scriptsOfHtml(html: string, base = '/'): string[] {
  const urls = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)].map((m) => m[1]!),
  ];
  return [...new Set(urls.filter((url) => /\.m?js$/.test(url)).map((url) => (url.startsWith(base) ? url.slice(base.length) : url)))];
}

/** The chunks and everything they import statically. */
function closure(start: readonly string[], chunks: Map<string, BuiltChunk>): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  start.forEach(visit);
  return [...seen];
}

/** `sizes`: each chunk's size as served, by file name (the compressed copies the build wrote). */
export function measureFirstLoad(html: string, chunkList: readonly BuiltChunk[], sizes: ReadonlyMap<string, Sizes>): FirstLoad {
  const chunks = new Map(chunkList.map((chunk) => [chunk.fileName, chunk]));
  const sum = (files: readonly string[]): Sizes =>
    files.reduce((total, file) => {
      const size = sizes.get(file) ?? { raw: 0, gzip: 0, brotli: 0 };
      return { raw: total.raw + size.raw, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli };
    }, { raw: 0, gzip: 0, brotli: 0 });

  const entries = chunkList.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  const initialFiles = closure([...scriptsOfHtml(html), ...entries], chunks).filter((file) => chunks.has(file));
  const initial = new Set(initialFiles);
  const onDemand = chunkList
    .filter((chunk) => chunk.isDynamicEntry)
    .map((chunk) => {
      const files = closure([chunk.fileName], chunks).filter((file) => !initial.has(file));
      return { name: chunk.fileName, files, total: sum(files) };
    });
  return {
    initial: { files: initialFiles, total: sum(initialFiles), perFile: new Map(initialFiles.map((file) => [file, sizes.get(file)!])) },
    onDemand,
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const describeSizes = (size: Sizes) => `${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli`;

/** Why the build must fail, naming every initial file with its sizes; null within the budget. */
export function overBudget(firstLoad: FirstLoad, budget = INITIAL_JS_BUDGET): string | null {
  const { total, perFile } = firstLoad.initial;
  if (total.brotli <= budget.brotli) return null;
  const files = [...perFile].sort(([, a], [, b]) => b.brotli - a.brotli).map(([file, size]) => `  ${file}: ${describeSizes(size)}`);
  return [
    `The portal's initial JavaScript is ${kb(total.brotli)} brotli, over its budget of ${kb(budget.brotli)} (${describeSizes(total)}).`,
    'What index.html loads, largest first:',
    ...files,
    'Load what only some pages need on demand (a role area in src/app/areas, a text namespace), or split a library out of the entry.',
  ].join('\n');
}
