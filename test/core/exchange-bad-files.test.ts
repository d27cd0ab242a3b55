import { beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_FORMAT, EXCHANGE_MAX_CHARS, type ExchangeContent } from '../../shared/exchange-format';
import { sha256, writeFile } from '../../db/exchange/file';
import { checksum, makeCore, setupTeam, unwrap, type TestCore } from './support';

/** A file with the same envelope as a real one, around content we choose. */
const envelope = (content: unknown, extra: Record<string, unknown> = {}) => {
  const body = JSON.stringify(content);
  return JSON.stringify({ format: EXCHANGE_FORMAT, version: 1, checksum: sha256(body), content: JSON.parse(body), ...extra });
};

let laptop: TestCore;
let good: string;
let content: ExchangeContent;

beforeAll(async () => {
  const source = makeCore();
  const team = await setupTeam(source.api);
  const idea = await unwrap(
    source.api['ideas:create']({ actorId: team.anna.id, title: 'Een goed idee', kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }),
  );
  await unwrap(source.api['comments:add']({ ideaId: idea.id, authorId: team.bram.id, body: 'Mooi' }));
  good = (await unwrap(source.api['ideas:export']({}))).text;
  content = (JSON.parse(good) as { content: ExchangeContent }).content;
  laptop = makeCore();
  await setupTeam(laptop.api);
  const local = await unwrap(laptop.api['app:bootstrap']({}));
  await unwrap(
    laptop.api['ideas:create']({ actorId: local.people[0]!.id, title: 'Lokaal', kind: 'verleuk', touchpointId: local.touchpoints[1]!.id }),
  );
});

/** Deep copy of the good content with one change. */
function edited(change: (c: ExchangeContent) => void): ExchangeContent {
  const copy = structuredClone(content);
  change(copy);
  return copy;
}

describe('exchange: bad files are refused with a reason and change nothing', () => {
  const cases: [string, () => string, Record<string, unknown>][] = [
    ['an empty file', () => '', { code: 'conflict', reason: 'file_damaged' }],
    ['only spaces', () => '  \n ', { code: 'conflict', reason: 'file_damaged' }],
    ['a truncated file', () => good.slice(0, Math.floor(good.length * 0.7)), { code: 'conflict', reason: 'file_damaged' }],
    ['text that is not JSON', () => 'titel;soort\nTerugbellen;verbeter', { code: 'conflict', reason: 'file_damaged' }],
    ['JSON of another program', () => JSON.stringify({ name: 'package', version: '1.0.0' }), { code: 'conflict', reason: 'file_foreign' }],
    ['a JSON array', () => '[1,2,3]', { code: 'conflict', reason: 'file_foreign' }],
    ['a file from a newer version', () => envelope(content, { version: 2 }), { code: 'conflict', reason: 'file_too_new' }],
    ['a file without a version', () => envelope(content, { version: 'een' }), { code: 'conflict', reason: 'file_invalid' }],
    ['a file whose content was edited (checksum mismatch)', () => good.replace('Een goed idee', 'Een ander idee'), { code: 'conflict', reason: 'file_tampered' }],
    ['a file without a checksum', () => envelope(content, { checksum: undefined }), { code: 'conflict', reason: 'file_damaged' }],
    ['an unknown table', () => envelope(edited((c) => Object.assign(c.tables, { secrets: [] }))), { code: 'conflict', reason: 'file_invalid' }],
    [
      'a record with a nested value',
      () => envelope(edited((c) => Object.assign(c.tables.ideas![0]!, { title: { html: '<b>x</b>' } }))),
      { code: 'conflict', reason: 'file_invalid' },
    ],
    [
      'a record that breaks a rule of the database (unknown stage)',
      () => envelope(edited((c) => Object.assign(c.tables.ideas![0]!, { stage: 'klaar' }))),
      { code: 'conflict', reason: 'file_invalid' },
    ],
    [
      'a comment on an idea that exists nowhere',
      () => envelope(edited((c) => Object.assign(c.tables.comments![0]!, { idea_id: '00000000-0000-4000-8000-00000000abcd' }))),
      { code: 'conflict', reason: 'file_invalid' },
    ],
    [
      'a thanks event whose field list is not JSON',
      () =>
        envelope(
          edited((c) =>
            c.tables.events!.push({ ...c.tables.events![0]!, id: '00000000-0000-4000-8000-00000000eeee', type: 'thanked', fields: '[oops' }),
          ),
        ),
      { code: 'conflict', reason: 'file_invalid' },
    ],
    [
      'the same idea twice',
      () => envelope(edited((c) => c.tables.ideas!.push({ ...c.tables.ideas![0]! }))),
      { code: 'conflict', reason: 'file_invalid' },
    ],
    [
      'an id used for an idea and a comment in the file',
      () => envelope(edited((c) => Object.assign(c.tables.comments![0]!, { id: c.tables.ideas![0]!.id }))),
      { code: 'conflict', reason: 'id_clash' },
    ],
    ['a file over the size limit', () => ' '.repeat(EXCHANGE_MAX_CHARS + 1), { code: 'validation', field: 'text', issue: 'too_long' }],
  ];

  for (const [what, make, error] of cases) {
    it(`refuses ${what}`, async () => {
      const before = checksum(laptop.db);
      const text = make();
      expect(await laptop.api['exchange:preview']({ text })).toMatchObject({ ok: false, error });
      expect(await laptop.api['exchange:apply']({ text, token: sha256(text) })).toMatchObject({ ok: false, error });
      expect(checksum(laptop.db)).toBe(before);
    });
  }

  it('refuses an idea whose id is a person on this laptop (a clash with local data)', async () => {
    const { people } = await unwrap(laptop.api['app:bootstrap']({}));
    const text = envelope(edited((c) => c.tables.ideas!.push({ ...c.tables.ideas![0]!, id: people[0]!.id })));
    const before = checksum(laptop.db);
    expect(await laptop.api['exchange:preview']({ text })).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'id_clash' } });
    expect(checksum(laptop.db)).toBe(before);
  });

  it('accepts the good file, also re-indented (the checksum covers the data, not the layout)', async () => {
    const pretty = JSON.stringify(JSON.parse(good), null, 2);
    const preview = await unwrap(laptop.api['exchange:preview']({ text: pretty }));
    expect(preview.counts.ideas).toEqual({ added: 1, updated: 0, skipped: 0 });
    expect(writeFile(content)).toBe(good);
  });
});
