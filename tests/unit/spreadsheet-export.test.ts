import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../common/contract';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { ok, setUp } from '../helpers/seed';

const NOW = () => new Date('2026-11-23T09:30:00Z');

async function app(): Promise<{ koers: TestKoers; desktop: FakeDesktop }> {
  const desktop = fakeDesktop();
  const koers = await openTestKoers({ desktop, now: NOW });
  await setUp(koers);
  return { koers, desktop };
}

/** A published work-readiness sheet, a target group named like a formula, three clients with two scorings each, one closed in Q3. */
async function seed(koers: TestKoers) {
  const group = await ok(koers.call('catalog.create', { kind: 'target_group', name: '=HYPERLINK("http://evil")' }));
  const created = await ok(koers.call('sheets.createFromStarter', { starter: 'work_readiness', language: 'nl' }));
  const sheet = await ok(koers.call('sheets.publish', { id: created.id }));
  const version = sheet.published!;
  const clients = [];
  for (const [i, name] of ['Jan de Vries', 'Søren Østergaard', '+Ayşe Yılmaz'].entries()) {
    const [firstName, ...last] = name.split(' ');
    const client = await ok(
      koers.call('clients.create', {
        firstName: firstName!,
        lastName: last.join(' '),
        reference: `KL-${100 + i}`,
        dateOfBirth: `199${i}-0${i + 1}-1${i}`,
        targetGroupId: group.id,
        startDate: '2025-01-06',
      }),
    );
    for (const [n, date] of ['2026-03-02', '2026-09-14'].entries()) {
      await ok(
        koers.call('scorings.create', {
          clientId: client.id,
          versionId: version.id,
          date,
          scoredBy: n === 0 ? 'caseworker' : 'together',
          scores: version.indicators.map((indicator, k) => ({
            indicatorId: indicator.id,
            value: k === 6 ? null : ((i + n + k) % 5) + 1,
            comment: k === 0 ? `Opmerking ${i}` : null,
          })),
        }),
      );
    }
    clients.push(client);
  }
  const reasons = (await ok(koers.call('catalog.list', {}))).filter((c) => c.kind === 'closure_reason');
  await ok(
    koers.call('clients.close', {
      id: clients[0]!.id,
      date: '2026-08-10',
      reasonId: reasons.find((r) => r.defaultKey === 'work')!.id,
    }),
  );
  return { sheet, version, clients };
}

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

const values = (sheet: ExcelJS.Worksheet) =>
  sheet
    .getSheetValues()
    .slice(1)
    .map((row) => (Array.isArray(row) ? row.slice(1) : []));

