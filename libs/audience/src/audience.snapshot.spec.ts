import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Purpose } from '@dd/db';
import { featuresArb, treeArb } from '@dd/segments/testing';
import { AudienceIndex } from './audience.index';
import { readSnapshotFile, SnapshotRejected, writeSnapshotFile } from './audience.snapshot';
import type { AudienceQuery, MemberState } from './member-state';

const CATEGORIES = ['groceries', 'travel', 'profile_age'] as const;
const PURPOSES: Purpose[] = ['insights', 'offers'];
const INDUSTRIES = ['gambling', 'alcohol'] as const;
const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const point = { xmin: '1234', takenAt: new Date(NOW) };
const database = { systemIdentifier: '1', name: 'dd', oid: '2' };

const stateArb = (memberNo: number): fc.Arbitrary<MemberState> =>
  fc.record({
    memberNo: fc.constant(memberNo),
    features: featuresArb,
    grants: fc
      .subarray(CATEGORIES.flatMap((category) => PURPOSES.map((purpose) => ({ category, purpose }))))
      .chain((cells) => fc.tuple(...cells.map((cell) => fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }).map((days) => ({ ...cell, expiresAt: days === null ? null : NOW + days * DAY })))))
      .map((grants) => [...grants]),
    excludedIndustries: fc.subarray([...INDUSTRIES]),
  });

const queryArb: fc.Arbitrary<AudienceQuery> = fc.record({
  tree: treeArb({ maxDepth: 4 }),
  categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
  purpose: fc.constantFrom(...PURPOSES),
  industry: fc.constantFrom<string | null>(null, ...INDUSTRIES),
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dd-audience-snapshot-unit-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** An index of `size` random members, some changed twice (so stale expiries exist), written and read back. */
async function roundTrip(size: number, seed: number) {
  const original = new AudienceIndex();
  const states = fc.sample(fc.integer({ min: 0, max: size * 2 }).chain(stateArb), { numRuns: size, seed });
  for (const state of states) original.apply(state.memberNo, state, NOW);
  const file = join(dir, `round-trip-${seed}.snapshot`);
  await writeSnapshotFile(file, { point, database, parts: original.snapshotParts() });
  const { header, parts } = await readSnapshotFile(file);
  return { original, restored: AudienceIndex.fromParts(parts), header, file };
}

describe('audience snapshot file', () => {
  it('restores an index that counts like the original now and as dated grants expire', async () => {
    const { original, restored, header } = await roundTrip(300, 1);
    expect(header).toMatchObject({ xmin: '1234', takenAt: point.takenAt, database, members: original.size });
    expect(restored.size).toBe(original.size);
    expect(restored.byteSize).toBe(original.byteSize);
    for (const query of fc.sample(queryArb, { numRuns: 80, seed: 2 })) {
      for (const at of [NOW, NOW + DAY + 1, NOW + 2 * DAY + 1, NOW + 4 * DAY]) {
        expect({ query, at, count: restored.count(query, at) }).toEqual({ query, at, count: original.count(query, at) });
      }
    }
  });

  it('keeps restored members changeable: a member applied again replaces what the snapshot said', async () => {
    const { original, restored } = await roundTrip(50, 3);
    const [state] = fc.sample(stateArb(7), { numRuns: 1, seed: 4 });
    for (const index of [original, restored]) index.apply(7, state!, NOW);
    for (const index of [original, restored]) index.apply(120, null, NOW);
    for (const query of fc.sample(queryArb, { numRuns: 40, seed: 5 })) expect(restored.count(query, NOW)).toBe(original.count(query, NOW));
  });

  it('writes nothing larger than the limit and reads nothing larger than the limit', async () => {
    const { original, file } = await roundTrip(20, 6);
    await expect(writeSnapshotFile(join(dir, 'too-large.snapshot'), { point, database, parts: original.snapshotParts() }, 1_000)).rejects.toThrow(RangeError);
    await expect(readSnapshotFile(join(dir, 'too-large.snapshot'))).rejects.toMatchObject({ reason: 'missing' });
    await expect(readSnapshotFile(file, 1_000)).rejects.toSatisfy((error) => error instanceof SnapshotRejected && error.reason === 'too-large');
  });
});
