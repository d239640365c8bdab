import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { eraseClientRows } from '../../../db/queries/privacy';
import { truncateWal } from '../../../db/wal';
import { openTestKoers, type TestKoers } from '../../helpers/koers';
import { ok } from '../../helpers/seed';
import { tempFolder } from '../../helpers/temp';
import { dataset } from '../datasets';
import { defineScenario } from '../scenario';

interface State {
  temp: ReturnType<typeof tempFolder>;
  koers: TestKoers;
  /** Clients not erased yet, each run takes the next. */
  clients: Array<{ id: string; pseudonym: string }>;
}

export default [
  /**
   * Erasing one client of the 20,000-client database (L, ~100,000 notes): rows, the
   * full-text index rewritten without the client's words (FTS5 optimize), the log
   * emptied. The baseline is the same rows and checkpoint without rewriting the index:
   * the difference is what keeping no word on disk costs.
   */
  defineScenario<State>({
    name: 'privacy.erase',
    runs: 5,
    warmup: 1,
    async setup() {
      const data = await dataset('L');
      const temp = tempFolder('koers-bench-erase-');
      copyFileSync(data.path, join(temp.path, 'koers.sqlite'));
      const koers = await openTestKoers({ folder: temp.path });
      koers.settings.set('currentCaseworkerId', data.caseworkerId);
      const clients = await koers.connection.db
        .selectFrom('client')
        .select(['id', 'pseudonym'])
        .orderBy('id')
        .limit(20)
        .execute();
      return { temp, koers, clients };
    },
    async run(state) {
      const client = state.clients.shift()!;
      await ok(state.koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }));
    },
    async baseline(state) {
      const client = state.clients.shift()!;
      await state.koers.connection.db.transaction().execute((trx) => eraseClientRows(trx, client.id));
      await truncateWal(state.koers.connection.db);
    },
    async teardown(state) {
      await state.koers.close();
      state.temp.cleanup();
    },
  }),
];
