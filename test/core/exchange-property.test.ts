/**
 * Property: laptops that edit the same ideas offline and then exchange ideas files end with the same board,
 * whatever the order of the imports (and however often a file was imported before). The third laptop sometimes
 * never imported the team setup: its own starter touchpoints are then matched by name (and not renamed), so boards
 * are compared by touchpoint and belevingswaarde names rather than ids.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KaizenApi } from '../../shared/contract';
import { STAGES } from '../../shared/domain';
import { importText } from './exchange-support';
import { frozenClock, makeCore, setupTeam, unwrap, type TestCore } from './support';

type Op =
  | { t: 'create'; title: string }
  | { t: 'edit'; idea: number; title: string }
  | { t: 'move'; idea: number; stage: number }
  | { t: 'comment'; idea: number; body: string }
  | { t: 'thank'; idea: number }
  | { t: 'delete'; idea: number }
  | { t: 'restore'; idea: number }
  | { t: 'renamePerson'; person: number; name: string }
  | { t: 'renameTouchpoint'; touchpoint: number; name: string }
  | { t: 'tick'; ms: number }
  | { t: 'send'; to: number };

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('create' as const), title: text }),
  { weight: 3, arbitrary: fc.record({ t: fc.constant('edit' as const), idea: fc.nat(3), title: text }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('move' as const), idea: fc.nat(3), stage: fc.nat(STAGES.length - 1) }) },
  fc.record({ t: fc.constant('comment' as const), idea: fc.nat(3), body: text }),
  fc.record({ t: fc.constant('thank' as const), idea: fc.nat(3) }),
  fc.record({ t: fc.constant('delete' as const), idea: fc.nat(3) }),
  fc.record({ t: fc.constant('restore' as const), idea: fc.nat(3) }),
  fc.record({ t: fc.constant('renamePerson' as const), person: fc.nat(1), name: fc.constantFrom('Anna', 'Anna B', 'Bram', 'Bram C', 'Cas') }),
  fc.record({ t: fc.constant('renameTouchpoint' as const), touchpoint: fc.nat(2), name: fc.constantFrom('Balie', 'Telefoon', 'Mail') }),
  fc.record({ t: fc.constant('tick' as const), ms: fc.constantFrom(1, 1000) }),
  { weight: 2, arbitrary: fc.record({ t: fc.constant('send' as const), to: fc.nat(2) }) },
);

const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Everything a person can see of the ideas and the team, in an order that does not depend on insertion order. */
async function canonical(api: KaizenApi) {
  const board = await unwrap(api['board:get']({ filter: {} }));
  const columns = STAGES.map((s) => board.cards.filter((c) => c.stage === s).map((c) => c.id));
  for (const stage of STAGES) {
    const keys = board.cards.filter((c) => c.stage === stage).map((c) => c.position);
    expect(new Set(keys).size, `unique keys in ${stage}`).toBe(keys.length);
  }
  const exported = await unwrap(api['ideas:export']({}));
  const ids = exported.totals.ideas;
  const file = JSON.parse(exported.text) as { content: { tables: { ideas: { id: string }[] } } };
  const { people, touchpoints, values, journeys } = await unwrap(api['app:bootstrap']({}));
  const journeyName = new Map(journeys.map((j) => [j.id, j.name]));
  const touchpointName = new Map(touchpoints.map((t) => [t.id, `${journeyName.get(t.journeyId)}/${t.name}`]));
  const valueName = new Map(values.map((v) => [v.id, v.name]));
  const details = await Promise.all(
    sortById(file.content.tables.ideas).map(async ({ id }) => {
      const d = await unwrap(api['ideas:get']({ id }));
      const { position: _position, touchpointId, valueIds, ...idea } = d.idea;
      return {
        idea: { ...idea, touchpoint: touchpointName.get(touchpointId), values: valueIds.map((v) => valueName.get(v)).sort() },
        comments: sortById(d.comments),
        events: sortById(d.events),
      };
    }),
  );
  const thanks = sortById(await unwrap(api['thanks:list']({ limit: 200 })));
  const team = {
    people: sortById(people).map((p) => ({ ...p, createdAt: undefined, updatedAt: undefined })),
    touchpoints: touchpoints.map((t) => `${touchpointName.get(t.id)}${t.archived ? ' (archived)' : ''}`).sort(),
  };
  return { ids, columns, details, thanks, team };
}

