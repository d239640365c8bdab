import BetterSqlite3 from 'better-sqlite3';
import { type Connection, openConnection } from '../../../db/connection';
import { listCaseload } from '../../../db/queries/clients';
import { refreshClientSearch } from '../../../db/search/clients';
import { type ByHandRow, caseloadRows, prepareCaseload } from '../caseload-by-hand';
import { BENCH_TODAY, type Dataset, dataset } from '../datasets';
import { defineScenario } from '../scenario';

interface State extends Dataset {
  connection: Connection;
  raw: BetterSqlite3.Database;
  /** Prepared once, as a hand-written app keeps its statements (Koers's connection does too). */
  byHand: BetterSqlite3.Statement<unknown[], ByHandRow>;
}

async function open(filter: 'caseworker' | 'search'): Promise<State> {
  const data = await dataset('L');
  const connection = openConnection(data.path);
  // The names are folded once, by the first search after the data set was built; not a keystroke's cost.
  await refreshClientSearch(connection.db);
  const raw = new BetterSqlite3(data.path, { readonly: true });
  return { ...data, connection, raw, byHand: prepareCaseload(raw, filter) };
}

async function close(state: State): Promise<void> {
  state.raw.close();
  await state.connection.close();
}

// What a caseworker types, one keystroke at a time (no LIKE wildcards, so the baseline need not escape them).
const KEYSTROKES = ['j', 'ja', 'jan', 'jans', 'janse', 'jansen'];

export default [
  /** One caseworker's caseload (~150 active clients) in a database of 20,000 clients. Target: median < 5 ms. */
  defineScenario<State>({
    name: 'caseload.list',
    // A run takes about a millisecond: many runs cost little and steady the median on a busy machine.
    runs: 200,
    setup: () => open('caseworker'),
    run: ({ connection, caseworkerId }) =>
      listCaseload(connection.db, { caseworkerId, status: 'active', today: BENCH_TODAY }),
    baseline: ({ byHand, caseworkerId }) => caseloadRows(byHand.all(BENCH_TODAY, caseworkerId)),
    teardown: close,
  }),
  /** Search as you type over all 20,000 clients; one run = one keystroke. Target: median < 10 ms. */
  defineScenario<State>({
    name: 'clients.search',
    runs: 30,
    setup: () => open('search'),
    run: ({ connection }, round) =>
      listCaseload(connection.db, {
        status: 'active',
        search: KEYSTROKES[round % KEYSTROKES.length]!,
        today: BENCH_TODAY,
      }),
    baseline({ byHand }, round) {
      const pattern = `%${KEYSTROKES[round % KEYSTROKES.length]!}%`;
      return caseloadRows(byHand.all(BENCH_TODAY, pattern));
    },
    teardown: close,
  }),
];
