import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, createApi, isCallName } from '../../shared/contract';
import { MIN_GAP, POSITION_GAP, positionBetween, renumbered } from '../../shared/ordering';
import { validateCall } from '../../shared/validate';

const uuid = '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b';

describe('sparse ordering', () => {
  it('places cards at the ends and between neighbours', () => {
    expect(positionBetween(null, null)).toBe(POSITION_GAP);
    expect(positionBetween(null, 1024)).toBe(0);
    expect(positionBetween(1024, null)).toBe(2048);
    expect(positionBetween(1024, 2048)).toBe(1536);
  });

  it('asks for renumbering when the gap runs out', () => {
    let above = 0;
    const below = 1;
    let steps = 0;
    for (;;) {
      const next = positionBetween(above, below);
      if (next === null) break;
      above = next;
      steps++;
    }
    expect(steps).toBeGreaterThan(10);
    expect(below - above).toBeLessThanOrEqual(MIN_GAP);
    expect(renumbered(3)).toEqual([1024, 2048, 3072]);
  });
});

describe('the contract table', () => {
  it('has a doc line and a schema for every call, with noun:verb names', () => {
    expect(CALL_NAMES.length).toBeGreaterThan(10);
    for (const name of CALL_NAMES) {
      expect(name).toMatch(/^[a-z]+:[a-z]+$/);
      expect(contract[name].doc.length).toBeGreaterThan(10);
      expect(typeof contract[name].input.safeParse).toBe('function');
    }
    // The zod-free name list (for the renderer and preload bundles) names exactly the table's calls.
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(isCallName('ideas:create')).toBe(true);
    expect(isCallName('__proto__')).toBe(false);
    expect(isCallName('toString')).toBe(false);
  });

  it('builds one api function per call over a transport', async () => {
    const seen: string[] = [];
    const api = createApi(async (name, input) => {
      seen.push(name);
      return { ok: true, value: input };
    });
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    await api['board:get']({ filter: {} });
    expect(seen).toEqual(['board:get']);
  });
});

describe('validateCall', () => {
  const create = (extra: Record<string, unknown>) => ({
    actorId: uuid,
    title: 'Koffie klaarzetten',
    kind: 'verleuk',
    touchpointId: uuid,
    ...extra,
  });

  it.each([
    ['empty title', create({ title: '' }), 'title', 'required'],
    ['whitespace title', create({ title: '   ' }), 'title', 'required'],
    ['10,000 characters', create({ title: 'x'.repeat(10_000) }), 'title', 'too_long'],
    ['wrong type', create({ title: 42 }), 'title', 'invalid_type'],
    ['unknown kind', create({ kind: 'beter' }), 'kind', 'invalid_value'],
    ['bad id', create({ touchpointId: 'abc' }), 'touchpointId', 'invalid_value'],
    ['extra field', create({ admin: true }), 'admin', 'unknown_field'],
    ['missing field', { title: 'x', kind: 'verbeter', touchpointId: uuid }, 'actorId', 'required'],
  ])('refuses %s with a typed error', (_label, input, field, issue) => {
    const result = validateCall('ideas:create', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'validation', field, issue });
  });

  it('reports the limit of a too-long title', () => {
    const result = validateCall('ideas:create', create({ title: 'x'.repeat(201) }));
    expect(result.ok || result.error.limit).toBe(200);
  });

  it('refuses unknown stages and unknown calls', () => {
    const move = validateCall('ideas:move', { id: uuid, actorId: uuid, toStage: 'klaar', afterId: null });
    expect(move.ok || move.error.field).toBe('toStage');
    const unknown = validateCall('ideas:hack', {});
    expect(unknown.ok || unknown.error.code).toBe('unknown_call');
    for (const input of [null, [], 'ideas', 7]) {
      const res = validateCall('ideas:create', input);
      expect(res.ok || res.error.code).toBe('validation');
    }
  });

  it('trims titles and accepts a good call', () => {
    const result = validateCall('ideas:create', create({ title: '  Koffie klaarzetten  ' }));
    expect(result.ok && result.value.title).toBe('Koffie klaarzetten');
  });
});