describe('spreadsheet exports', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  beforeEach(async () => {
    ({ koers, desktop } = await app());
  });
  afterEach(() => koers.cleanup());

  it('scores in long format: real dates and numbers, frozen and filtered header, level descriptions, text as text cells', async () => {
    const { version } = await seed(koers);
    desktop.saveAs = join(koers.folder, 'long.xlsx');
    expect(await ok(koers.call('exports.scores', { format: 'long', fileType: 'xlsx', pseudonymised: false }))).toEqual({
      path: desktop.saveAs,
      rows: 36,
    });
    expect(desktop.dialogs.at(-1)?.defaultName).toBe('Scores 2026-11-23.xlsx');
    const book = await workbook(desktop.saveAs);
    const scores = book.getWorksheet('Scores')!;
    expect(values(scores)[0]).toEqual([
      'Klantnummer',
      'Pseudoniem',
      'Doelgroep',
      'Klantmanager',
      'Scorelijst',
      'Versie',
      'Indicator',
      'Datum',
      'Gescoord door',
      'Organisatie',
      'Score',
      'Niveau',
      'Toelichting',
    ]);
    expect(scores.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(scores.autoFilter).toBeTruthy();
    const first = values(scores)[1]!;
    expect(first[0]).toBe('KL-100');
    // A text cell never runs, whatever it starts with: it is written as typed, without an apostrophe.
    expect(first[2]).toBe(`=HYPERLINK("http://evil")`);
    expect(scores.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(first[5]).toBe(1);
    expect(first[7]).toBeInstanceOf(Date);
    expect((first[7] as Date).toISOString().slice(0, 10)).toBe('2026-03-02');
    expect(scores.getCell('H2').type).toBe(ExcelJS.ValueType.Date);
    expect(first[9] ?? null).toBeNull(); // no organisation: not a provider's scoring
    expect(typeof first[10]).toBe('number');
    expect(first[12]).toBe('Opmerking 0');
    const levels = book.getWorksheet('Niveaubeschrijvingen')!;
    expect(values(levels)).toHaveLength(1 + version.indicators.reduce((n, i) => n + i.levels.length, 0));

    // Pseudonymised: no reference, no comments; the pseudonym stays.
    desktop.saveAs = join(koers.folder, 'pseudo.xlsx');
    await ok(koers.call('exports.scores', { format: 'long', fileType: 'xlsx', pseudonymised: true }));
    const pseudo = values((await workbook(desktop.saveAs)).getWorksheet('Scores')!);
    expect(pseudo[0]).not.toContain('Klantnummer');
    expect(pseudo[0]).not.toContain('Toelichting');
    expect(JSON.stringify(pseudo)).not.toMatch(/KL-10|Opmerking/);
  });

  it('scores in wide format for one sheet, filtered; CSV with the Dutch profile (BOM, semicolons, dd-mm-yyyy) and neutralised text', async () => {
    const { sheet, version } = await seed(koers);
    expect(await koers.call('exports.scores', { format: 'wide', fileType: 'csv', pseudonymised: true })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'sheetId', rule: 'required' }] } },
    });
    desktop.saveAs = join(koers.folder, 'wide.csv');
    const result = await ok(
      koers.call('exports.scores', {
        format: 'wide',
        fileType: 'csv',
        sheetId: sheet.id,
        from: '2026-09-01',
        pseudonymised: false,
      }),
    );
    expect(result.rows).toBe(3);
    const text = readFileSync(desktop.saveAs, 'utf8');
    expect(
      text.startsWith('\ufeffKlantnummer;Pseudoniem;Doelgroep;Klantmanager;Versie;Datum;Gescoord door;Organisatie;'),
    ).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split(';').slice(8)).toEqual(version.indicators.map((i) => i.name));
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://evil"")";`);
    expect(lines[1]).toContain(';14-09-2026;samen;;');
  });

  it('the caseload and the closed cases of a quarter, with a summary per reason', async () => {
    await seed(koers);
    desktop.saveAs = join(koers.folder, 'caseload.xlsx');
    expect(
      (await ok(koers.call('exports.caseload', { fileType: 'xlsx', status: 'all', pseudonymised: false }))).rows,
    ).toBe(3);
    const caseload = values((await workbook(desktop.saveAs)).getWorksheet('Caseload')!);
    expect(caseload[0]?.slice(0, 6)).toEqual([
      'Klantnummer',
      'Voornaam',
      'Achternaam',
      'Geboortedatum',
      'Telefoon',
      'E-mail',
    ]);
    expect(caseload.map((row) => row[1])).toContain('+Ayşe');

    desktop.saveAs = join(koers.folder, 'closed.xlsx');
    expect(
      await ok(koers.call('exports.closedCases', { fileType: 'xlsx', year: 2026, quarter: 3, pseudonymised: true })),
    ).toEqual({ path: desktop.saveAs, rows: 1 });
    expect(desktop.dialogs.at(-1)?.defaultName).toBe('Afgesloten trajecten 2026-Q3 2026-11-23.xlsx');
    const book = await workbook(desktop.saveAs);
    expect(values(book.getWorksheet('Afgesloten')!)[1]).toEqual([
      'K-0001',
      `=HYPERLINK("http://evil")`,
      'Anne de Vries',
      expect.any(Date),
      expect.any(Date),
      'Werk',
      83,
    ]);
    expect(book.getWorksheet('Afgesloten')!.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(values(book.getWorksheet('Per reden')!)).toEqual([
      ['Reden', 'Aantal'],
      ['Werk', 1],
    ]);
    desktop.saveAs = join(koers.folder, 'q2.csv');
    expect(
      (await ok(koers.call('exports.closedCases', { fileType: 'csv', year: 2026, quarter: 2, pseudonymised: true })))
        .rows,
    ).toBe(0);
  });

  it('suggests file names that stay in the chosen folder, whatever the sheet is called', async () => {
    const { sheet } = await seed(koers);
    const copy = await ok(koers.call('sheets.copy', { id: sheet.id, name: '../../etc/evil' }));
    desktop.saveAs = join(koers.folder, 'evil.xlsx');
    await ok(koers.call('exports.scores', { format: 'wide', fileType: 'xlsx', sheetId: copy.id, pseudonymised: true }));
    expect(desktop.dialogs.at(-1)?.defaultName).toBe('Scores ..-..-etc-evil 2026-11-23.xlsx');
    await ok(koers.call('exports.sheet', { versionId: copy.draftVersionId! }));
    expect(desktop.dialogs.at(-1)?.defaultName).toBe('Scorelijst ..-..-etc-evil v1.xlsx');
    const windows = await ok(koers.call('sheets.copy', { id: sheet.id, name: '..\\CON:x*?' }));
    await ok(koers.call('exports.sheet', { versionId: windows.draftVersionId! }));
    expect(desktop.dialogs.at(-1)?.defaultName).toBe('Scorelijst ..-CON-x- v1.xlsx');
  });

  it('a cancelled save writes nothing', async () => {
    desktop.saveAs = null;
    expect(
      await ok(koers.call('exports.caseload', { fileType: 'csv', status: 'active', pseudonymised: true })),
    ).toEqual({ path: null, rows: 0 });
  });
});

