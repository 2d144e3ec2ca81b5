/**
 * The hostile values of the fuzz: what an attacker or a broken client sends instead of a form's
 * input. Each case takes a valid input and changes one thing, so the change, not some other field,
 * decides how the call ends; a few cases replace the input as a whole.
 *
 * Every hostile string carries MARKER, so a test can see whether a response echoes what was sent.
 */
export const MARKER = 'fzmk7Q';

export interface HostileCase {
  label: string;
  input: unknown;
}

const uuid = 'a3bb189e-8bf9-4888-9912-ace4e6543002';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Strings no form produces; each says in its label what it tries. */
export const HOSTILE_STRINGS: Readonly<Record<string, string>> = {
  nul: `a${MARKER}\u0000b`,
  controls: `${MARKER}\u0001\u0007\u001b[31m\u007f\u0085\u0008`,
  lineBreaks: `${MARKER}\r\n\u2028\u2029x`,
  megabyte: MARKER + 'x'.repeat(1_048_576),
  rtlOverride: `${MARKER}\u202Egnp.exe`,
  astralCombining: `${MARKER}😀𝕏e\u0301\u0301\u0301\u0301ﷺ`,
  // Long enough for a reason's minimum length: a short one would stop at the schema and prove nothing.
  loneSurrogate: `${MARKER} half a pair \uD800 and the other \uDFFF`,
  // Lower-casing U+0130 doubles the length: a value within a limit before may exceed a column after.
  expandsWhenLowered: `${MARKER}${'İ'.repeat(300)}`,
  sql: `${MARKER}' OR 1=1; --\\x00%00`,
  protoKey: '__proto__',
  constructorKey: 'constructor',
  empty: '',
  spaces: '   ',
};

/** Days and times that cannot exist, and ones at the edge of what PostgreSQL or JavaScript can hold. */
export const HOSTILE_DATES: readonly string[] = [
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '-0001-01-01',
  '+275760-09-13',
  '294277-01-01',
  '2026-01-01T25:00:00Z',
  '2026-06-31T00:00:00.000Z',
];

export const HOSTILE_UUIDS: readonly string[] = [
  'not-a-uuid',
  uuid.toUpperCase(),
  `${uuid}\u0000`,
  `${uuid} `,
  `{${uuid}}`,
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a3bb189e8bf948889912ace4e6543002',
];

export const HOSTILE_CURSORS: readonly string[] = [
  '2026-02-30_1',
  '9999-12-31_999999999999999',
  '2026-01-01_0',
  b64(JSON.stringify([1, '2026-02-30T00:00:00Z', uuid])),
  b64(JSON.stringify(['294277-01-01T00:00:00Z', uuid])),
  b64('{"__proto__":{"polluted":true}}'),
  b64('['.repeat(5000)),
  'bm90IGpzb24',
  '%00',
];

export const HOSTILE_NUMBERS: Readonly<Record<string, unknown>> = {
  nan: Number.NaN,
  infinity: Number.POSITIVE_INFINITY,
  minusInfinity: Number.NEGATIVE_INFINITY,
  minusZero: -0,
  huge: 1e308,
  minusHuge: -1e308,
  unsafeInt: Number.MAX_SAFE_INTEGER + 2,
  int32Overflow: 2 ** 31,
  int64Overflow: 2 ** 63,
  negative: -1,
  fraction: 0.5,
  tiny: 1e-300,
  numericString: '12',
};

/** `{ a: { a: … } }` and `[[…]]`, `depth` levels deep. */
export function deepObject(depth: number): unknown {
  let value: unknown = { leaf: MARKER };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
export function deepArray(depth: number): unknown {
  let value: unknown = [MARKER];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** An object with an own `__proto__` key, as JSON.parse makes one (an object literal would set the prototype). */
export function withProtoKey(base: unknown): unknown {
  const polluting = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as object;
  // Spread defines keys (as JSON.parse does); Object.assign would run the __proto__ setter instead.
  return typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...base, ...polluting } : polluting;
}

type Path = (string | number)[];

/** Every place in a plain JSON-like value, with its path: leaves, arrays and objects. */
function places(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = { path, value };
  if (Array.isArray(value)) return [here, ...value.flatMap((item, i) => places(item, [...path, i]))];
  if (typeof value === 'object' && value !== null && !(value instanceof FormData) && !(value instanceof Blob)) {
    return [here, ...Object.entries(value).flatMap(([key, item]) => places(item, [...path, key]))];
  }
  return [here];
}

/** `base` with the value at `path` replaced (a copy along the path; the rest is shared). */
export function setAt(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(base)) return base.map((item, i) => (i === head ? setAt(item, rest, value) : item));
  const record = base as Record<string, unknown>;
  return { ...record, [head as string]: setAt(record[head as string], rest, value) };
}

