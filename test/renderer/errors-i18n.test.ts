/** Every refusal of the real core reads as a sentence in the user's language, never as the core's English text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaizenApi } from '../../shared/contract';
import type { CallError, Result } from '../../shared/result';
import { createTranslator, describeError } from '../../renderer/i18n/i18n';
import { createTestApi } from '../support/ui-harness';

let api: KaizenApi;
let close: () => void;
const ids = { anna: '', archivedPerson: '', touchpoint: '', archivedTouchpoint: '', journey: '', idea: '', deletedIdea: '', archivedValue: '' };

beforeAll(async () => {
  ({ api, close } = createTestApi());
  const ok = async <T>(p: Promise<Result<T>>): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const boot = await ok(api['app:bootstrap']({}));
  ids.anna = (await ok(api['people:create']({ name: 'Anna' }))).id;
  ids.archivedPerson = (await ok(api['people:create']({ name: 'Oud-collega' }))).id;
  await ok(api['people:update']({ id: ids.archivedPerson, archived: true }));
  ids.journey = boot.journeys[0].id;
  ids.touchpoint = boot.touchpoints[0].id;
  ids.archivedTouchpoint = boot.touchpoints[1].id;
  await ok(api['touchpoints:update']({ id: ids.archivedTouchpoint, archived: true }));
  ids.archivedValue = boot.values[0].id;
  await ok(api['values:update']({ id: ids.archivedValue, archived: true }));
  const create = () => ok(api['ideas:create']({ actorId: ids.anna, title: 'Koffie', kind: 'verbeter', touchpointId: ids.touchpoint }));
  ids.idea = (await create()).id;
  ids.deletedIdea = (await create()).id;
  await ok(api['ideas:delete']({ id: ids.deletedIdea, actorId: ids.anna }));
});

afterAll(() => close());

async function refusal(p: Promise<Result<unknown>>): Promise<CallError> {
  const r = await p;
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const english = /\b(the|are|already|only|restore|archived|deleted)\b/i;

describe('conflicts in the user language', () => {
  const cases: [string, () => Promise<Result<unknown>>][] = [
    ['duplicate name', () => api['people:create']({ name: 'anna' })],
    ['archived touchpoint', () => api['ideas:create']({ actorId: ids.anna, title: 'X', kind: 'verbeter', touchpointId: ids.archivedTouchpoint })],
    ['archived owner', () => api['ideas:update']({ id: ids.idea, actorId: ids.anna, patch: { ownerId: ids.archivedPerson } })],
    ['archived value', () => api['ideas:update']({ id: ids.idea, actorId: ids.anna, patch: { valueIds: [ids.archivedValue] } })],
    ['deleted idea', () => api['ideas:move']({ id: ids.deletedIdea, actorId: ids.anna, toStage: 'plan', afterId: null })],
    ['delete twice', () => api['ideas:delete']({ id: ids.deletedIdea, actorId: ids.anna })],
    ['restore a live idea', () => api['ideas:restore']({ id: ids.idea, actorId: ids.anna })],
    ['cycle outside Act', () => api['ideas:cycle']({ id: ids.idea, actorId: ids.anna })],
  ];

  it.each(cases)('%s', async (_name, run) => {
    const error = await refusal(run());
    expect(error.code).toBe('conflict');
    const nl = describeError(createTranslator('nl'), error);
    expect(nl).not.toContain(error.message);
    expect(nl).not.toMatch(english);
    const en = describeError(createTranslator('en'), error);
    expect(en).not.toContain(error.message);
    expect(en).not.toBe(nl);
  });

  it('names the field in Dutch when something is not found', async () => {
    const error = await refusal(
      api['ideas:update']({ id: ids.idea, actorId: ids.anna, patch: { valueIds: ['00000000-0000-4000-8000-00000000abcd'] } }),
    );
    expect(describeError(createTranslator('nl'), error)).toBe(
      'Dit bestaat niet (meer): Belevingswaarden. Misschien is het net verwijderd.',
    );
  });
});
