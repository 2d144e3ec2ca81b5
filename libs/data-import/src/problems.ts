import { StatementParseError } from './import.errors';
import { MAX_REPORTED_PROBLEMS } from './limits';
import type { ImportIssue } from './problem.catalogue';
import type { LineProblem } from './statement.types';

/** Collects row problems across the whole file so one upload reports them all, then fails as a unit. */
export class ProblemCollector {
  private readonly listed: LineProblem[] = [];
  private total = 0;

  add(line: number, column: string, issue: ImportIssue): void {
    this.total += 1;
    if (this.listed.length < MAX_REPORTED_PROBLEMS) this.listed.push({ line, column, ...issue });
  }

  get count(): number {
    return this.total;
  }

  throwIfAny(): void {
    if (this.total > 0) throw new StatementParseError(this.listed, this.total);
  }
}
