/** shared/csv.ts: a round trip through a real CSV parser (papaparse) gives every field back unchanged. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, fromCsvCell, toCsv } from '../../shared/csv';
import { CSV_SEPARATORS, type CsvSeparator } from '../../shared/domain';

/** Parse as a spreadsheet would: strip the BOM, split on the separator, then undo the neutralising apostrophe. */
function parse(text: string, separator: CsvSeparator): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { delimiter: separator, newline: '\r\n', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  const rows = result.data;
  // The file ends with CRLF, which papaparse reads as one last empty row.
  expect(rows.at(-1)).toEqual(['']);
  return rows.slice(0, -1).map((row) => row.map(fromCsvCell));
}

const TRICKY = [
  'gewoon',
  'twee\nregels',
  'windows\r\nregel',
  'met "aanhalingstekens"',
  'a;b;c',
  'a,b,c',
  '😀 emoji en één accent',
  '=SUM(A1:A9)',
  '+31 6 1234',
  '-2',
  '@cmd',
  '\tTab',
  '\rCR',
  "'al een apostrof",
  "''twee",
  '',
  ' spaties ',
  '"',
];

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends and quotes only what needs it', () => {
    expect(toCsv([['a', 'b c'], ['x;y', 'z"']], ';')).toBe(`${CSV_BOM}a;b c\r\n"x;y";"z"""\r\n`);
    expect(toCsv([['x;y', 'x,y']], ',')).toBe(`${CSV_BOM}x;y,"x,y"\r\n`);
  });

  it('neutralises formula-like text with an apostrophe; numbers and empty cells stay as they are', () => {
    expect(toCsv([['=1+1', '+1', '-1', '@A1', '\tx', "'x", 7, null, 8.5]], ';')).toBe(
      `${CSV_BOM}'=1+1;'+1;'-1;'@A1;'\tx;''x;7;;8.5\r\n`,
    );
  });

  for (const separator of CSV_SEPARATORS) {
    it(`round-trips tricky text through papaparse with "${separator}"`, () => {
      const rows = [TRICKY, TRICKY.toReversed()];
      expect(parse(toCsv(rows, separator), separator)).toEqual(rows);
    });
  }

  it('round-trips any text (property)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom(...TRICKY),
      fc.stringMatching(/^[=+\-@'\t\r";,\n ]{0,6}[a-z]{0,3}$/),
    );
    fc.assert(
      fc.property(fc.constantFrom(...CSV_SEPARATORS), fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (separator, rows) => {
        expect(parse(toCsv(rows, separator), separator)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
