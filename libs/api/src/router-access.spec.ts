import { describe, expect, it } from 'vitest';
import { appRouter } from './app.router';
import { publicProcedure } from './procedures';
import { router, t } from './trpc';

type AnyProcedureMap = Record<string, { _def: { meta?: { access?: string } } }>;

/** Paths of procedures that were not built from one of the role builders. */
function proceduresWithoutAccess(r: { _def: { procedures: object } }): string[] {
  return Object.entries(r._def.procedures as AnyProcedureMap)
    .filter(([, procedure]) => !procedure._def.meta?.access)
    .map(([path]) => path);
}

describe('authorization builders', () => {
  it('every procedure of the app router declares who may call it', () => {
    const paths = Object.keys(appRouter._def.procedures);
    expect(paths.length).toBeGreaterThan(5);
    expect(proceduresWithoutAccess(appRouter)).toEqual([]);
  });

  it('the check catches a procedure built without a role builder', () => {
    const leaky = router({ fine: publicProcedure.query(() => 1), bare: t.procedure.query(() => 2) });
    expect(proceduresWithoutAccess(leaky)).toEqual(['bare']);
  });

  it('the access levels match the routers they sit in', () => {
    const access = Object.fromEntries(
      Object.entries(appRouter._def.procedures as unknown as AnyProcedureMap).map(([path, p]) => [path, p._def.meta?.access]),
    );
    for (const [path, level] of Object.entries(access)) {
      if (path.startsWith('admin.')) expect(level, path).toBe('admin');
      if (path.startsWith('advertiser.')) expect(level, path).toBe('advertiser');
    }
    expect(access['auth.signIn']).toBe('public');
  });
});
