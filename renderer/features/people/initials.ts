/** Dutch surname prefixes are left out of initials: "Anouk de Vries" → "AV". */
const PARTICLES = new Set(['de', 'den', 'der', 'van', 'het', "'t", 'te', 'ten', 'ter', 'in', 'op', 'la', 'le', 'du', 'da', 'di', 'von', 'zu']);

/**
 * Two letters for an avatar, the same everywhere a person appears: first and last word, prefixes left out
 * ("Jan van den Berg" → "JB"), or the first two letters of a single word ("Ahmed" → "AH").
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const main = words.filter((w, i) => i === 0 || !PARTICLES.has(w.toLowerCase()));
  const first = Array.from(main[0]!);
  if (main.length === 1) return first.slice(0, 2).join('').toLocaleUpperCase();
  return `${first[0]!}${Array.from(main[main.length - 1]!)[0]!}`.toLocaleUpperCase();
}
