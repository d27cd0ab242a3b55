/**
 * Building blocks of the contract tables: the schema atoms every feature reuses and the `call` helper.
 * shared/contract.ts assembles the one table from its own calls and the feature tables (contract-*.ts).
 */
import { z } from 'zod';
import { KINDS, NAME_MAX, STAGES, TEXT_MAX, TITLE_MAX } from './domain';

export const id = z.uuid();
/** Control characters (C0 and DEL): never part of a one-line name, and a NUL defeats SQLite's length() checks. */
export function hasControlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 32 || code === 127) return true;
  }
  return false;
}
const oneLine = (value: string) => !hasControlChar(value);
/** Multi-line text may hold newlines and tabs, but no NUL (SQLite's length() stops at it). */
export const noNul = (value: string) => !value.includes('\u0000');

export const title = z.string().trim().min(1).max(TITLE_MAX).refine(oneLine, 'Control characters are not allowed');
export const name = z.string().trim().min(1).max(NAME_MAX).refine(oneLine, 'Control characters are not allowed');
export const text = z.string().max(TEXT_MAX);
export const stage = z.enum(STAGES);
export const kind = z.enum(KINDS);
export const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const grade = z.number().int().min(1).max(10);
/** A calendar date, YYYY-MM-DD. */
export const dateOnly = z.iso.date();
/** A moment, ISO 8601 with offset (what the core stores). */
export const instant = z.iso.datetime({ offset: true });

/** Marks the result type of a call without a runtime value. */
export const returns = <T>() => undefined as unknown as T;

/** One entry of a contract table: a doc line, the input schema, the result type. */
export function call<I extends z.ZodType, O>(doc: string, input: I, output: O) {
  return { doc, input, output };
}
