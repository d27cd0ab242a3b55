/** Turning whatever a person types into a safe FTS5 query. */

/** Most words we match on; more only slows the query down. */
const MAX_TERMS = 32;

/**
 * Split free text into words the way FTS5's unicode61 tokenizer does (letters, digits and their marks) and
 * quote each as a prefix term, so FTS5 syntax in the input (quotes, *, :, ^, AND/OR/NOT/NEAR, parentheses)
 * is searched for as plain text and can never be a syntax error. All terms must match (implicit AND).
 * Returns null when the text holds no word at all.
 */
export function toFtsQuery(text: string): string | null {
  // A word starts with a letter or digit; a stray combining mark on its own would be an empty phrase.
  const words = text.normalize('NFC').match(/[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{M}\p{Co}]*/gu);
  if (!words) return null;
  const terms = [...new Set(words.map((w) => w.toLocaleLowerCase('nl')))].slice(0, MAX_TERMS);
  // The word pattern excludes '"', so wrapping in quotes needs no escaping.
  return terms.map((w) => `"${w}"*`).join(' ');
}
