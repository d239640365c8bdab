import BetterSqlite3 from 'better-sqlite3';
import { type Connection, openConnection } from '../../../db/connection';
import { searchNotes } from '../../../db/search/notes';
import { type Dataset, dataset } from '../datasets';
import { defineScenario } from '../scenario';

interface State extends Dataset {
  connection: Connection;
  raw: BetterSqlite3.Database;
}

// What a caseworker types into the note search: prefixes still being typed, words
// without their diacritics (café, geïnteresseerd), and two words.
const QUERIES = ['afspr', 'werk', 'cafe', 'gesprek over', 'geinteresseerd', 'schuldhulp', 'huisbezoek', 'stage bij'];

/**
 * The same search without the index: every word as `LIKE '%word%'` over all note
 * bodies, newest first, 50 hits with their owner. LIKE folds ASCII case only, so
 * it misses "café" for "cafe" — it does less than the FTS search, not more.
 */
function likeSql(words: number): string {
  return `SELECT n.id, n.client_id, n.household_id, n.kind, n.noted_at, n.body,
            coalesce(c.first_name || ' ' || c.last_name, h.name) AS owner
          FROM note n
          LEFT JOIN client c ON c.id = n.client_id
          LEFT JOIN household h ON h.id = n.household_id
          WHERE n.deleted_at IS NULL AND ${Array.from({ length: words }, () => 'n.body LIKE ?').join(' AND ')}
          ORDER BY n.noted_at DESC
          LIMIT 50`;
}

async function open(): Promise<State> {
  const data = await dataset('L');
  return {
    ...data,
    connection: openConnection(data.path),
    raw: new BetterSqlite3(data.path, { readonly: true }),
  };
}

async function close(state: State): Promise<void> {
  state.raw.close();
  await state.connection.close();
}

export default defineScenario<State>({
  /** Full-text search over the ~100,000 notes of 20,000 clients; one run = one query. Target: median < 20 ms. */
  name: 'notes.search',
  runs: 40,
  warmup: QUERIES.length,
  setup: open,
  run: ({ connection }, round) => searchNotes(connection.db, { text: QUERIES[round % QUERIES.length]! }),
  baseline({ raw }, round) {
    const words = QUERIES[round % QUERIES.length]!.split(' ');
    return raw.prepare(likeSql(words.length)).all(...words.map((w) => `%${w}%`));
  },
  teardown: close,
});
