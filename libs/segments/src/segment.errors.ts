import { DomainError } from '@dd/errors';

/**
 * Why a criterion was refused, most serious first: criteria that touch special categories, the
 * protected life event or minors are refused outright; internal categories are never shared; unknown
 * codes are typing or stale-list mistakes; `invalid` is a tree the contract schema refuses.
 */
export const SEGMENT_PROBLEM_KINDS = ['restricted', 'minor', 'internal', 'unknown', 'invalid'] as const;
export type SegmentProblemKind = (typeof SEGMENT_PROBLEM_KINDS)[number];

export interface SegmentProblem {
  kind: SegmentProblemKind;
  /** Dotted path to the criterion in the tree, e.g. `of.1.category`; empty for the root. */
  path: string;
  /** One sentence about this criterion, for a person, in English. */
  message: string;
  /** The category or value concerned, as a person reads it ("Health", "NL-XX"). */
  subject?: string;
  /** For `invalid`: the contract's i18n key (segment.*), which the portal translates. */
  key?: string;
}

export const RESTRICTED_SENTENCE = 'Segments can never use health, religion, politics, trade union membership, sexual life or pregnancy.';
export const MINOR_SENTENCE = 'Segments can never include people under 18: choose age bands from 18–24 upwards.';

/** The sentences shown at most in the message; every problem stays on `problems`. */
const SHOWN = 3;

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`);
function andList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}

function subjectsOf(problems: readonly SegmentProblem[], kind: SegmentProblemKind): string[] {
  return [...new Set(problems.filter((p) => p.kind === kind).map((p) => p.subject ?? ''))].filter(Boolean);
}

/** One message for the whole segment: the forbidden categories together, then every other problem once. */
function messageFor(problems: readonly SegmentProblem[]): string {
  const sentences: string[] = [];
  const restricted = subjectsOf(problems, 'restricted');
  if (problems.some((p) => p.kind === 'restricted')) {
    const remove = restricted.length ? ` Remove the ${restricted.length === 1 ? 'criterion' : 'criteria'} on ${andList(quoted(restricted))}.` : '';
    sentences.push(`${RESTRICTED_SENTENCE}${remove}`);
  }
  if (problems.some((p) => p.kind === 'minor')) sentences.push(MINOR_SENTENCE);
  const internal = subjectsOf(problems, 'internal');
  if (internal.length) {
    const are = internal.length === 1 ? 'is money movement, which is' : 'are money movements, which are';
    sentences.push(`Segments can only use shopping categories: ${andList(quoted(internal))} ${are} never shared.`);
  }
  for (const problem of problems) {
    if (problem.kind === 'unknown' || problem.kind === 'invalid') sentences.push(problem.message);
  }
  const unique = [...new Set(sentences)];
  const shown = unique.slice(0, SHOWN).join(' ');
  return unique.length > SHOWN ? `${shown} (And ${unique.length - SHOWN} more.)` : shown;
}

/**
 * The portal's i18n key for a problem: the contract's own key for a tree the schema refuses, else
 * one key per kind (`segment.restricted`, `segment.minor`, `segment.internal`, `segment.unknown`).
 */
export function segmentProblemKey(problem: SegmentProblem | undefined): string {
  if (!problem) return 'segment.invalidNode';
  return problem.kind === 'invalid' ? (problem.key ?? 'segment.invalidNode') : `segment.${problem.kind}`;
}

/**
 * A segment that can never be run as written; `problems` lists every criterion that has to change.
 * The most serious problem also travels as `messageKey` (the criteria's field error) and as the
 * error's `reason`, with its path and subject, so the portal can say it in the reader's language
 * and point at the criterion.
 */
export class SegmentRejectedError extends DomainError {
  readonly problems: readonly SegmentProblem[];

  constructor(problems: readonly SegmentProblem[]) {
    const ordered = [...problems].sort((a, b) => SEGMENT_PROBLEM_KINDS.indexOf(a.kind) - SEGMENT_PROBLEM_KINDS.indexOf(b.kind));
    const first = ordered[0];
    const key = segmentProblemKey(first);
    super(
      'VALIDATION_FAILED',
      messageFor(ordered),
      {
        field: 'criteria',
        messageKey: key,
        reason: first?.kind ?? 'invalid',
        path: first?.path ?? '',
        problemCount: ordered.length,
      },
      { code: key, params: { kind: first?.kind ?? 'invalid', path: first?.path ?? '', subject: first?.subject ?? '', count: ordered.length } },
    );
    this.name = 'SegmentRejectedError';
    this.problems = ordered;
  }
}
