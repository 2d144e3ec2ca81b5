import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { hostileCases, type HostileCase } from './hostile-inputs';
import type { ProcedureEntry } from './procedure-catalogue';
import { arbitraryFor } from './zod-arbitrary';

/**
 * The inputs one procedure is fuzzed with: `generated` from its schema, and the hostile cases
 * built on `base`, a generated input the schema accepts (so each hostile case changes exactly one
 * thing about an input that would otherwise reach the service).
 */
export interface FuzzCases {
  generated: HostileCase[];
  hostile: HostileCase[];
  /** Where `base` came from: the seeds, generated, or none valid (the hostile cases then start from an invalid input). */
  base: 'generated' | 'seed' | 'none';
  /** The input the hostile cases start from (undefined for a procedure without input). */
  baseInput: unknown;
}

interface ParseableSchema {
  safeParseAsync(value: unknown): Promise<{ success: boolean }>;
}

/** The same seed for a procedure on every run; another path gets another stream of values. */
export function seedFor(path: string, seed: number): number {
  return createHash('sha256').update(`${seed}:${path}`).digest().readInt32LE(0);
}

/** How many places an input has to attack: its leaves, arrays and objects (an upload counts as one). */
function size(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((n: number, v) => n + size(v), 0);
  if (typeof value === 'object' && value !== null && !(value instanceof FormData) && !(value instanceof Blob)) return 1 + Object.values(value).reduce((n: number, v) => n + size(v), 0);
  return 1;
}

/** Whether the schema accepts `value`; a transform that throws (a file over the limit) is a refusal too. */
async function accepts(schema: ParseableSchema, value: unknown): Promise<boolean> {
  return schema.safeParseAsync(value).then(
    (result) => result.success,
    () => false,
  );
}

export async function fuzzCasesFor(procedure: ProcedureEntry, options: { seed: number; generated: number; seeds?: Record<string, unknown> }): Promise<FuzzCases> {
  if (!procedure.input) return { generated: [{ label: 'no input', input: undefined }], hostile: hostileCases(undefined), base: 'none', baseInput: undefined };
  const schema = procedure.input as ParseableSchema;
  const arbitrary = arbitraryFor(procedure.input);
  const seed = seedFor(procedure.path, options.seed);
  const generated = fc.sample(arbitrary, { seed, numRuns: options.generated }).map((input, i) => ({ label: `generated #${i}`, input }));
  // The richest accepted input makes the best base: every optional field present is one more place to attack.
  const candidates = [...generated.map((g) => g.input), ...fc.sample(arbitrary, { seed: seed + 1, numRuns: 300 })];
  let best: unknown;
  for (const candidate of candidates) {
    if ((await accepts(schema, candidate)) && (best === undefined || size(candidate) > size(best))) best = candidate;
  }
  // A seed (a realistic input, often naming the actor's own resources) goes deeper than chance: it wins.
  const seeded = options.seeds?.[procedure.path];
  if (seeded !== undefined && (await accepts(schema, seeded))) return { generated, hostile: hostileCases(seeded), base: 'seed', baseInput: seeded };
  if (best !== undefined) return { generated, hostile: hostileCases(best), base: 'generated', baseInput: best };
  return { generated, hostile: hostileCases(candidates[0]), base: 'none', baseInput: candidates[0] };
}
