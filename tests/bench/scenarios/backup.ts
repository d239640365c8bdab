import type BetterSqlite3 from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openConnection } from '../../../db/connection';
import { makeBackup } from '../../../main/safety/backups';
import { tempFolder } from '../../helpers/temp';
import { dataset } from '../datasets';
import { defineScenario } from '../scenario';

interface State {
  temp: ReturnType<typeof tempFolder>;
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
  n: number;
}

export default [
  /** A checked backup of the 20,000-client database (L): online backup, integrity_check, copy, rename. Target: median < 3 s. */
  defineScenario<State>({
    name: 'backup',
    runs: 5,
    warmup: 1,
    memory: true,
    async setup() {
      const data = await dataset('L');
      const connection = openConnection(data.path);
      return {
        temp: tempFolder('koers-bench-backup-'),
        sqlite: connection.sqlite,
        close: () => connection.close(),
        n: 0,
      };
    },
    async run(state) {
      const backup = await makeBackup(
        state.sqlite,
        join(state.temp.path, 'backups'),
        new Date(Date.UTC(2026, 0, 1, 0, 0, state.n++)),
      );
      rmSync(backup.path);
    },
    // The bare copy: SQLite's online backup alone, without the check and the copy into the folder.
    async baseline(state) {
      const target = join(state.temp.path, `bare-${state.n++}.sqlite`);
      await state.sqlite.backup(target);
      rmSync(target);
    },
    async teardown(state) {
      await state.close();
      state.temp.cleanup();
    },
  }),
];
