import type { SavedSegment, SavedSegmentSummary, SegmentNode } from '@dd/contract';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { canonicalKey, canonicalise, isEmptySegment, isUnrestrictedSegment } from './segment.canonical';
import { describeSegment, type SegmentLocale } from './segment.describe';
import { validateSegment } from './segment.validation';
import { savedSegmentsRepository } from './saved-segments.repository';

/** Enough for any real list of audiences; stops a script from filling the table. */
export const MAX_SAVED_SEGMENTS = 200;

/** The organisation and the advertiser user acting for it, from the session (never from the input). */
export interface SegmentOwner {
  organisationId: string;
  userId: string;
}

type Row = Awaited<ReturnType<typeof savedSegmentsRepository.find>> & object;

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

const notFound = () => new DomainError('NOT_FOUND', 'This segment does not exist (any more). It may have been deleted by someone else in your organisation.');

const nameTaken = () =>
  new DomainError('VALIDATION_FAILED', 'Your organisation already has a segment with this name. Choose another name.', {
    field: 'name',
    messageKey: 'segments.errors.nameTaken',
  });

// Stored trees were validated and canonicalised on the way in.
const treeOf = (row: Row) => row.tree as SegmentNode;

function summary(row: Row, locale: SegmentLocale): SavedSegmentSummary {
  return { id: row.id, name: row.name, description: describeSegment(treeOf(row), locale), updatedAt: row.updated_at.toISOString() };
}

function detail(row: Row, locale: SegmentLocale): SavedSegment {
  return { ...summary(row, locale), tree: treeOf(row), createdAt: row.created_at.toISOString() };
}

/**
 * Checks a tree like an estimate does and returns its canonical form, which is what is stored: the
 * same audience written two ways is stored one way, under one key. A tree that selects nobody, or
 * everyone, has no canonical form a segment can hold, so it is refused with a reason.
 */
function canonicalTree(segment: unknown): { tree: SegmentNode; key: string } {
  const { tree } = validateSegment(segment);
  const canonical = canonicalise(tree);
  if (isEmptySegment(canonical)) {
    throw new DomainError('VALIDATION_FAILED', 'These criteria exclude each other, so nobody can be in this segment. Change them before saving.', {
      field: 'criteria',
      messageKey: 'segments.errors.nobody',
    });
  }
  if (isUnrestrictedSegment(canonical)) {
    throw new DomainError('VALIDATION_FAILED', 'These criteria leave everyone in, so they describe no segment. Add a criterion that narrows the group.', {
      field: 'criteria',
      messageKey: 'segments.errors.everyone',
    });
  }
  return { tree: canonical, key: canonicalKey(canonical) };
}

/** An organisation's saved segments: explore, save, rename and delete, whether or not it is verified yet. */
export function createSavedSegmentsService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async list(owner: SegmentOwner, locale: SegmentLocale): Promise<SavedSegmentSummary[]> {
      const rows = await savedSegmentsRepository.list(db, owner.organisationId);
      return rows.map((row) => summary(row, locale));
    },

    async get(owner: SegmentOwner, id: string, locale: SegmentLocale): Promise<SavedSegment> {
      const row = await savedSegmentsRepository.find(db, owner.organisationId, id);
      if (!row) throw notFound();
      return detail(row, locale);
    },

    /** Creates a segment, or with `id` replaces the name and criteria of one of the organisation's own. */
    async save(owner: SegmentOwner, input: { id?: string | undefined; name: string; segment: unknown }, locale: SegmentLocale): Promise<SavedSegment> {
      const { tree, key } = canonicalTree(input.segment);
      try {
        if (input.id !== undefined) {
          const row = await savedSegmentsRepository.update(db, owner.organisationId, input.id, { name: input.name, tree, canonicalKey: key });
          if (!row) throw notFound();
          return detail(row, locale);
        }
        if ((await savedSegmentsRepository.count(db, owner.organisationId)) >= MAX_SAVED_SEGMENTS) {
          throw new DomainError('VALIDATION_FAILED', `An organisation can keep at most ${MAX_SAVED_SEGMENTS} segments. Delete one you no longer need first.`, {
            field: 'name',
            messageKey: 'segments.errors.tooMany',
          });
        }
        const row = await savedSegmentsRepository.insert(db, { organisationId: owner.organisationId, userId: owner.userId, name: input.name, tree, canonicalKey: key });
        return detail(row, locale);
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken();
        throw error;
      }
    },

    async rename(owner: SegmentOwner, id: string, name: string, locale: SegmentLocale): Promise<SavedSegment> {
      try {
        const row = await savedSegmentsRepository.update(db, owner.organisationId, id, { name });
        if (!row) throw notFound();
        return detail(row, locale);
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken();
        throw error;
      }
    },

    async delete(owner: SegmentOwner, id: string): Promise<{ deleted: true }> {
      if (!(await savedSegmentsRepository.delete(db, owner.organisationId, id))) throw notFound();
      return { deleted: true };
    },
  };
}

export type SavedSegmentsService = ReturnType<typeof createSavedSegmentsService>;
