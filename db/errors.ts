/** Domain errors raised inside a call's transaction; the service turns them into CallErrors. */
import type { CallError, ConflictReason, ErrorCode, FieldIssue } from '../shared/result';

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issue: FieldIssue | undefined;
  readonly reason: ConflictReason | undefined;

  constructor(code: ErrorCode, message: string, field?: string, issue?: FieldIssue, reason?: ConflictReason) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
    this.issue = issue;
    this.reason = reason;
  }

  toCallError(): CallError {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.issue !== undefined ? { issue: this.issue } : {}),
      ...(this.reason !== undefined ? { reason: this.reason } : {}),
    };
  }
}

export const notFound = (field: string, what: string): DomainError =>
  new DomainError('not_found', `${what} not found`, field);

export const conflict = (reason: ConflictReason, message: string, field?: string): DomainError =>
  new DomainError('conflict', message, field, undefined, reason);

export const invalid = (field: string, issue: FieldIssue, message: string): DomainError =>
  new DomainError('validation', message, field, issue);
