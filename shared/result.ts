/** The outcome of every call across the boundary: never a thrown error. */

/** 'damaged': SQLite found the database file damaged during the call (nothing was written; see db/recovery.ts). */
export const ERROR_CODES = ['validation', 'not_found', 'conflict', 'unknown_call', 'internal', 'unavailable', 'damaged'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why one field of a call was refused; the UI turns it into a sentence in the user's language. */
export const FIELD_ISSUES = [
  'required',
  'too_long',
  'too_small',
  'too_big',
  'invalid_type',
  'invalid_value',
  'unknown_field',
] as const;
export type FieldIssue = (typeof FIELD_ISSUES)[number];

/** Why a call was refused with code 'conflict'; the UI turns it into a sentence in the user's language. */
export const CONFLICT_REASONS = [
  'duplicate_name',
  'archived',
  'deleted',
  'not_deleted',
  'not_in_act',
  // Issue 3, files: damaged (empty, truncated, not JSON), foreign, newer version, checksum mismatch, bad records,
  // ids that name another kind of record, and a file other than the one previewed.
  'file_damaged',
  'file_foreign',
  'file_too_new',
  'file_tampered',
  'file_invalid',
  'id_clash',
  'file_changed',
] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export interface CallError {
  code: ErrorCode;
  /** Developer-facing English text; the UI shows a translation based on code, field and issue. */
  message: string;
  /** Dotted path of the offending field, when there is one. */
  field?: string;
  issue?: FieldIssue;
  /** For 'conflict': what stood in the way. */
  reason?: ConflictReason;
  /** Extra machine-readable context, e.g. the maximum length. */
  limit?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: CallError): Result<T> => ({ ok: false, error });
