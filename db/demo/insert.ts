/** SQLite allows at most 32,766 bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER). */
export const MAX_BOUND_PARAMETERS = 32_766;

/**
 * Multi-row inserts in chunks that stay under the parameter limit: one statement
 * per chunk instead of one per row is what keeps 100,000+ demo rows fast.
 */
export async function insertInChunks<R extends object>(
  rows: readonly R[],
  insert: (chunk: R[]) => Promise<unknown>,
  rowsPerChunk = Infinity,
): Promise<void> {
  const [first] = rows;
  if (first === undefined) return;
  const columns = Object.keys(first).length;
  const size = Math.max(1, Math.min(rowsPerChunk, Math.floor(MAX_BOUND_PARAMETERS / columns)));
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}
