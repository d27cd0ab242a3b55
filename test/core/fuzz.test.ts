/**
 * Hostile input: property-based fuzzing (fast-check) of EVERY call in CALL_NAMES (new calls are covered by
 * themselves). Payloads are generated from each call's own zod schema (so many reach the handlers) and mutated
 * with wrong types, missing and extra fields, huge strings, deep nesting, __proto__/constructor keys, control
 * characters and lone surrogates, or replaced by arbitrary values.
 *
 * Path: the bulk goes through core.call, the same entry the Electron IPC handler and the harness use; a sample of
 * every call goes through the harness's HTTP transport (JSON, token, Host checks) as the renderer sends it.
 *
 * Every payload must give a typed Result that is not 'internal' (an unexpected exception), the process stays up,
 * Object.prototype stays clean, and a rejected call leaves the database unchanged. Checking a full checksum after
 * every payload is too slow, so: SQLite's total_changes() counts every row any statement of this connection
 * changed (triggers included, rolled-back ones too). A rejected call with total_changes unchanged cannot have
 * changed the file; when it moved (a handler wrote, then threw and rolled back), the full checksum is compared
 * with the one taken before. Every 250 payloads the checksum is recomputed as a backstop.
 * FUZZ_RUNS=10000 runs more per call.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from '../../shared/contract';
import { ERROR_CODES, type Result } from '../../shared/result';
import { startHarness, TOKEN_HEADER, type Harness } from '../../db/harness';
import { checksum, makeCore, setupTeam, tempDir, unwrap, type TestCore } from './support';

const RUNS = Number(process.env.FUZZ_RUNS) || 1000;
const HTTP_SAMPLE = 20;

let t: TestCore;
let ids: string[] = [];

beforeAll(async () => {
  t = makeCore();
  // Durability is the crash test's business; here every commit need not wait for the disk.
  t.core.db.pragma('synchronous = OFF');
  const team = await setupTeam(t.api);
  const idea = await unwrap(
    t.api['ideas:create']({ actorId: team.anna.id, title: 'Wachttijd', kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }),
  );
  ids = [team.anna.id, team.bram.id, team.journey.id, idea.id, ...team.touchpoints.map((x) => x.id), ...team.values.map((x) => x.id)];
});

// Hostile leaves

const HUGE = 'ä'.repeat(200_000);
const deep = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
};
const DEEP = deep(5_000);
const protoKeys = () => [
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  { ['__proto__']: { polluted: 'yes' } },
  Object.assign(Object.create(null) as object, { toString: 'x', valueOf: 1 }),
];

const nastyString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\u0007\u001b[31m', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uDBFF\uDBFF', '\u202Eevil', HUGE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 79, maxLength: 2100 }),
  fc.constantFrom("'; DROP TABLE ideas; --", '" OR 1=1 --', 'NEAR(', '"unterminated', '*', 'a AND OR NOT', '^x', 'col:val'),
);

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, true, false, 0, -1),
  fc.constantFrom(DEEP, [], {}, [[[]]], new Date(0), () => 1, Symbol('s'), 10n),
  fc.constantFrom(...protoKeys()),
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, maxDepth: 3 }),
);

// Plausible values from the schema, with a nasty one now and then

type Def = { type?: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => ((schema as { _zod?: { def?: Def } })?._zod?.def ?? {}) as Def;

function plausible(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const withNasty = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: nasty });
  if (depth > 4) return nasty;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const model = Object.fromEntries(keys.map((k) => [k, plausible(shape[k], depth + 1)]));
      const full = fc.record(model);
      const partial = fc.record(model, { requiredKeys: [] });
      const extra = fc.tuple(full, fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'id', ''), nasty)).map(
        ([a, b]) => Object.assign({}, a, b) as unknown,
      );
      return fc.oneof({ weight: 4, arbitrary: full }, { weight: 2, arbitrary: partial }, { weight: 1, arbitrary: extra });
    }
    case 'optional':
      return fc.oneof(plausible(def.innerType, depth), fc.constant(undefined));
    case 'nullable':
      return fc.oneof(plausible(def.innerType, depth), fc.constant(null));
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return plausible(def.innerType, depth);
    case 'pipe':
      return plausible(def.in, depth);
    case 'string': {
      if (def.format === 'uuid') return withNasty(fc.constantFrom(...ids, '00000000-0000-4000-8000-000000000000'));
      if (def.format === 'date') return withNasty(fc.constantFrom('2026-11-23', '2026-02-30', '0000-01-01'));
      if (def.format === 'datetime') return withNasty(fc.constantFrom('2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00+01:00'));
      return withNasty(fc.oneof(fc.constantFrom('Wachttijd', 'Koffie', 'a', 'Anna', 'kaizenbord-manual-20260101T000000000Z.sqlite'), fc.string({ maxLength: 30 })));
    }
    case 'number':
    case 'int':
      return withNasty(fc.oneof(fc.integer({ min: -3, max: 120 }), fc.double()));
    case 'boolean':
      return withNasty(fc.boolean());
    case 'enum':
      return withNasty(fc.constantFrom(...Object.values(def.entries as Record<string, string>)));
    case 'literal':
      return withNasty(fc.constantFrom(...(def.values as unknown[])));
    case 'array':
      return withNasty(fc.array(plausible(def.element, depth + 1), { maxLength: 4 }));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => plausible(o, depth)));
    case 'record':
      return withNasty(fc.dictionary(fc.string({ maxLength: 8 }), plausible(def.valueType, depth + 1), { maxKeys: 4 }));
    default:
      return nasty;
  }
}

function payloads(name: (typeof CALL_NAMES)[number]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: plausible(contract[name].input) }, { weight: 1, arbitrary: nasty });
}

const isTypedError = (result: Result<unknown>) =>
  !result.ok && (ERROR_CODES as readonly string[]).includes(result.error.code) && typeof result.error.message === 'string';

const totalChanges = () => t.core.db.prepare('SELECT total_changes()').pluck().get() as number;
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Calls the fuzzer must not run with a valid payload: they would replace the database under the test. */
const SWAPS = new Set(['backups:restore', 'recovery:restore', 'recovery:reset']);

