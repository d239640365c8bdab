/**
 * Dutch surnames sort by the name after the tussenvoegsel: "van den Berg" under B, "in 't Veld" under V,
 * as Dutch lists (the phone book, municipal records) do. The name is shown whole; only its sort key moves
 * the prefix to the end.
 */

/** Words that are a prefix on their own ("van Dijk", "de Vries", "ter Horst", "'t Hart"). */
const PREFIX_WORDS = new Set([
  'van',
  'de',
  'den',
  'der',
  'des',
  'het',
  "'t",
  'te',
  'ter',
  'ten',
  "'s",
  'vande',
  'vander',
]);
/** Words that are a prefix only before another prefix word ("in 't Veld", "op de Beek", "uit den Bogaard"). */
const LEADING_WORDS = new Set(['in', 'op', 'uit', 'aan', 'bij', 'onder', 'over', 'voor']);

/** "van den Berg" → { prefix: "van den", main: "Berg" }; a name that is only prefix words stays whole. */
export function splitSurname(lastName: string): { prefix: string; main: string } {
  // Typographic apostrophes ("’t Hart") count as the plain one.
  const words = lastName.trim().replace(/[’‘`]/g, "'").split(/\s+/);
  let count = 0;
  while (count < words.length - 1) {
    const word = (words[count] ?? '').toLowerCase();
    const next = (words[count + 1] ?? '').toLowerCase();
    if (PREFIX_WORDS.has(word)) count += 1;
    else if (LEADING_WORDS.has(word) && PREFIX_WORDS.has(next) && count + 2 < words.length) count += 1;
    else break;
  }
  if (count === 0) return { prefix: '', main: lastName.trim() };
  const original = lastName.trim().split(/\s+/);
  return { prefix: original.slice(0, count).join(' '), main: original.slice(count).join(' ') };
}

/** Surnames already split: a caseload repeats them, and a search re-sorts on every keystroke. */
const split = new Map<string, { prefix: string; main: string }>();

/** What a client's name sorts on: surname without prefix, first name, then the prefix ("Berg Jan van den"). */
export function nameSortKey(lastName: string, firstName: string): string {
  // Most surnames are one word, and a prefix needs a word after it.
  if (!/\s/.test(lastName.trim())) return `${lastName} ${firstName}`;
  let parts = split.get(lastName);
  if (!parts) {
    parts = splitSurname(lastName);
    split.set(lastName, parts);
  }
  return parts.prefix ? `${parts.main} ${firstName} ${parts.prefix}` : `${parts.main} ${firstName}`;
}
