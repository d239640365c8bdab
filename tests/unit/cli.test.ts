import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { ok, setUp } from '../helpers/seed';
import { koersCli } from '../helpers/cli';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'tests/fixtures/spreadsheets');

describe('command line', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers();
    await setUp(koers);
    await koers.close();
  });
  afterEach(() => koers.cleanup());

  // Each command is a fresh Node process with tsx: seconds each on a busy machine.
  it(
    'imports a caseload, refuses bad rows with a reason, and exports scores and the caseload',
    { timeout: 120_000 },
    async () => {
      const db = koers.databasePath;
      const refused = await koersCli('import-caseload', '--db', db, '--input', join(fixtures, 'caseload-da.xlsx'));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/row 2 \(.+\): Target group: Koers does not know this name\. \[Aktivitetsparat\]/);
      expect(refused.stderr).toContain('--create-missing');

      const imported = await koersCli(
        'import-caseload',
        '--db',
        db,
        '--input',
        join(fixtures, 'caseload-da.xlsx'),
        '--create-missing',
      );
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('created 10, updated 0, unchanged 0');

      const mapping = join(koers.folder, 'mapping.json');
      writeFileSync(mapping, JSON.stringify({ reference: 'Reference', fullName: 'Name', email: 7 }));
      const custom = await koersCli(
        'import-caseload',
        '--db',
        db,
        '--input',
        join(fixtures, 'caseload-en-comma.csv'),
        '--mapping',
        mapping,
      );
      expect(custom.code).toBe(0);
      expect(custom.stdout).toContain('created 6');

      const csv = join(koers.folder, 'caseload.csv');
      const exported = await koersCli('export-caseload', '--db', db, '--out', csv, '--pseudonymize', '--lang', 'da');
      // --lang da: the messages in Danish too.
      expect(exported.stdout).toContain(`16 borgere skrevet til ${csv} (pseudonymiseret)`);
      const text = readFileSync(csv, 'utf8');
      expect(text.startsWith('\ufeffPseudonym;Målgruppe;Fase;')).toBe(true);
      expect(text).not.toContain('Søren');

      const xlsx = join(koers.folder, 'scores.xlsx');
      const scores = await koersCli('export-scores', '--db', db, '--out', xlsx, '--format', 'long');
      expect(scores.code).toBe(0);
      expect(scores.stdout).toContain('0 scores written');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Scores', 'Level descriptions']);

      // Reopened in the app: the imported clients are there.
      const again = await openTestKoers({ folder: koers.folder });
      expect((await ok(again.call('clients.list', { status: 'all' }))).length).toBe(16);
      await again.close();
    },
  );

  it(
    "imports 60,000 rows while the app keeps saving: the import waits for the app's short writes, the app's writes wait for the import",
    { timeout: 300_000 },
    async () => {
      const csv = join(koers.folder, 'big.csv');
      const rows = Array.from(
        { length: 60_000 },
        (_, i) => `REF-${100_000 + i},Naam${i} Achternaam${i % 97},${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
      );
      writeFileSync(csv, `Reference,Name,Date of birth\n${rows.join('\n')}\n`);

      // The app waits as long as the import takes (a "busy" answer after its usual 10 s is tested in
      // concurrent-use.test.ts), so the outcome does not depend on how fast this machine imports.
      const app = await openTestKoers({ folder: koers.folder, lockWait: { blockingMs: 0, retryMs: 240_000 } });
      let imported: { code: number; stdout: string; stderr: string } | undefined;
      const importing = koersCli('import-caseload', '--db', koers.databasePath, '--input', csv).then(
        (result) => (imported = result),
      );
      // The app as a caseworker types a note: a draft saved every few milliseconds, and now and then a new client.
      const outcomes: string[] = [];
      let lastSaved = '';
      for (let i = 0; i < 20_000 && !imported; i++) {
        const body = `draft ${i}`;
        const envelope =
          i % 10 === 0
            ? await app.call('clients.create', { firstName: 'App', lastName: `Write ${i}` })
            : await app.call('drafts.save', {
                key: 'client:typing',
                kind: 'conversation',
                notedAt: '2026-11-20T10:15',
                body,
              });
        outcomes.push(envelope.ok ? 'ok' : envelope.error.code);
        if (i % 10 !== 0) lastSaved = body;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await importing;

      expect(imported?.stderr).toBe('');
      expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('created 60000, updated 0') });
      expect(outcomes.length).toBeGreaterThan(10);
      expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);
      expect(app.internalErrors).toEqual([]);
      const count = (where: string) =>
        app.connection.sqlite.prepare(`SELECT count(*) FROM client WHERE ${where}`).pluck().get();
      expect(count("reference LIKE 'REF-%'")).toBe(60_000);
      expect(count("first_name = 'App'")).toBe(outcomes.filter((_, i) => i % 10 === 0).length);
      expect(await ok(app.call('drafts.get', { key: 'client:typing' }))).toMatchObject({ body: lastSaved });
      await app.close();
    },
  );

  it('says what is wrong and exits non-zero on bad use and bad files', { timeout: 120_000 }, async () => {
    const db = koers.databasePath;
    expect(await koersCli('export-scores', '--db', join(koers.folder, 'nope.sqlite'), '--out', 'x.xlsx')).toMatchObject(
      { code: 2, stderr: expect.stringContaining('There is no Koers database at') },
    );
    expect(await koersCli('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage:') });
    expect(await koersCli('export-scores', '--db', db, '--out', 'scores.pdf')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--out must end in .xlsx or .csv.'),
    });
    expect(
      await koersCli('export-scores', '--db', db, '--out', join(koers.folder, 'w.csv'), '--format', 'wide'),
    ).toMatchObject({ code: 1, stderr: expect.stringContaining('Scoring sheet is required.') });
    expect(
      await koersCli('import-caseload', '--db', db, '--input', join(fixtures, 'malformed/zip-bomb.xlsx')),
    ).toMatchObject({ code: 1, stderr: expect.stringContaining('unpacks to far more data') });
  });
});
