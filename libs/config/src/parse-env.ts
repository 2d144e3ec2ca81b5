import type { z } from 'zod';

/**
 * Thrown when the configuration is bad: one line per variable (`NAME: what is wrong`), every bad
 * variable at once, so the operator fixes them in one go and the process refuses to start.
 */
export class EnvError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'EnvError';
  }
}

/** What a process reads its configuration from: process.env, or a test's plain object. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * The one rule for reading configuration. An empty variable (`FOO=`, as compose files and shells
 * often pass them) means "not set", so it gets its default; it never parses as 0 or "".
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: EnvSource): z.output<S> {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  // Several problems with one variable (a bad value and a cross-field rule) stay on its one line.
  const byVariable = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const name = issue.path.length > 0 ? String(issue.path[0]) : 'configuration';
    byVariable.set(name, [...(byVariable.get(name) ?? []), issue.message]);
  }
  throw new EnvError([...byVariable].map(([name, messages]) => `${name}: ${messages.join('; ')}`));
}
