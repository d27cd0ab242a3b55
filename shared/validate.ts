/** Runtime validation of a call against the contract, turning zod issues into typed CallErrors. */
import type { z } from 'zod';
import { contract, isCallName, type CallName, type ParsedInput } from './contract';
import type { CallError, FieldIssue, Result } from './result';

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fieldIssue(issue: Issue, input: unknown): { issue: FieldIssue; limit?: number } {
  switch (issue.code) {
    case 'too_big':
      return { issue: issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_big', limit: Number(issue.maximum) };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { issue: 'required' };
      return { issue: 'too_small', limit: Number(issue.minimum) };
    case 'unrecognized_keys':
      return { issue: 'unknown_field' };
    case 'invalid_type':
      return { issue: issue.path.length > 0 && valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type' };
    default:
      return { issue: 'invalid_value' };
  }
}

/** The first issue of a failed parse as a CallError; `input` tells a missing field from a wrong type. */
export function toCallError(error: z.ZodError, input?: unknown): CallError {
  const first = error.issues[0];
  if (!first) return { code: 'validation', message: 'Invalid input' };
  const path = [...first.path];
  if (first.code === 'unrecognized_keys' && first.keys[0]) path.push(first.keys[0]);
  const { issue, limit } = fieldIssue(first, input);
  return {
    code: 'validation',
    message: `${path.join('.') || 'input'}: ${first.message}`,
    field: path.map(String).join('.') || undefined,
    issue,
    ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}),
  };
}

/** Check that `name` is a call of the contract and `input` matches its schema. */
export function validateCall<K extends CallName>(name: K | string, input: unknown): Result<ParsedInput<K>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call', message: `Unknown call: ${String(name).slice(0, 80)}` } };
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: toCallError(parsed.error, input) };
  return { ok: true, value: parsed.data as ParsedInput<K> };
}
