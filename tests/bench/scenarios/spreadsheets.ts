import BetterSqlite3 from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { copyFileSync, createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { openConnection } from '../../../db/connection';
import { migrateToLatest } from '../../../db/migrate';
import { insertCaseworker } from '../../../db/queries/caseworkers';
import type { Koers } from '../../../main/open-koers';
import { fakeDesktop } from '../../helpers/fake-desktop';
import { tempFolder } from '../../helpers/temp';
import { BENCH_TODAY, dataset } from '../datasets';
import { openBenchApp } from '../bench-app';
import { defineScenario } from '../scenario';

/** The same rows as the long export, in one hand-written query: what a bare ExcelJS or CSV write gets. */
const LONG_SQL = `
  SELECT c.reference, c.pseudonym, coalesce(g.name, g.default_key) AS target_group, w.name AS caseworker, sh.name AS sheet, v.number,
         i.name AS indicator, s.scored_on, s.scored_by, sc.value, l.label, sc.comment
  FROM score sc
  JOIN scoring s ON s.id = sc.scoring_id
  JOIN client c ON c.id = s.client_id
  JOIN sheet_version v ON v.id = s.version_id
  JOIN sheet sh ON sh.id = v.sheet_id
  JOIN indicator i ON i.id = sc.indicator_id
  LEFT JOIN indicator_level l ON l.indicator_id = i.id AND l.value = sc.value
  LEFT JOIN catalog_item g ON g.id = c.target_group_id
  LEFT JOIN caseworker w ON w.id = c.caseworker_id
  WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL AND sc.value IS NOT NULL
  ORDER BY c.pseudonym, s.scored_on, s.id, i.position`;

interface ExportState {
  app: Koers;
  raw: BetterSqlite3.Database;
  temp: ReturnType<typeof tempFolder>;
  out: string;
}

async function exportSetup(extension: 'xlsx' | 'csv'): Promise<ExportState> {
  const data = await dataset('L');
  const temp = tempFolder('koers-bench-export-');
  const desktop = fakeDesktop();
  const out = join(temp.path, `scores.${extension}`);
  desktop.saveAs = out;
  return {
    app: await openBenchApp(data.path, temp.path, { desktop }),
    raw: new BetterSqlite3(data.path, { readonly: true }),
    temp,
    out,
  };
}

async function exportTeardown(state: ExportState): Promise<void> {
  state.raw.close();
  await state.app.close();
  state.temp.cleanup();
}

async function exportScores(state: ExportState, fileType: 'xlsx' | 'csv'): Promise<void> {
  const result = await state.app.dispatch('exports.scores', { format: 'long', fileType, pseudonymised: false });
  if (!result.ok || (result.value as { rows: number }).rows < 150_000)
    throw new Error(`export failed: ${JSON.stringify(result)}`);
}

const CASELOAD_ROWS = 10_000;
const FIRST = [
  'Jan',
  'Fatima',
  'Ayşe',
  'Renée',
  'Mohammed',
  'Zoë',
  'Kees',
  'Noëlle',
  'Emre',
  'Hélène',
  'Tesfay',
  'Abdi',
];
const LAST = [
  'de Vries',
  'El Amrani',
  'Yılmaz',
  'Bakker',
  'Jansen',
  'van den Berg',
  'Öztürk',
  'de Jong',
  'Visser',
  'Gebremedhin',
];

interface ImportState {
  temp: ReturnType<typeof tempFolder>;
  template: string;
  sheet: string;
  n: number;
}

export default [
  /** Long export of the L data set's ~200,000 scores to .xlsx. Target: within 1.3× the time and memory of a bare ExcelJS streaming write of the same rows. */
  defineScenario<ExportState>({
    name: 'export.scores.xlsx',
    runs: 5,
    warmup: 1,
    memory: true,
    setup: () => exportSetup('xlsx'),
    run: (state) => exportScores(state, 'xlsx'),
    async baseline(state) {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: `${state.out}.bare.xlsx`,
        useStyles: false,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('Scores');
      for (const row of state.raw.prepare(LONG_SQL).raw().iterate()) sheet.addRow(row as unknown[]).commit();
      sheet.commit();
      await workbook.commit();
    },
    teardown: exportTeardown,
  }),
  /** The same export as CSV. Target: within 1.3× a bare csv-stringify write of the same rows. */
  defineScenario<ExportState>({
    name: 'export.scores.csv',
    runs: 5,
    warmup: 1,
    memory: true,
    setup: () => exportSetup('csv'),
    run: (state) => exportScores(state, 'csv'),
    async baseline(state) {
      const out = createWriteStream(`${state.out}.bare.csv`);
      let batch: unknown[][] = [];
      const flush = async () => {
        if (!out.write(stringify(batch, { delimiter: ';' }))) await once(out, 'drain');
        batch = [];
      };
      for (const row of state.raw.prepare(LONG_SQL).raw().iterate()) {
        batch.push(row as unknown[]);
        if (batch.length >= 1000) await flush();
      }
      await flush();
      out.end();
      await once(out, 'finish');
    },
    teardown: exportTeardown,
  }),
  /** A 10,000-row caseload sheet (.xlsx): read in the worker, previewed and imported into an empty database. Target: median < 3 s. */
  defineScenario<ImportState>({
    name: 'import.caseload',
    runs: 5,
    warmup: 1,
    memory: true,
    async setup() {
      const temp = tempFolder('koers-bench-import-');
      const sheet = join(temp.path, 'caseload.xlsx');
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: sheet, useStyles: true });
      const ws = writer.addWorksheet('Caseload');
      ws.addRow([
        'Klantnummer',
        'Naam',
        'Geboortedatum',
        'Doelgroep',
        'Fase',
        'Startdatum',
        'Telefoon',
        'E-mail',
      ]).commit();
      for (let i = 0; i < CASELOAD_ROWS; i++) {
        const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
        ws.addRow([
          `KL-${100_000 + i}`,
          name,
          new Date(Date.UTC(1960 + (i % 45), i % 12, 1 + (i % 28))),
          ['Jongeren tot 27', 'Bijstand 27+', 'Statushouders'][i % 3],
          ['Intake', 'Activering', 'Participatie'][i % 3],
          new Date(Date.UTC(2020 + (i % 6), (i * 5) % 12, 1 + (i % 27))),
          `06-${String(10_000_000 + i).slice(0, 8)}`,
          `klant${i}@example.nl`,
        ]).commit();
      }
      ws.commit();
      await writer.commit();
      const template = join(temp.path, 'template.sqlite');
      const connection = openConnection(template);
      await migrateToLatest(connection);
      await insertCaseworker(
        connection.db,
        { name: 'Bench', role: 'key_person' },
        `${BENCH_TODAY}T08:00:00.000Z`,
        null,
      );
      connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await connection.close();
      return { temp, template, sheet, n: 0 };
    },
    async run(state) {
      const path = join(state.temp.path, `run-${state.n++}.sqlite`);
      copyFileSync(state.template, path);
      const desktop = fakeDesktop();
      desktop.openPath = state.sheet;
      const app = await openBenchApp(path, state.temp.path, { desktop });
      try {
        const opened = await app.dispatch('imports.open', { kind: 'caseload' });
        if (!opened.ok || !opened.value) throw new Error('open failed');
        const token = (opened.value as { token: string }).token;
        const options = { token, worksheet: 'Caseload', createTargetGroups: true, createStages: true };
        const preview = await app.dispatch('imports.caseloadPreview', options);
        if (!preview.ok) throw new Error('preview failed');
        const done = await app.dispatch('imports.caseloadRun', {
          ...options,
          mapping: (preview.value as { mapping: Record<string, number> }).mapping,
        });
        if (!done.ok || (done.value as { created: number }).created !== CASELOAD_ROWS)
          throw new Error(`import failed: ${JSON.stringify(done)}`);
      } finally {
        await app.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      }
    },
    teardown: (state) => state.temp.cleanup(),
  }),
];
