import { DomainError } from '@dd/errors';

/** A rule row (from code or from the database) that would mis-categorise or could never match. */
export class InvalidRuleSetError extends DomainError {
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super('VALIDATION_FAILED', `The categorisation rules are not valid: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`, {
      field: 'rules',
      issueCount: issues.length,
    });
    this.name = 'InvalidRuleSetError';
    this.issues = issues;
  }
}

export class InvalidPostcodeError extends DomainError {
  constructor(message: string) {
    super('VALIDATION_FAILED', message, { field: 'postcode' });
    this.name = 'InvalidPostcodeError';
  }
}

export class InvalidBirthYearError extends DomainError {
  constructor(message: string) {
    super('VALIDATION_FAILED', message, { field: 'birthYear', messageKey: 'validation.birthYearInvalid' });
    this.name = 'InvalidBirthYearError';
  }
}
