/**
 * Letters that Unicode does not decompose into "letter + mark", so FTS5's
 * remove_diacritics cannot fold them: Danish ø and æ, and a few neighbours.
 * The note index (migration 0005) and the search text fold them the same way.
 */
export const SEARCH_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['ø', 'o'],
  ['Ø', 'O'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
  ['œ', 'oe'],
  ['Œ', 'OE'],
  ['ß', 'ss'],
  ['ł', 'l'],
  ['Ł', 'L'],
  ['đ', 'd'],
  ['Đ', 'D'],
];

/** Lower case, no marks, the letters above folded: how the note index sees a word. */
export function foldForSearch(text: string): string {
  let result = text;
  for (const [from, to] of SEARCH_FOLDS) result = result.replaceAll(from, to);
  return result
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * How names are compared wherever a person types part of one (caseload search, pickers, list
 * filters, names in an imported sheet): as note search folds them, and also Turkish dotless ı as i
 * ("yilmaz" finds "Yılmaz") and Greek final ς as σ. Not used for notes: their index keeps ı and ς.
 */
export function foldName(text: string): string {
  return foldForSearch(text).replaceAll('ı', 'i').replaceAll('ς', 'σ');
}

/**
 * Two names or column headers that mean the same: folded, and only letters and digits of any
 * script kept, so "E-mail" = "email", "Jan  de Vries" = "jan de vries", "Шевченко" = "шевченко".
 */
export function nameKey(text: string): string {
  return foldName(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
