/** Turning whatever a person types into a safe FTS5 query. */
import type { Kind } from '../../shared/domain';

/** Most words we match on; more only slows the query down. */
const MAX_TERMS = 32;

/**
 * Split free text into words the way FTS5's unicode61 tokenizer does (letters, digits and their marks) and
 * quote each as a prefix term, so FTS5 syntax in the input (quotes, *, :, ^, AND/OR/NOT/NEAR, parentheses)
 * is searched for as plain text and can never be a syntax error. All terms must match (implicit AND), each in
 * any of the text columns: never in `facets` (0090), whose tokens are not the user's words.
 * Returns null when the text holds no word at all.
 */
export function toFtsQuery(text: string): string | null {
  // A word starts with a letter or digit; a stray combining mark on its own would be an empty phrase.
  const words = text.normalize('NFC').match(/[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{M}\p{Co}]*/gu);
  if (!words) return null;
  const terms = [...new Set(words.map((w) => w.toLocaleLowerCase('nl')))].slice(0, MAX_TERMS);
  // The word pattern excludes '"', so wrapping in quotes needs no escaping.
  return `${TEXT_COLUMNS} : (${terms.map((w) => `"${w}"*`).join(' ')})`;
}

/** The FTS columns a person's words are searched in: every column but idea_id (unindexed) and facets. */
const TEXT_COLUMNS = '{title description problem proposal expected_result do_test check_result act_note lesson}';

/** Facet tokens as migration 0090 writes them into the FTS row (besides k<kind>): open / finished, and finished of a kind. */
export const doneKindFacet = (kind: Kind): string => `done${kind}`;
export const DONE_FACET = 'sdone';
export const OPEN_FACET = 'sopen';

/** A match (from toFtsQuery) narrowed to the rows holding every one of these facet tokens. */
export const withFacets = (match: string, ...tokens: readonly string[]): string => `${match} AND facets : (${tokens.join(' ')})`;

/** FTS5 keeps prefix indexes for one to four letters (0070, 0100); a longer prefix merges the doclist of every word it starts. */
const INDEXED_PREFIX = 4;

/**
 * Whether every term of this match (from toFtsQuery) is read from a prefix index: then FTS5 finds one idea's row
 * in the match cheaply (about 10 µs), where a longer prefix merges its words' doclists again for every lookup.
 */
export const matchesByPrefixIndex = (match: string): boolean =>
  [...match.matchAll(/"([^"]*)"\*/g)].every(([, term]) => [...term!].length <= INDEXED_PREFIX);