describe('fuzzing every call of the contract', () => {
  const cleanProto = prototypeKeys();

  it('a NUL or control character in a name, title or comment is a validation error, not an internal one (found by this fuzzer; runs first, on the known state)', async () => {
    const boot = await unwrap(t.api['app:bootstrap']({}));
    const actorId = boot.people[0]!.id;
    const before = checksum(t.core.db);
    for (const bad of ['\u0000', '\u0000Anna', 'An\u0000na', 'Anna\u0007', 'Tab\there']) {
      for (const [name, input] of [
        ['people:create', { name: bad }],
        ['journeys:create', { name: bad }],
        ['values:create', { name: bad, level: 1 }],
        ['ideas:create', { actorId, title: bad, kind: 'verbeter', touchpointId: boot.touchpoints[0]!.id }],
      ] as const) {
        expect(await t.core.call(name, input)).toMatchObject({ ok: false, error: { code: 'validation', issue: 'invalid_value' } });
      }
    }
    const idea = (await unwrap(t.api['board:get']({ filter: {} }))).cards[0]!;
    expect(await t.core.call('comments:add', { ideaId: idea.id, authorId: actorId, body: '\u0000' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(checksum(t.core.db)).toBe(before);
  });

  it.each(CALL_NAMES.map((name) => [name]))('%s: 1,000+ hostile payloads through core.call', async (name) => {
    let known = checksum(t.core.db);
    let dirty = false;
    let count = 0;
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(payloads(name), async (input) => {
        count++;
        const before = totalChanges();
        let result: Result<unknown>;
        try {
          result = await t.core.call(name, input);
        } catch (error) {
          problems.push(`threw: ${String(error)}`);
          return false;
        }
        if (prototypeKeys() !== cleanProto || ({} as { polluted?: unknown }).polluted !== undefined) {
          problems.push('Object.prototype was polluted');
          return false;
        }
        if (result.ok) {
          if (SWAPS.has(name)) problems.push(`${name} accepted a fuzzed payload`);
          if (totalChanges() !== before) dirty = true;
        } else {
          if (!isTypedError(result) || result.error.code === 'internal') {
            problems.push(`${JSON.stringify(result.error).slice(0, 300)} for ${String(JSON.stringify(input))?.slice(0, 200)}`);
            return false;
          }
          if (totalChanges() !== before) {
            if (dirty) known = checksum(t.core.db); // cannot tell: accepted writes happened since the last checksum
            else if (checksum(t.core.db) !== known) {
              problems.push(`rejected call changed the database: ${JSON.stringify(result.error)}`);
              return false;
            }
          }
        }
        if (count % 250 === 0) {
          const now = checksum(t.core.db);
          if (!dirty && now !== known) {
            problems.push('the database changed without an accepted call');
            return false;
          }
          known = now;
          dirty = false;
        }
        return true;
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(RUNS);
    // The core is still serving.
    expect((await t.core.call('app:bootstrap', {})).ok).toBe(true);
  }, 60_000 * Math.max(1, RUNS / 1000));

  it('unknown and odd call names are refused as unknown_call', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'ideas:create ', 'IDEAS:CREATE')), async (name) => {
        const result = await t.core.call(name, {});
        return (CALL_NAMES as readonly string[]).includes(name) || (!result.ok && result.error.code === 'unknown_call');
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzzing through the harness HTTP transport (a sample of every call)', () => {
  let harness: Harness;
  beforeAll(async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'static'));
    fs.writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html>');
    harness = await startHarness({ port: 0, dataDir: path.join(dir, 'data'), staticDir: path.join(dir, 'static') });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it(`sends ${HTTP_SAMPLE} JSON payloads per call and always gets a typed Result back`, async () => {
    const problems: string[] = [];
    for (const name of CALL_NAMES) {
      if (SWAPS.has(name)) continue;
      const samples = fc.sample(payloads(name), { numRuns: HTTP_SAMPLE, seed: 7 });
      for (const input of samples) {
        let body: string;
        try {
          body = JSON.stringify(input) ?? 'null';
        } catch {
          continue; // BigInt, cycles: a browser could not send them either
        }
        const res = await fetch(`${harness.origin}api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
          body,
        });
        const result = (await res.json()) as Result<unknown>;
        if (res.status === 413) continue; // over the body limit: refused before parsing, as designed
        if (!(result.ok || (isTypedError(result) && result.error.code !== 'internal'))) {
          problems.push(`${name}: ${res.status} ${JSON.stringify(result).slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    const boot = await fetch(`${harness.origin}api/app:bootstrap`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: '{}',
    });
    expect(((await boot.json()) as Result<unknown>).ok).toBe(true);
  }, 60_000);
});
