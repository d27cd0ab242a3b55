/** Two letters for an avatar: first and last word ("Anouk de Vries" → "AV"), or the first two letters of one word. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!);
  if (words.length === 1) return first.slice(0, 2).join('').toUpperCase();
  const last = Array.from(words[words.length - 1]!);
  return `${first[0] ?? ''}${last[0] ?? ''}`.toUpperCase();
}
