import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { openConnection, PRAGMAS } from '../../../db/connection';
import { migrateToLatest } from '../../../db/migrate';
import { insertClient, listClients } from '../../../db/queries/clients';
import { tempFolder } from '../../helpers/temp';
import { defineScenario } from '../scenario';

const FIRST = ['Fatima', 'Jan', 'Mette', 'Ahmed', 'Sanne', 'Søren', 'Anouk', 'Mohammed', 'Ida', 'Kees'];
const LAST = ['El Amrani', 'Jansen', 'Kjærgaard', 'Bakkali', 'de Vries', 'Østergaard', 'Visser', 'Yilmaz', 'Holm', 'Bakker'];
const CLIENTS = 150;

/** Start of the app's data side: open the file, check migrations, run the first client query. */
export default defineScenario({
  name: 'data.cold-start',
  runs: 20,
  async setup() {
    const temp = tempFolder('koers-bench-');
    const path = join(temp.path, 'koers.sqlite');
    const connection = openConnection(path);
    await migrateToLatest(connection.db);
    await connection.db.transaction().execute(async (trx) => {
      for (let i = 0; i < CLIENTS; i++) {
        await insertClient(trx, { firstName: FIRST[i % 10]!, lastName: LAST[(i * 7) % 10]!, reference: `2026-${String(i).padStart(4, '0')}`, caseworkerId: null }, '2026-11-01T09:00:00Z', null);
      }
    });
    await connection.close();
    return { temp, path };
  },
  async run({ path }) {
    const connection = openConnection(path);
    await migrateToLatest(connection.db);
    const clients = await listClients(connection.db);
    await connection.close();
    if (clients.length !== CLIENTS) throw new Error(`expected ${CLIENTS} clients, got ${clients.length}`);
  },
  baseline({ path }) {
    const db = new BetterSqlite3(path);
    for (const [name, value] of Object.entries(PRAGMAS)) db.pragma(`${name} = ${value}`);
    db.prepare('SELECT name FROM kysely_migration').all();
    const clients = db
      .prepare(
        'SELECT id, reference, first_name, last_name, pseudonym, caseworker_id, created_at FROM client WHERE deleted_at IS NULL ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id',
      )
      .all();
    db.close();
    if (clients.length !== CLIENTS) throw new Error('baseline saw the wrong clients');
  },
  teardown({ temp }) {
    temp.cleanup();
  },
});