describe('round trips', () => {
  it('sheet definition: export → import gives the identical sheet', async () => {
    const { koers, desktop } = await app();
    try {
      const created = await ok(koers.call('sheets.createFromStarter', { starter: 'work_readiness', language: 'da' }));
      const sheet = await ok(koers.call('sheets.publish', { id: created.id }));
      desktop.saveAs = join(koers.folder, 'sheet.xlsx');
      await ok(koers.call('exports.sheet', { versionId: sheet.publishedVersionId! }));
      desktop.openPath = desktop.saveAs;
      const file = await ok(koers.call('imports.open', { kind: 'sheet' }));
      const { sheetId } = await ok(koers.call('imports.sheet', { token: file!.token }));
      const copy = await ok(koers.call('sheets.get', { id: sheetId }));
      const shape = (s: Output<'sheets.get'>, v: NonNullable<Output<'sheets.get'>['draft']>) => ({
        name: s.name,
        description: s.description,
        indicators: v.indicators.map(({ name, description, scaleMin, scaleMax, levels }) => ({
          name,
          description,
          scaleMin,
          scaleMax,
          levels,
        })),
      });
      expect(shape(copy, copy.draft!)).toEqual(shape(sheet, sheet.published!));
    } finally {
      await koers.cleanup();
    }
  });

  it('caseload as CSV: text neutralised in the file, as it was after the import', async () => {
    const a = await app();
    const b = await app();
    try {
      await seed(a.koers);
      a.desktop.saveAs = join(a.koers.folder, 'caseload.csv');
      await ok(a.koers.call('exports.caseload', { fileType: 'csv', status: 'all', pseudonymised: false }));
      expect(readFileSync(a.desktop.saveAs, 'utf8')).toContain(";'+Ayşe;");
      b.desktop.openPath = a.desktop.saveAs;
      const file = (await ok(b.koers.call('imports.open', { kind: 'caseload' })))!;
      const options = {
        token: file.token,
        worksheet: file.worksheets[0]!.name,
        createTargetGroups: true,
        createStages: true,
      };
      const plan = await ok(b.koers.call('imports.caseloadPreview', options));
      await ok(b.koers.call('imports.caseloadRun', { ...options, mapping: plan.mapping }));
      const names = (await ok(b.koers.call('clients.list', { status: 'all' }))).map((c) => c.firstName);
      expect(names).toContain('+Ayşe');
    } finally {
      await a.koers.cleanup();
      await b.koers.cleanup();
    }
  });

  it('caseload and scores: export from one laptop, import on another, the same data', async () => {
    const a = await app();
    const b = await app();
    try {
      const { sheet } = await seed(a.koers);
      // The sheet travels first, then the caseload, then the scores.
      a.desktop.saveAs = join(a.koers.folder, 'sheet.xlsx');
      await ok(a.koers.call('exports.sheet', { versionId: sheet.publishedVersionId! }));
      b.desktop.openPath = a.desktop.saveAs;
      const { sheetId } = await ok(
        b.koers.call('imports.sheet', { token: (await ok(b.koers.call('imports.open', { kind: 'sheet' })))!.token }),
      );
      const published = await ok(b.koers.call('sheets.publish', { id: sheetId }));

      a.desktop.saveAs = join(a.koers.folder, 'caseload.xlsx');
      await ok(a.koers.call('exports.caseload', { fileType: 'xlsx', status: 'all', pseudonymised: false }));
      b.desktop.openPath = a.desktop.saveAs;
      const caseload = (await ok(b.koers.call('imports.open', { kind: 'caseload' })))!;
      const options = { token: caseload.token, worksheet: 'Caseload', createTargetGroups: true, createStages: true };
      const plan = await ok(b.koers.call('imports.caseloadPreview', options));
      expect(plan.counts).toMatchObject({ create: 3, error: 0 });
      await ok(b.koers.call('imports.caseloadRun', { ...options, mapping: plan.mapping }));

      a.desktop.saveAs = join(a.koers.folder, 'wide.xlsx');
      await ok(
        a.koers.call('exports.scores', { format: 'wide', fileType: 'xlsx', sheetId: sheet.id, pseudonymised: false }),
      );
      b.desktop.openPath = a.desktop.saveAs;
      const scores = (await ok(b.koers.call('imports.open', { kind: 'scores' })))!;
      const scorePlan = await ok(
        b.koers.call('imports.scoresPreview', {
          token: scores.token,
          worksheet: 'Scores',
          versionId: published.publishedVersionId!,
        }),
      );
      expect(scorePlan.counts).toMatchObject({ create: 6, error: 0 });
      expect(
        await ok(
          b.koers.call('imports.scoresRun', {
            token: scores.token,
            worksheet: 'Scores',
            versionId: published.publishedVersionId!,
            mapping: scorePlan.mapping,
          }),
        ),
      ).toMatchObject({ created: 6 });

      const facts = async (koers: TestKoers) =>
        Promise.all(
          (await ok(koers.call('clients.list', { status: 'all' }))).map(async (row) => {
            const c = await ok(koers.call('clients.get', { id: row.id }));
            const scorings = await ok(koers.call('scorings.list', { clientId: row.id }));
            return {
              client: [c.reference, c.firstName, c.lastName, c.dateOfBirth, c.startDate],
              scorings: scorings
                .map((s) => [s.date, s.scoredBy, s.scores.map((x) => [x.indicatorName, x.value])])
                .sort(),
            };
          }),
        );
      const sort = (list: Awaited<ReturnType<typeof facts>>) =>
        [...list].sort((x, y) => String(x.client[0]).localeCompare(String(y.client[0])));
      expect(sort(await facts(b.koers))).toEqual(sort(await facts(a.koers)));
    } finally {
      await a.koers.cleanup();
      await b.koers.cleanup();
    }
  });
});
