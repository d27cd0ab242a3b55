/** Turning whatever a person types into a safe FTS5 query. */
import type Database from 'better-sqlite3';
import type { Kind } from '../../shared/domain';
import { stmt } from './statements';

type Db = Database.Database;

/** Most words we match on; more only slows the query down. */
const MAX_TERMS = 32;

/**
 * The words of free text as FTS5's unicode61 tokenizer splits them (letters, digits and their marks), lower-cased
 * and without repeats, at most MAX_TERMS of them; null when the text holds no word at all.
 */
export function searchWords(text: string): string[] | null {
  // A word starts with a letter or digit; a stray combining mark on its own would be an empty phrase.
  const words = text.normalize('NFC').match(/[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{M}\p{Co}]*/gu);
  if (!words) return null;
  return [...new Set(words.map((w) => w.toLocaleLowerCase('nl')))].slice(0, MAX_TERMS);
}

/**
 * Free text as a safe FTS5 query: each word quoted as a prefix term, so FTS5 syntax in the input (quotes, *, :, ^,
 * AND/OR/NOT/NEAR, parentheses) is searched for as plain text and can never be a syntax error. All terms must
 * match (implicit AND), each in any of the text columns: never in `facets` (0090), whose tokens are not the
 * user's words. Returns null when the text holds no word at all.
 */
export function toFtsQuery(text: string): string | null {
  const words = searchWords(text);
  // The word pattern excludes '"', so wrapping in quotes needs no escaping.
  return words ? inTextColumns(words.map((w) => `"${w}"*`)) : null;
}

/** Terms that must all match, in any of the text columns (FTS5 takes no implicit AND next to a parenthesised OR). */
const inTextColumns = (terms: readonly string[], and = ' '): string => `${TEXT_COLUMNS} : (${terms.join(and)})`;

/** The FTS columns a person's words are searched in: every column but idea_id (unindexed) and facets. */
const TEXT_COLUMNS = '{title description problem proposal expected_result do_test check_result act_note lesson}';

/** Facet tokens as migration 0090 writes them into the FTS row (besides k<kind>): open / finished, and finished of a kind. */
export const doneKindFacet = (kind: Kind): string => `done${kind}`;
export const DONE_FACET = 'sdone';
export const OPEN_FACET = 'sopen';

/** A match (from toFtsQuery) narrowed to the rows holding every one of these facet tokens. */
export const withFacets = (match: string, ...tokens: readonly string[]): string => `${match} AND facets : (${tokens.join(' ')})`;

/** FTS5 keeps prefix indexes for one to four letters (0070, 0100). */
const INDEXED_PREFIX = 4;
/** A longer prefix is searched as the words it starts, while it starts at most this many (else as a prefix). */
const MAX_WORDS_PER_PREFIX = 16;
/** About what FTS5 takes to find one idea's row in one doclist (one word, or one prefix with an index), in µs. */
export const LOOKUP_MICROS_PER_DOCLIST = 15;

/** A person's search as an FTS5 match, with what testing one idea against it costs. */
export interface SearchMatch {
  match: string;
  /**
   * About how many µs FTS5 takes to test one idea's row against the match (each of its doclists is sought once);
   * Infinity when a prefix without an index is left in it, which merges its words' doclists again for every lookup.
   */
  lookupMicros: number;
}

/** A word that FTS5's tokenizer leaves exactly as it is (lower-case ASCII letters and digits). */
const PLAIN_WORD = /^[a-z0-9]+$/;

/**
 * Free text as an FTS5 match (as toFtsQuery), with every prefix longer than INDEXED_PREFIX written out as the words
 * of the index it starts: ("terugbellen" OR "terugbeller" OR ...), read from FTS5's vocabulary (fts5vocab).
 * FTS5 merges a long prefix's doclists into one list before it returns a first row, and again for every query
 * and every lookup of one row, where the words' own doclists are read lazily: a search with LIMIT stops early and
 * a lookup seeks each word's doclist. A prefix that starts more than MAX_WORDS_PER_PREFIX words, or one that FTS5
 * would fold (capitals, accents: only plain lower-case ASCII is compared with the vocabulary), stays a prefix.
 * A prefix that starts no word at all stays too: it then matches nothing, as the words would.
 */
export function searchMatch(db: Db, text: string): SearchMatch | null {
  const words = searchWords(text);
  if (!words) return null;
  let lookupMicros = 0;
  const terms = words.map((word) => {
    if ([...word].length <= INDEXED_PREFIX) {
      lookupMicros += LOOKUP_MICROS_PER_DOCLIST;
      return `"${word}"*`;
    }
    const starts = PLAIN_WORD.test(word) ? wordsStarting(db, word) : null;
    if (!starts || starts.length === 0) {
      lookupMicros = Infinity;
      return `"${word}"*`;
    }
    lookupMicros += starts.length * LOOKUP_MICROS_PER_DOCLIST;
    return starts.length === 1 ? `"${starts[0]}"` : `(${starts.map((w) => `"${w}"`).join(' OR ')})`;
  });
  return { match: inTextColumns(terms, ' AND '), lookupMicros };
}

/**
 * The indexed words starting with a plain prefix, in order; null when there are more than MAX_WORDS_PER_PREFIX.
 * The vocabulary is a temporary fts5vocab table of this connection (nothing stored), made on first use.
 */
function wordsStarting(db: Db, prefix: string): string[] | null {
  if (!withVocabulary.has(db)) {
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.ideas_fts_words USING fts5vocab(main, ideas_fts, row)');
    withVocabulary.add(db);
  }
  // Every word starting with the prefix sorts from the prefix itself to the prefix followed by the last code point.
  const words = stmt(db, 'SELECT term FROM temp.ideas_fts_words WHERE term >= ? AND term < ? LIMIT ?')
    .pluck()
    .all(prefix, `${prefix}\u{10FFFF}`, MAX_WORDS_PER_PREFIX + 1) as string[];
  // Tokens are letters and digits (no quote), but a word is only ever quoted as a word.
  const starting = words.filter((w) => w.startsWith(prefix) && !w.includes('"'));
  return starting.length > MAX_WORDS_PER_PREFIX ? null : starting;
}

const withVocabulary = new WeakSet<Db>();
