import BetterSqlite3 from 'better-sqlite3';
import { type Connection, openConnection } from '../../../db/connection';
import { listCaseload } from '../../../db/queries/clients';
import { BENCH_TODAY, type Dataset, dataset } from '../datasets';
import { defineScenario } from '../scenario';
import { CASELOAD_SQL } from './data.cold-start';

interface State extends Dataset {
  connection: Connection;
  raw: BetterSqlite3.Database;
}

async function open(): Promise<State> {
  const data = await dataset('L');
  return { ...data, connection: openConnection(data.path), raw: new BetterSqlite3(data.path, { readonly: true }) };
}

async function close(state: State): Promise<void> {
  state.raw.close();
  await state.connection.close();
}

const SEARCH_SQL = CASELOAD_SQL.replace(
  "c.caseworker_id = ? AND c.status = 'active'",
  `c.status = 'active' AND (
  c.first_name || ' ' || c.last_name LIKE ? ESCAPE '\\' OR c.last_name || ', ' || c.first_name LIKE ? ESCAPE '\\'
  OR c.reference LIKE ? ESCAPE '\\' OR c.pseudonym LIKE ? ESCAPE '\\')`,
);
// What a caseworker types, one keystroke at a time.
const KEYSTROKES = ['j', 'ja', 'jan', 'jans', 'janse', 'jansen'];

export default [
  /** One caseworker's caseload (~150 active clients) in a database of 20,000 clients. Target: median < 5 ms. */
  defineScenario<State>({
    name: 'caseload.list',
    runs: 30,
    setup: open,
    async run({ connection, caseworkerId }) {
      await listCaseload(connection.db, { caseworkerId, status: 'active', today: BENCH_TODAY });
    },
    baseline({ raw, caseworkerId }) {
      raw.prepare(CASELOAD_SQL).all(BENCH_TODAY, caseworkerId);
    },
    teardown: close,
  }),
  /** Search as you type over all 20,000 clients; one run = one keystroke. Target: median < 10 ms. */
  defineScenario<State & { i: number }>({
    name: 'clients.search',
    runs: 30,
    setup: async () => ({ ...(await open()), i: 0 }),
    async run(state) {
      const search = KEYSTROKES[state.i++ % KEYSTROKES.length]!;
      await listCaseload(state.connection.db, { status: 'active', search, today: BENCH_TODAY });
    },
    baseline(state) {
      const pattern = `%${KEYSTROKES[state.i++ % KEYSTROKES.length]!}%`;
      state.raw.prepare(SEARCH_SQL).all(BENCH_TODAY, pattern, pattern, pattern, pattern);
    },
    teardown: close,
  }),
];
