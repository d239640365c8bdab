import BetterSqlite3 from 'better-sqlite3';
import { openConnection, PRAGMAS } from '../../../db/connection';
import { listCaseload } from '../../../db/queries/clients';
import { migrateToLatest } from '../../../db/migrate';
import { caseloadRows, prepareCaseload } from '../caseload-by-hand';
import { BENCH_TODAY, dataset } from '../datasets';
import { defineScenario } from '../scenario';

/** Start of the app's data side: open the file, check migrations, run the first caseload query (S: 150 clients). */
export default defineScenario({
  name: 'data.cold-start',
  // A run takes a few milliseconds: many runs cost little and steady the median on a busy machine.
  runs: 100,
  setup: () => dataset('S'),
  async run({ path, caseworkerId }) {
    const connection = openConnection(path);
    await migrateToLatest(connection);
    const rows = await listCaseload(connection.db, { caseworkerId, status: 'active', today: BENCH_TODAY });
    await connection.close();
    if (rows.length === 0) throw new Error('no clients');
  },
  baseline({ path, caseworkerId }) {
    const db = new BetterSqlite3(path);
    // Set in one go and read back in one statement, as Koers does: WAL or foreign keys can be refused silently.
    const pragmas = Object.entries(PRAGMAS);
    db.exec(pragmas.map(([name, value]) => `PRAGMA ${name} = ${value}`).join('; '));
    const actual = db
      .prepare(`SELECT * FROM ${pragmas.map(([name]) => `pragma_${name}`).join(', ')}`)
      .raw()
      .get() as unknown[];
    if (pragmas.some(([, value], i) => String(actual[i]).toLowerCase() !== String(value)))
      throw new Error('pragma refused');
    db.prepare('SELECT name FROM kysely_migration').all();
    const rows = caseloadRows(prepareCaseload(db, 'caseworker').all(BENCH_TODAY, caseworkerId));
    db.close();
    if (rows.length === 0) throw new Error('no clients');
  },
});
