import type { BankStatement } from '@dd/contract';
import type { i18n as I18n, TFunction } from 'i18next';
import { problemText, type CodedProblem } from '../my-data/problem-text';

/** What the file picker offers: CAMT.053 is XML. The API decides by content. */
export const CAMT_ACCEPT = '.xml,application/xml,text/xml';

export function isInProgress(statement: Pick<BankStatement, 'status'>): boolean {
  return statement.status === 'stored' || statement.status === 'processing';
}

/** Poll about once a second while a statement is being imported; stop after. */
export function statementsRefetchInterval(statements: readonly Pick<BankStatement, 'status'>[] | undefined): number | false {
  return statements?.some(isInProgress) ? 1_000 : false;
}

/** Statements that finished (imported or failed) since the previous answer: to announce, and to refresh the review list. */
export function finishedSince(previous: readonly BankStatement[] | undefined, current: readonly BankStatement[]): BankStatement[] {
  if (!previous) return [];
  const before = new Map(previous.map((s) => [s.id, s.status]));
  return current.filter((statement) => {
    const from = before.get(statement.id);
    return from !== undefined && (from === 'stored' || from === 'processing') && !isInProgress(statement);
  });
}

/** Problems of the platform statement have their own texts; the file problems are the customer import's. */
export function statementProblemText(t: TFunction, i18n: Pick<I18n, 'language' | 'exists'>, problem: CodedProblem): string {
  if (problem.code === 'statementNotCamt053' || problem.code === 'statementAccountMismatch') {
    // In the page's own namespace; `t` is the default namespace's, which reads `ns:key`.
    const translate = t as unknown as (key: string, values: Record<string, string | number>) => string;
    return translate(`bankStatements:problems.${problem.code}`, { ...problem.params });
  }
  return problemText(t, i18n, problem);
}
