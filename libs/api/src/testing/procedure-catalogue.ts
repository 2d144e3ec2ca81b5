import type { Access } from '../trpc';
import { appRouter } from '../app.router';

/**
 * Every procedure of the app router with what the fuzz and the authorization matrix need: its
 * path, kind, declared access and input schema. Read from the router itself, so a procedure added
 * tomorrow is fuzzed and checked the moment it exists.
 */
export interface ProcedureEntry {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  access: Access;
  /** The zod schema of `.input()`, or undefined for a procedure without input. */
  input: unknown;
}

interface ProcedureDef {
  _def: { meta?: { access?: Access }; type: ProcedureEntry['type']; inputs?: unknown[] };
}

export const PROCEDURES: readonly ProcedureEntry[] = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(
  ([path, procedure]) => ({
    path,
    type: procedure._def.type,
    // router-access.spec.ts fails on a procedure without access; here it would read as "public".
    access: procedure._def.meta?.access ?? 'public',
    input: procedure._def.inputs?.[0],
  }),
);

/** The roles a request can come from; the advertiser twice, since verification changes what they may do. */
export const ROLES = ['anonymous', 'customer', 'advertiserUnverified', 'advertiserVerified', 'admin'] as const;
export type FuzzRole = (typeof ROLES)[number];

/** What a role should get from a procedure's builder alone, before any input or resource is looked at. */
export type Expected = 'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN';

const ACCOUNT_ROLE: Record<FuzzRole, string | null> = {
  anonymous: null,
  customer: 'customer',
  advertiserUnverified: 'advertiser',
  advertiserVerified: 'advertiser',
  admin: 'admin',
};

/** The matrix, derived from the access level the procedure builder declared (procedures.ts). */
export function expectedOutcome(access: Access, role: FuzzRole): Expected {
  if (access === 'public') return 'allowed';
  const accountRole = ACCOUNT_ROLE[role];
  if (accountRole === null) return 'UNAUTHORIZED';
  if (access === 'signedIn') return 'allowed';
  return accountRole === access ? 'allowed' : 'FORBIDDEN';
}

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}
const isZod = (value: unknown): value is ZodLike => typeof value === 'object' && value !== null && '_zod' in value;

/** A field that names a stored thing: `id`, `…Id` or `…Ids`. */
export const RESOURCE_ID_FIELD = /^(id|\w+Id|\w+Ids)$/;

/** The input fields of a schema that name a resource, as dotted paths (`requestIds`, `offer.segmentId`). */
export function resourceIdFields(schema: unknown, path = '', seen = new Set<unknown>()): string[] {
  if (!isZod(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def;
  const walk = (child: unknown, childPath = path) => resourceIdFields(child, childPath, seen);
  switch (def.type) {
    case 'object':
      return Object.entries(def['shape'] as Record<string, unknown>).flatMap(([name, child]) => {
        const childPath = path ? `${path}.${name}` : name;
        return [...(RESOURCE_ID_FIELD.test(name) ? [childPath] : []), ...walk(child, childPath)];
      });
    case 'array':
      return walk(def['element'], `${path}[]`);
    case 'union':
      return [...new Set((def['options'] as unknown[]).flatMap((option) => walk(option)))];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(def['innerType']);
    case 'pipe':
      return walk(def['in']);
    case 'lazy':
      return walk((def['getter'] as () => unknown)());
    default:
      return [];
  }
}
