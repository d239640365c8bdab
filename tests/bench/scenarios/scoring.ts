import BetterSqlite3 from 'better-sqlite3';
import { type Connection, openConnection } from '../../../db/connection';
import { DEFAULT_RESCORE_WEEKS } from '../../../common/rhythm';
import { plusDays } from '../../../common/dates';
import { coverageByCaseworker, latestScores } from '../../../db/queries/scorings';
import { BENCH_TODAY, type Dataset, dataset } from '../datasets';
import { defineScenario } from '../scenario';

interface State extends Dataset {
  connection: Connection;
  raw: BetterSqlite3.Database;
  team: string[];
}

async function open(): Promise<State> {
  const data = await dataset('L');
  const raw = new BetterSqlite3(data.path, { readonly: true });
  // A team: the 12 caseworkers with the most active clients.
  const team = raw
    .prepare(
      `SELECT caseworker_id AS id FROM client WHERE status = 'active' AND caseworker_id IS NOT NULL
       GROUP BY caseworker_id ORDER BY count(*) DESC, caseworker_id LIMIT 12`,
    )
    .all()
    .map((r) => (r as { id: string }).id);
  return { ...data, connection: openConnection(data.path), raw, team };
}

async function close(state: State): Promise<void> {
  state.raw.close();
  await state.connection.close();
}

export default [
  /** Latest score per client per indicator over 20,000 clients and ~200,000 scores. Target: median < 300 ms. */
  defineScenario<State>({
    name: 'scores.latest',
    runs: 7,
    warmup: 1,
    setup: open,
    run: ({ connection }) => latestScores(connection.db),
    baseline({ raw }) {
      const latest = new Map<string, Map<string, { value: number; date: string }>>();
      const rows = raw
        .prepare(
          `SELECT s.client_id, sc.indicator_key, sc.value, s.scored_on FROM score sc JOIN scoring s ON s.id = sc.scoring_id
           WHERE s.deleted_at IS NULL AND sc.value IS NOT NULL ORDER BY s.scored_on`,
        )
        .raw()
        .iterate() as Iterable<[string, string, number, string]>;
      for (const [client, key, value, date] of rows) {
        let map = latest.get(client);
        if (!map) latest.set(client, (map = new Map()));
        map.set(key, { value, date });
      }
      return latest;
    },
    teardown: close,
  }),
  /** Coverage of a team of 12 caseworkers (their ~1,800 active clients) in the 20,000-client database. Target: median < 50 ms. */
  defineScenario<State>({
    name: 'coverage.team',
    runs: 20,
    setup: open,
    run: ({ connection, team }) => coverageByCaseworker(connection.db, BENCH_TODAY, team),
    baseline({ raw, team }) {
      const placeholders = team.map(() => '?').join(',');
      const rows = raw
        .prepare(
          `SELECT c.caseworker_id, tg.rescore_weeks,
             (SELECT max(s.scored_on) FROM scoring s WHERE s.client_id = c.id AND s.deleted_at IS NULL) AS last
           FROM client c LEFT JOIN catalog_item tg ON tg.id = c.target_group_id
           WHERE c.status = 'active' AND c.deleted_at IS NULL AND c.caseworker_id IN (${placeholders})`,
        )
        .all(...team) as Array<{ caseworker_id: string; rescore_weeks: number | null; last: string | null }>;
      const counts = new Map<string, [number, number]>();
      for (const row of rows) {
        const entry = counts.get(row.caseworker_id) ?? [0, 0];
        entry[0] += 1;
        if (row.last && plusDays(row.last, (row.rescore_weeks ?? DEFAULT_RESCORE_WEEKS) * 7) > BENCH_TODAY)
          entry[1] += 1;
        counts.set(row.caseworker_id, entry);
      }
      return counts;
    },
    teardown: close,
  }),
];
