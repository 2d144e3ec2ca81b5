import fc from 'fast-check';
import { treeArb } from '@dd/segments/testing';

/**
 * fast-check arbitraries from zod 4 input schemas, read from `schema._zod.def` (zod-fast-check and
 * its kin support zod 3 only). It covers what libs/contract uses; the values follow the schema's
 * shape, lengths, formats and patterns, so many pass parsing and reach the services, while free
 * text stays free (any unicode) and refinements are left to chance.
 */
interface ZodLike {
  _zod: { def: Def; bag?: Record<string, unknown>; optin?: 'optional' };
}
type Def = Record<string, unknown> & { type: string; checks?: ZodLike[] };

const isZod = (value: unknown): value is ZodLike => typeof value === 'object' && value !== null && '_zod' in value;

/** Values for `z.unknown()` fields by name: the segment tree is validated by the service, not the schema. */
const UNKNOWN_BY_NAME: Record<string, () => fc.Arbitrary<unknown>> = {
  segment: () => fc.oneof({ weight: 4, arbitrary: treeArb({ maxDepth: 4, allowEmptyGroups: false }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }),
};

interface StringRules {
  min: number;
  max: number;
  format?: string;
  pattern?: RegExp;
}

function stringRules(schema: ZodLike): StringRules {
  const rules: StringRules = { min: 0, max: Number.POSITIVE_INFINITY };
  // A format schema (z.uuid(), z.iso.date()) carries its format in its own def; z.string().regex() in a check.
  for (const check of [schema, ...(schema._zod.def.checks ?? [])]) {
    const def = check._zod.def;
    switch (def['check']) {
      case 'min_length':
        rules.min = Math.max(rules.min, def['minimum'] as number);
        break;
      case 'max_length':
        rules.max = Math.min(rules.max, def['maximum'] as number);
        break;
      case 'length_equals':
        rules.min = rules.max = def['length'] as number;
        break;
      case 'string_format':
        // The first format names the kind of value; later regexes narrow it further, which chance covers.
        if (!rules.format) {
          rules.format = def['format'] as string;
          if (def['pattern'] instanceof RegExp) rules.pattern = def['pattern'];
        }
        break;
    }
  }
  return rules;
}

const dayArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });

function formatArb(format: string, pattern: RegExp | undefined): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'uuid':
    case 'guid':
      return fc.uuid({ version: 4 });
    case 'email':
      // fast-check's addresses use every character RFC 5322 allows, which zod's pattern mostly refuses.
      return fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?@[a-z0-9]{1,10}\.(nl|com|eu)$/) }, { weight: 1, arbitrary: fc.emailAddress({ size: 'small' }) });
    case 'date':
      return dayArb.map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return dayArb.map((d) => d.toISOString());
    case 'url':
      return fc.webUrl({ validSchemes: ['https'] });
    default:
      return pattern ? matching(pattern) : undefined;
  }
}

/**
 * Strings matching `pattern`. fast-check cannot generate from lookarounds, so they are dropped for
 * generating and the full pattern filters (`^(?!0000)\d{4}` is `^\d{4}` less the year 0000).
 */
function matching(pattern: RegExp): fc.Arbitrary<string> {
  const plain = pattern.source.replace(/\(\?<?[!=](?:[^()]|\([^()]*\))*\)/g, '');
  if (plain === pattern.source) return fc.stringMatching(pattern);
  return fc.stringMatching(new RegExp(plain, pattern.flags)).filter((text) => pattern.test(text));
}

/** Dates checked by a refinement (calendarDate) carry no format: the field's name gives them away. */
const DATE_FIELD = /[a-z]On$|^(from|to)$|[dD]ate/;

function stringArb(schema: ZodLike, key: string): fc.Arbitrary<string> {
  const rules = stringRules(schema);
  const shaped = rules.format ? formatArb(rules.format, rules.pattern) : DATE_FIELD.test(key) ? formatArb('date', undefined) : undefined;
  if (shaped) return shaped;
  const maxLength = Math.min(rules.max, Math.max(rules.min, 40));
  // Mostly text a person might type, sometimes any code point at all.
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: rules.min, maxLength, unit: 'grapheme-ascii' }) },
    { weight: 1, arbitrary: fc.string({ minLength: rules.min, maxLength, unit: 'grapheme' }) },
  );
}

