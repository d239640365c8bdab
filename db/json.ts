import type { KyselyPlugin } from 'kysely';

/** Parses the JSON text at `path` (a column, then keys inside what it holds) in `target`, a row or a list of them. */
function parseAt(target: unknown, path: readonly string[]): void {
  if (Array.isArray(target)) {
    for (const item of target) parseAt(item, path);
    return;
  }
  if (typeof target !== 'object' || target === null) return;
  const record = target as Record<string, unknown>;
  const [key = '', ...rest] = path;
  const value = record[key];
  if (rest.length > 0) parseAt(value, rest);
  else if (typeof value === 'string') record[key] = JSON.parse(value);
}

/**
 * Parses the named columns of a query's rows: in SQLite, what `jsonArrayFrom` and
 * `jsonObjectFrom` (kysely/helpers/sqlite) build is JSON text, and a list nested in
 * a list arrives as text inside the JSON (name it after its parent, with a dot:
 * `indicators`, `indicators.levels`). Only those columns, so a name or a note that
 * happens to look like JSON stays text. Kysely's ParseJSONResultsPlugin does the
 * same by visiting every value of every row, which tripled the time of a client's
 * scorings.
 */
export function parseJsonColumns(...columns: string[]): KyselyPlugin {
  const paths = columns.map((column) => column.split('.'));
  return {
    transformQuery: ({ node }) => node,
    async transformResult({ result }) {
      for (const row of result.rows) for (const path of paths) parseAt(row, path);
      return result;
    },
  };
}
