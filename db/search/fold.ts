/**
 * Letters that Unicode does not decompose into "letter + mark", so FTS5's
 * remove_diacritics cannot fold them: Danish ø and æ, and a few neighbours.
 * The index (migration 0005) and the search text fold them the same way.
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

/** Lower case, no marks, the letters above folded: how the index sees a word. */
export function foldForSearch(text: string): string {
  let result = text;
  for (const [from, to] of SEARCH_FOLDS) result = result.replaceAll(from, to);
  return result
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
