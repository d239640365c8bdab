import BetterSqlite3 from 'better-sqlite3';
import { openConnection, PRAGMAS } from '../../../db/connection';
import { listCaseload } from '../../../db/queries/clients';
import { migrateToLatest } from '../../../db/migrate';
import { BENCH_TODAY, dataset } from '../datasets';
import { defineScenario } from '../scenario';

/** Start of the app's data side: open the file, check migrations, run the first caseload query (S: 150 clients). */
export default defineScenario({
  name: 'data.cold-start',
  runs: 20,
  setup: () => dataset('S'),
  async run({ path, caseworkerId }) {
    const connection = openConnection(path);
    await migrateToLatest(connection.db);
    const rows = await listCaseload(connection.db, { caseworkerId, status: 'active', today: BENCH_TODAY });
    await connection.close();
    if (rows.length === 0) throw new Error('no clients');
  },
  baseline({ path, caseworkerId }) {
    const db = new BetterSqlite3(path);
    for (const [name, value] of Object.entries(PRAGMAS)) db.pragma(`${name} = ${value}`);
    db.prepare('SELECT name FROM kysely_migration').all();
    const rows = db.prepare(CASELOAD_SQL).all(BENCH_TODAY, caseworkerId);
    db.close();
    if (rows.length === 0) throw new Error('no clients');
  },
});

/** The caseload query as one would write it by hand; shared with caseload.list. */
export const CASELOAD_SQL = `
  WITH rows AS (
    SELECT c.id, c.pseudonym, c.reference, c.first_name, c.last_name, c.caseworker_id, c.target_group_id, c.stage_id,
           c.stage_since, c.household_id, c.status,
           (SELECT a.id FROM action a WHERE a.client_id = c.id AND a.done_at IS NULL AND a.deleted_at IS NULL
             ORDER BY a.due_date, a.due_time, a.id LIMIT 1) AS next_action_id,
           (SELECT count(*) FROM action a WHERE a.client_id = c.id AND a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_date < ?) AS overdue_count
    FROM client c WHERE c.deleted_at IS NULL AND c.caseworker_id = ? AND c.status = 'active'
  )
  SELECT r.*, na.title, na.kind, na.due_date, na.due_time FROM rows r LEFT JOIN action na ON na.id = r.next_action_id
  ORDER BY r.last_name COLLATE NOCASE, r.first_name COLLATE NOCASE, r.id`;
