import { describe, expect, it } from 'vitest';
import { catalogueKeys, createTranslator, describeError } from '../../renderer/i18n/i18n';
import { placeCard, emptyColumns } from '../../renderer/store/board-slice';

describe('translations', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(catalogueKeys('en')).toEqual(catalogueKeys('nl'));
    const nl = createTranslator('nl');
    const en = createTranslator('en');
    for (const key of catalogueKeys('nl')) {
      expect(nl(key).trim(), key).not.toBe('');
      expect(en(key).trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and picks plural forms', () => {
    const nl = createTranslator('nl');
    expect(nl('undo.deleted', { title: 'Koffie' })).toBe('"Koffie" verwijderd.');
    expect(nl('stage.afgerond')).toBe('Afgerond');
    expect(createTranslator('en')('stage.afgerond')).toBe('Done');
  });

  it('describes core errors in the user language', () => {
    const nl = createTranslator('nl');
    const en = createTranslator('en');
    const tooLong = { code: 'validation' as const, message: 'x', field: 'title', issue: 'too_long' as const, limit: 200 };
    expect(describeError(nl, tooLong)).toBe('Dit klopt nog niet: Titel is te lang (maximaal 200 tekens).');
    expect(describeError(en, tooLong)).toBe('Not quite right yet: Title is too long (at most 200 characters).');
    expect(describeError(nl, { code: 'internal', message: 'SQLITE_FULL' })).toMatch(/niets gewijzigd/);
    expect(describeError(en, { code: 'not_found', message: 'x', field: 'id' })).toMatch(/Idea/);
  });
});

describe('placeCard', () => {
  it('moves a card below its new neighbour, across and within columns', () => {
    let cols = emptyColumns();
    cols = { ...cols, nieuw: ['a', 'b', 'c'], plan: ['d'] };
    const across = placeCard(cols, 'b', 'plan', 'd');
    expect(across.nieuw).toEqual(['a', 'c']);
    expect(across.plan).toEqual(['d', 'b']);
    const top = placeCard(cols, 'c', 'nieuw', null);
    expect(top.nieuw).toEqual(['c', 'a', 'b']);
    expect(cols.nieuw).toEqual(['a', 'b', 'c']);
  });
});