describe('exchange: merge property', () => {
  it('converges on every laptop whatever the order of the final imports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(2), op), { minLength: 4, maxLength: 30 }),
        fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
        fc.boolean(),
        async (history, orders, thirdHasSetup) => {
          const lead = makeCore();
          const team = await setupTeam(lead.api);
          const people = [team.anna.id, team.bram.id];
          const setup = (await unwrap(lead.api['setup:export']({}))).text;
          const laptops: TestCore[] = [lead, makeCore({ clock: frozenClock() }), makeCore({ clock: frozenClock() })];
          try {
            await importText(laptops[1]!.api, setup);
            if (thirdHasSetup) await importText(laptops[2]!.api, setup);
            // Each laptop logs and renames on its own touchpoints (the third one's may still be its starter set).
            const own = await Promise.all(laptops.map(async (l) => (await unwrap(l.api['app:bootstrap']({}))).touchpoints));
            const ideaIds: string[] = [];
            // Clocks move only on 'tick', so laptops often write at the same millisecond: the tie-break is exercised.
            for (const [n, step] of history) {
              const { api, clock } = laptops[n]!;
              const actorId = people[n % 2]!;
              const idea = 'idea' in step ? ideaIds[step.idea % Math.max(ideaIds.length, 1)] : undefined;
              switch (step.t) {
                case 'create': {
                  const created = await api['ideas:create']({ actorId, title: step.title, kind: 'verbeter', touchpointId: own[n]![0]!.id });
                  if (created.ok) ideaIds.push(created.value.id);
                  break;
                }
                case 'edit':
                  if (idea) await api['ideas:update']({ id: idea, actorId, patch: { title: step.title } });
                  break;
                case 'move':
                  if (idea) await api['ideas:move']({ id: idea, actorId, toStage: STAGES[step.stage]!, afterId: null, ...(STAGES[step.stage] === 'afgerond' ? { outcome: 'adopted' as const } : {}) });
                  break;
                case 'comment':
                  if (idea) await api['comments:add']({ ideaId: idea, authorId: actorId, body: step.body });
                  break;
                case 'thank':
                  if (idea) await api['thanks:add']({ fromId: actorId, toId: people[(n + 1) % 2]!, ideaId: idea, message: 'Dank!' });
                  break;
                case 'delete':
                  if (idea) await api['ideas:delete']({ id: idea, actorId });
                  break;
                case 'restore':
                  if (idea) await api['ideas:restore']({ id: idea, actorId });
                  break;
                case 'renamePerson':
                  await api['people:update']({ id: people[step.person]!, name: step.name });
                  break;
                case 'renameTouchpoint':
                  // Matching by name cannot know that a renamed touchpoint was once the other laptop's starter
                  // touchpoint: that is what the setup file is for, so renames only run when all share it.
                  if (thirdHasSetup) await api['touchpoints:update']({ id: own[n]![step.touchpoint]!.id, name: step.name });
                  break;
                case 'tick':
                  clock.advance(step.ms);
                  break;
                case 'send': {
                  if (step.to === n) break;
                  const file = (await unwrap(api['ideas:export']({}))).text;
                  await importText(laptops[step.to]!.api, file);
                  break;
                }
              }
            }
            // Final exchange: every laptop imports the two other files, each in its own order.
            const files = await Promise.all(laptops.map(async (l) => (await unwrap(l.api['ideas:export']({}))).text));
            for (const [n, laptop] of laptops.entries()) {
              const others = [0, 1, 2].filter((m) => m !== n);
              if (orders[n]) others.reverse();
              for (const m of others) await importText(laptop.api, files[m]!);
            }
            const dumps = await Promise.all(laptops.map((l) => canonical(l.api)));
            expect(dumps[1]).toEqual(dumps[0]);
            expect(dumps[2]).toEqual(dumps[0]);
            // And once more: nothing left to merge.
            for (const [n, laptop] of laptops.entries()) {
              const again = await importText(laptop.api, files[(n + 1) % 3]!);
              expect(again.counts.ideas.added + again.counts.ideas.updated).toBe(0);
            }
          } finally {
            for (const laptop of laptops) laptop.core.close();
          }
        },
      ),
      {
        numRuns: 40,
        examples: [
          // Found by this test: two cards spread to distinct keys after a tie changed a version's hash, so importing
          // a file a second time let the losing version win. The hash now leaves the sort key out.
          [
            [
              [0, { t: 'create', title: '!' }],
              [1, { t: 'create', title: '6' }],
              [1, { t: 'send', to: 0 }],
              [1, { t: 'edit', idea: 1, title: '^ |" [' }],
              [0, { t: 'comment', idea: 0, body: '!' }],
              [0, { t: 'tick', ms: 1 }],
              [1, { t: 'send', to: 1 }],
              [0, { t: 'tick', ms: 1 }],
            ],
            [false, false, false],
            false,
          ],
        ],
      },
    );
    // 40 histories of three laptops each take 5-20 s on a busy two-core machine.
  }, 120_000);
});