/** A multipart upload's ways to go wrong: the field, the file's name, its size and bytes. */
function hostileForms(): HostileCase[] {
  const form = (...entries: [string, string | Blob][]) => {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return data;
  };
  const file = (name: string, body: string | Uint8Array = 'Datum,Bedrag\n') => new File([body], name);
  return [
    { label: 'form without a file', input: form(['note', MARKER]) },
    { label: 'file field as text', input: form(['file', HOSTILE_STRINGS['nul']!]) },
    { label: 'file name with NUL, controls and an RTL override', input: form(['file', file(`${HOSTILE_STRINGS['nul']}${HOSTILE_STRINGS['controls']}${HOSTILE_STRINGS['rtlOverride']}`)]) },
    { label: 'file name of 1 MB', input: form(['file', file(HOSTILE_STRINGS['megabyte']!)]) },
    { label: 'file name with a path', input: form(['file', file('../../etc/passwd')]) },
    { label: 'file name __proto__', input: form(['file', file('__proto__')]) },
    { label: 'empty file', input: form(['file', file('leeg.csv', '')]) },
    { label: 'file of NUL bytes', input: form(['file', file('nul.csv', new Uint8Array(1024))]) },
    { label: 'two files', input: form(['file', file('a.csv')], ['file', file('b.csv')]) },
    // The raw file as the body, without a form around it.
    { label: 'raw file named with NUL, controls and an RTL override', input: file(`${HOSTILE_STRINGS['nul']}${HOSTILE_STRINGS['rtlOverride']}`) },
    { label: 'raw empty file', input: new Blob([]) },
    { label: 'raw file of NUL bytes', input: new Blob([new Uint8Array(4096)]) },
  ];
}

const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-/i;
const DATE_LIKE = /^\d{4}-\d{2}(-\d{2})?/;
/** `endsOn`, `createdAt`, `from`, `month`; not `reason` (which ends in "on"). */
const DATE_NAME = /[a-z](On|At)$|^(from|to)$|[dD]ate|[mM]onth/;
const pathName = (path: Path) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || '(input)';

/**
 * The hostile cases for one procedure, from a valid input (`base`; undefined for a procedure whose
 * input is optional). Bounded: one case per hostile value and place, so the run stays in CI budget.
 */
export function hostileCases(base: unknown): HostileCase[] {
  const cases: HostileCase[] = [
    { label: 'input undefined', input: undefined },
    { label: 'input null', input: null },
    { label: 'input a number', input: 42 },
    { label: 'input a string', input: HOSTILE_STRINGS['nul'] },
    { label: 'input an array', input: [base] },
    { label: 'input 200 objects deep', input: deepObject(200) },
    { label: 'input 200 arrays deep', input: deepArray(200) },
    { label: 'input with __proto__ and constructor keys', input: withProtoKey(base) },
  ];
  if (base instanceof FormData || base instanceof Blob) return [...cases, ...hostileForms()];
  if (typeof base === 'object' && base !== null && !Array.isArray(base)) {
    const extra = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, MARKER]));
    cases.push({ label: 'input with 2000 unknown keys', input: { ...base, ...extra } });
  }
  for (const { path, value } of places(base)) {
    const at = pathName(path);
    if (path.length === 0) continue;
    if (typeof value === 'string') {
      for (const [name, text] of Object.entries(HOSTILE_STRINGS)) cases.push({ label: `${at}: ${name}`, input: setAt(base, path, text) });
      const last = String(path[path.length - 1]);
      if (UUID_LIKE.test(value) || /id$/i.test(last)) for (const id of HOSTILE_UUIDS) cases.push({ label: `${at}: malformed uuid ${JSON.stringify(id)}`, input: setAt(base, path, id) });
      if (DATE_LIKE.test(value) || DATE_NAME.test(last)) for (const day of HOSTILE_DATES) cases.push({ label: `${at}: impossible date ${day}`, input: setAt(base, path, day) });
      if (/cursor/i.test(last)) for (const cursor of HOSTILE_CURSORS) cases.push({ label: `${at}: cursor ${cursor.slice(0, 40)}`, input: setAt(base, path, cursor) });
      cases.push({ label: `${at}: a number instead`, input: setAt(base, path, 12) }, { label: `${at}: an object instead`, input: setAt(base, path, { toString: MARKER }) });
    } else if (typeof value === 'number') {
      for (const [name, number] of Object.entries(HOSTILE_NUMBERS)) cases.push({ label: `${at}: ${name}`, input: setAt(base, path, number) });
      cases.push({ label: `${at}: a string instead`, input: setAt(base, path, HOSTILE_STRINGS['nul']) });
    } else if (typeof value === 'boolean') {
      cases.push({ label: `${at}: "true" as a string`, input: setAt(base, path, 'true') }, { label: `${at}: 1 instead`, input: setAt(base, path, 1) });
    } else if (Array.isArray(value)) {
      cases.push(
        { label: `${at}: 10,000 elements`, input: setAt(base, path, Array.from({ length: 10_000 }, () => value[0] ?? MARKER)) },
        { label: `${at}: 200 arrays deep`, input: setAt(base, path, deepArray(200)) },
        { label: `${at}: an object instead`, input: setAt(base, path, { 0: value[0], length: 1 }) },
      );
    } else if (typeof value === 'object' && value !== null) {
      cases.push(
        { label: `${at}: 200 objects deep`, input: setAt(base, path, deepObject(200)) },
        { label: `${at}: __proto__ and constructor keys`, input: setAt(base, path, withProtoKey(value)) },
        { label: `${at}: an array instead`, input: setAt(base, path, [value]) },
      );
    }
  }
  return cases;
}