function numberArb(schema: ZodLike): fc.Arbitrary<number> {
  let min = -1e9;
  let max = 1e9;
  let integer = false;
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (def['check'] === 'number_format' && /int/.test(String(def['format']))) integer = true;
    if (def['check'] === 'greater_than') min = (def['value'] as number) + (def['inclusive'] ? 0 : integer ? 1 : 1e-9);
    if (def['check'] === 'less_than') max = (def['value'] as number) - (def['inclusive'] ? 0 : integer ? 1 : 1e-9);
  }
  // Small values are the common case; the bounds themselves are where off-by-ones live.
  const bounded = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 3, arbitrary: bounded }, { weight: 1, arbitrary: fc.constantFrom(integer ? Math.ceil(min) : min, integer ? Math.floor(max) : max) });
}

function arrayLengths(schema: ZodLike): { minLength: number; maxLength: number } {
  let minLength = 0;
  let maxLength = 5;
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (def['check'] === 'min_length') minLength = def['minimum'] as number;
    if (def['check'] === 'max_length') maxLength = Math.min(def['maximum'] as number, Math.max(minLength, 5));
  }
  return { minLength, maxLength: Math.max(minLength, maxLength) };
}

/** An uploaded file: any name, a few bytes. */
export const fileArb: fc.Arbitrary<File> = fc
  .record({ name: fc.string({ maxLength: 30, unit: 'grapheme' }), body: fc.uint8Array({ maxLength: 256 }) })
  .map(({ name, body }) => new File([body], name));

/** A statement upload as multipart form data: a FormData with a `file`, sometimes without one. */
export const formDataArb: fc.Arbitrary<FormData> = fc.record({ withFile: fc.boolean(), file: fileArb }).map(({ withFile, file }) => {
  const form = new FormData();
  if (withFile) form.set('file', file);
  else form.set('note', file.name);
  return form;
});

/** An arbitrary of inputs shaped like `schema`'s input; `key` is the field name it sits under. */
export function arbitraryFor(schema: unknown, key = '', depth = 0): fc.Arbitrary<unknown> {
  if (!isZod(schema)) return fc.jsonValue({ maxDepth: 2 });
  const def = schema._zod.def;
  const inner = (child: unknown, childKey = key) => arbitraryFor(child, childKey, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArb(schema, key);
    case 'number':
      return numberArb(schema);
    case 'int':
      return fc.integer();
    case 'bigint':
      return fc.bigInt();
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def['values'] as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def['entries'] as Record<string, unknown>));
    case 'object': {
      const shape = def['shape'] as Record<string, ZodLike>;
      const requiredKeys = Object.keys(shape).filter((name) => shape[name]!._zod.optin !== 'optional');
      const fields = Object.fromEntries(Object.entries(shape).map(([name, child]) => [name, inner(child, name)]));
      return fc.record(fields, { requiredKeys });
    }
    case 'array':
      return fc.array(inner(def['element']), arrayLengths(schema));
    case 'tuple':
      return fc.tuple(...(def['items'] as unknown[]).map((item) => inner(item)));
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), inner(def['valueType']), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(def['options'] as unknown[]).map((option) => inner(option)));
    case 'intersection':
      return fc.tuple(inner(def['left']), inner(def['right'])).map(([l, r]) => (typeof l === 'object' && typeof r === 'object' ? { ...l, ...r } : l));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: inner(def['innerType']) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: inner(def['innerType']) });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def['innerType']);
    case 'pipe':
      // A transform's input is its `in` side; the output side is the server's business.
      return inner(def['in']);
    case 'lazy':
      return depth > 12 ? fc.constant(null) : inner((def['getter'] as () => unknown)());
    case 'custom':
      // A check zod cannot describe: in the contract only uploads have one (z.instanceof(FormData), or a FormData or a file).
      if (schema._zod.bag?.['Class'] === FormData) return formDataArb;
      return fc.oneof(formDataArb, fileArb, fc.jsonValue({ maxDepth: 2 }));
    case 'unknown':
    case 'any':
      return UNKNOWN_BY_NAME[key]?.() ?? fc.jsonValue({ maxDepth: 2 });
    default:
      throw new Error(`zod-arbitrary: no generator for zod type "${def.type}" (field "${key}"); add one`);
  }
}
