import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openConnection } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { insertCaseworker } from '../../db/queries/caseworkers';
import { KNOWN_MIGRATIONS, migrateToLatest } from '../../db/migrate';

const root = resolve(import.meta.dirname, '../..');
const folder = resolve(import.meta.dirname, 'data');
export const BENCH_TODAY = '2026-11-23';

export const SIZES = { S: 150, M: 2_000, L: 20_000 } as const;
export type Size = keyof typeof SIZES;

/** Changes to the migrations or the demo generator make a new data set; otherwise it is reused. */
function fingerprint(): string {
  const hash = createHash('sha256').update(KNOWN_MIGRATIONS.join(','));
  for (const dir of ['db/demo', 'db/migrations']) {
    const folderPath = join(root, dir);
    for (const file of readdirSync(folderPath).sort()) hash.update(file).update(readFileSync(join(folderPath, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

export interface Dataset {
  path: string;
  /** The caseworker whose caseload the scenarios open (about 120–150 active clients). */
  caseworkerId: string;
}

/** A demo database of the given size, generated once and kept in tests/bench/data. */
export async function dataset(size: Size): Promise<Dataset> {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${size}-${fingerprint()}.sqlite`);
  if (!existsSync(path)) {
    const building = `${path}.building`;
    rmSync(building, { force: true });
    const connection = openConnection(building);
    await migrateToLatest(connection);
    const at = `${BENCH_TODAY}T08:00:00.000Z`;
    const me = await insertCaseworker(connection.db, { name: 'Bench Caseworker', role: 'key_person' }, at, null);
    await generateDemo(connection.db, {
      clients: SIZES[size],
      today: BENCH_TODAY,
      language: 'nl',
      currentCaseworkerId: me,
    });
    connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await connection.close();
    renameSync(building, path);
  }
  const connection = openConnection(path);
  const me = await connection.db
    .selectFrom('caseworker')
    .select('id')
    .where('name', '=', 'Bench Caseworker')
    .executeTakeFirstOrThrow();
  await connection.close();
  return { path, caseworkerId: me.id };
}
