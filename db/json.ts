import { ParseJSONResultsPlugin } from 'kysely';

/** `$[0]."indicators"[2]."levels"` → `indicators.levels`. */
function columnPath(jsonPath: string): string {
  return jsonPath
    .replace(/\[\d+\]/g, '')
    .replace(/^\$\.?/, '')
    .replace(/"/g, '');
}

/**
 * Parses the named columns of a query's rows: in SQLite, what `jsonArrayFrom` and
 * `jsonObjectFrom` (kysely/helpers/sqlite) build is JSON text, and a list nested in
 * a list arrives as text inside the JSON (name it with a dot: `indicators.levels`).
 * Only those columns, so a name or a note that happens to look like JSON stays text.
 */
export function parseJsonColumns(...columns: string[]): ParseJSONResultsPlugin {
  const names = new Set(columns);
  return new ParseJSONResultsPlugin({ shouldParse: (_, jsonPath) => names.has(columnPath(jsonPath)) });
}
