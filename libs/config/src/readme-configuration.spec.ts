import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from './env.schema';

type Process = keyof typeof ENV_VARIABLES;
const PROCESSES = Object.keys(ENV_VARIABLES) as Process[];
// Rows for variables no process schema reads: the test and benchmark harnesses read them themselves.
const HARNESSES = new Set(['tests', 'benchmarks']);

/** README.md's Configuration table: each variable with the processes its row says read it. */
function readmeTable(): Map<string, string[]> {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Configuration\n'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // | variable | default | used by | meaning |  →  ['', variable, default, used by, meaning, '']
    if (cells.length < 6 || !cells[1]!.startsWith('`')) continue;
    const usedBy = cells[3]!.split(',').map((who) => who.trim());
    for (const [, name] of cells[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) rows.set(name!, usedBy);
  }
  return rows;
}

/** Which processes read a variable, by the schemas. */
function readers(name: string): string[] {
  return PROCESSES.filter((process) => ENV_VARIABLES[process].includes(name));
}

describe('README.md, Configuration', () => {
  const table = readmeTable();

  it('is found and read', () => {
    expect(table.get('LEDGER_MEMBER_SHARE_BP')).toEqual(['worker']);
    expect(table.get('ADMIN_PASSWORD')).toEqual(['api', 'admin:create']);
  });

  it('lists every variable of every process schema', () => {
    const everyVariable = [...new Set(PROCESSES.flatMap((process) => ENV_VARIABLES[process]))];
    expect(everyVariable.filter((name) => !table.has(name))).toEqual([]);
  });

  it('lists nothing the schemas do not read, except variables of the test and benchmark harnesses', () => {
    const unknown = [...table].filter(([name, usedBy]) => readers(name).length === 0 && !usedBy.every((who) => HARNESSES.has(who)));
    expect(unknown.map(([name]) => name)).toEqual([]);
    expect([...table].filter(([, usedBy]) => usedBy.some((who) => HARNESSES.has(who))).map(([name]) => name)).toEqual(
      expect.arrayContaining(['TEST_DATABASE_URL', 'TEST_REDIS_URL', 'BENCH_DATABASE_URL']),
    );
  });

  it('names exactly the processes that read each variable in "used by"', () => {
    const wrong: string[] = [];
    for (const [name, usedBy] of table) {
      if (usedBy.every((who) => HARNESSES.has(who))) continue;
      const documented = usedBy.includes('all') ? PROCESSES : usedBy;
      const actual = readers(name);
      if ([...documented].sort().join(', ') !== [...actual].sort().join(', ')) wrong.push(`${name}: README says ${usedBy.join(', ')}; read by ${actual.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
