import { format } from 'date-fns';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nameKey } from '../../common/fold';
import { readWorkbook } from '../../main/spreadsheets/read';
import { recogniseWorksheet } from '../../main/spreadsheets/recognise';
import { parseTimeCell, timeOfDateCell } from '../../main/spreadsheets/values';
import type { Cell } from '../../main/spreadsheets/workbook';
import { koersCli } from '../helpers/cli';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, ok, publishSheet, setUp } from '../helpers/seed';

/**
 * Issue 20: a team's Excel caseload moves in on day one. The files are LibreOffice-made
 * (tests/fixtures/spreadsheets/README.md): 250 Dutch clients with three caseworkers written in
 * several ways, next actions (a third without a date) and remarks; 40 Danish citizens with the
 * next meeting's date and time.
 */

const fixtures = resolve(import.meta.dirname, '../fixtures/spreadsheets');
const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T09:30:00Z`);
/** A fixture chosen in the open dialog, read for a caseload import. */
async function openFixture(koers: TestKoers, desktop: FakeDesktop, file: string) {
  desktop.openPath = join(fixtures, file);
  const opened = await ok(koers.call('imports.open', { kind: 'caseload' }));
  if (!opened) throw new Error('cancelled');
  return opened;
}

const ALL = { createTargetGroups: true, createStages: true, createCaseworkers: true };

describe('moving in from Excel', () => {
  /** Time moves on between imports, as it does. */
  let clock: Date;
  let koers: TestKoers;
  let desktop: FakeDesktop;
  let me: string;
  beforeEach(async () => {
    desktop = fakeDesktop();
    clock = NOW;
    koers = await openTestKoers({ desktop, now: () => clock });
    me = await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  const open = (file: string) => openFixture(koers, desktop, file);
  const db = () => koers.connection.db;
  const todosOf = (reference: string) =>
    db()
      .selectFrom('action as a')
      .innerJoin('client as c', 'c.id', 'a.client_id')
      .select(['a.title', 'a.kind', 'a.due_date', 'a.due_time', 'a.done_at'])
      .where('c.reference', '=', reference)
      .execute();
  const remarksOf = (reference: string) =>
    db()
      .selectFrom('note as n')
      .innerJoin('client as c', 'c.id', 'n.client_id')
      .select(['n.kind', 'n.body', 'n.noted_at', 'n.author_id'])
      .where('c.reference', '=', reference)
      .execute();
  const caseworkerOf = async (reference: string) =>
    (
      await db()
        .selectFrom('client as c')
        .innerJoin('caseworker as w', 'w.id', 'c.caseworker_id')
        .select('w.name')
        .where('c.reference', '=', reference)
        .executeTakeFirstOrThrow()
    ).name;

  it('imports every row of the Dutch workbook: caseworkers created from the sheet, next actions as to-dos, remarks as notes; a second import adds nothing', async () => {
    const file = await open('moving-in-nl.xlsx');
    const first = await ok(koers.call('imports.caseloadPreview', { token: file.token, worksheet: 'Caseload' }));
    expect(first.mapping).toMatchObject({ caseworker: 5, nextAction: 7, nextActionDate: 8, remark: 9 });
    // The same three people however the sheet spells them (case, spaces, ı or i).
    expect(first.unknown.caseworkers).toEqual(['Sanne de Wit', 'Jeroen Bakker', 'Fatma Yıldız']);
    expect(first.rows[0]?.issues).toContainEqual({ field: 'caseworker', rule: 'unknown', value: 'Sanne de Wit' });
    expect(first.mayCreate).toBe(true);

    const preview = await ok(
      koers.call('imports.caseloadPreview', { token: file.token, worksheet: 'Caseload', ...ALL }),
    );
    expect(preview.counts).toEqual({ create: 250, update: 0, unchanged: 0, empty: 0, error: 0 });
    expect(preview.adds).toEqual({ todos: 125, remarks: 84 });

    const report = await ok(
      koers.call('imports.caseloadRun', { token: file.token, worksheet: 'Caseload', mapping: preview.mapping, ...ALL }),
    );
    expect(report).toMatchObject({
      created: 250,
      createdCaseworkers: ['Sanne de Wit', 'Jeroen Bakker', 'Fatma Yıldız'],
      todosAdded: 125,
      remarksAdded: 84,
    });
    expect((await ok(koers.call('clients.list', { status: 'all' }))).length).toBe(250);
    const workers = await ok(koers.call('caseworkers.list', {}));
    expect(workers.map((w) => [w.name, w.role, w.activeClients]).sort()).toEqual([
      ['Anne de Vries', 'key_person', 0],
      ['Fatma Yıldız', 'caseworker', 83],
      ['Jeroen Bakker', 'caseworker', 83],
      ['Sanne de Wit', 'caseworker', 84],
    ]);
    expect(await caseworkerOf('KL-20004')).toBe('Sanne de Wit'); // written "sanne de wit"
    expect(await caseworkerOf('KL-20006')).toBe('Fatma Yıldız'); // written "Fatma Yildiz"

    // A next action without a date is due on the day of the import; with one, on that day.
    expect(await todosOf('KL-20001')).toEqual([
      { title: 'Bellen over sollicitatie', kind: 'task', due_date: TODAY, due_time: null, done_at: null },
    ]);
    expect(await todosOf('KL-20003')).toEqual([
      { title: 'CV nabespreken', kind: 'task', due_date: '2026-12-03', due_time: null, done_at: null },
    ]);
    expect(await todosOf('KL-20002')).toEqual([]);
    expect(await remarksOf('KL-20001')).toEqual([
      {
        kind: 'remark',
        body: 'Wil graag in de zorg werken; heeft rijbewijs B.',
        // The moment of the import, in local time.
        noted_at: format(NOW, "yyyy-MM-dd'T'HH:mm"),
        author_id: me,
      },
    ]);

    // The same file again, a day later: nothing new, nothing doubled (also when a to-do was done meanwhile,
    // and for next actions without a date, which became to-dos due on the day of the first import).
    clock = new Date(NOW.getTime() + 86_400_000);
    const done = await db()
      .selectFrom('action as a')
      .innerJoin('client as c', 'c.id', 'a.client_id')
      .select('a.id')
      .where('c.reference', '=', 'KL-20001')
      .executeTakeFirstOrThrow();
    await ok(koers.call('actions.setDone', { id: done.id, done: true }));
    const again = await open('moving-in-nl.xlsx');
    const second = await ok(koers.call('imports.caseloadPreview', { token: again.token, worksheet: 'Caseload' }));
    expect(second.remembered).toBe(true);
    expect(second.unknown.caseworkers).toEqual([]);
    expect(second.counts).toEqual({ create: 0, update: 0, unchanged: 250, empty: 0, error: 0 });
    expect(second.adds).toEqual({ todos: 0, remarks: 0 });
    expect(
      await db()
        .selectFrom('action')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: 125 });
  });

  it('round trip: the LibreOffice caseload imported and exported again has the same next actions, dates and remarks per client, and reads back as unchanged', async () => {
    const file = await open('moving-in-nl.xlsx');
    const choice = { token: file.token, worksheet: 'Caseload', ...ALL };
    const preview = await ok(koers.call('imports.caseloadPreview', choice));
    await ok(koers.call('imports.caseloadRun', { ...choice, mapping: preview.mapping }));

    desktop.saveAs = join(koers.folder, 'caseload-out.xlsx');
    expect(await ok(koers.call('exports.caseload', { fileType: 'xlsx', status: 'all', pseudonymised: false }))).toEqual(
      { path: desktop.saveAs, rows: 250 },
    );
    const columns = (rows: Cell[][], names: readonly string[]) => {
      const header = rows[0]!.map((cell) => String(cell));
      return rows.slice(1).map((row) => names.map((name) => row[header.indexOf(name)] ?? null));
    };
    const day = (cell: Cell | undefined) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);
    const original = columns((await readWorkbook(join(fixtures, 'moving-in-nl.xlsx'))).worksheets[0]!.rows, [
      'Klantnummer',
      'Klantmanager',
      'Volgende actie',
      'Datum actie',
      'Opmerking',
    ]).map(([reference, worker, action, date, remark]) => [
      reference,
      nameKey(String(worker)),
      action,
      // An undated next action became a to-do due on the day of the import.
      action === null ? null : (day(date) ?? TODAY),
      remark,
    ]);
    const exported = (await readWorkbook(desktop.saveAs)).worksheets[0]!.rows;
    expect(exported[0]).toEqual(expect.arrayContaining(['Klantnummer', 'Volgende actie', 'Datum actie', 'Opmerking']));
    const back = columns(exported, ['Klantnummer', 'Klantmanager', 'Volgende actie', 'Datum actie', 'Opmerking']).map(
      ([reference, worker, action, date, remark]) => [reference, nameKey(String(worker)), action, day(date), remark],
    );
    const byReference = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byReference(back)).toEqual(byReference(original));

    // The exported sheet, imported again: every client unchanged, nothing added.
    desktop.openPath = desktop.saveAs;
    const again = await ok(koers.call('imports.open', { kind: 'caseload' }));
    const second = await ok(
      koers.call('imports.caseloadPreview', { token: again!.token, worksheet: again!.worksheets[0]!.name }),
    );
    expect(second.mapping).toMatchObject({ nextAction: expect.any(Number), remark: expect.any(Number) });
    expect(second.counts).toEqual({ create: 0, update: 0, unchanged: 250, empty: 0, error: 0 });
    expect(second.adds).toEqual({ todos: 0, remarks: 0 });
  });

  it('imports the Windows-1252 CSV with ";" the same way', async () => {
    const file = await open('moving-in-nl-1252.csv');
    const preview = await ok(
      koers.call('imports.caseloadPreview', { token: file.token, worksheet: file.worksheets[0]!.name, ...ALL }),
    );
    expect(preview.unknown.caseworkers).toEqual(['Sanne de Wit', 'Jeroen Bakker', 'Fatma Yildiz']);
    expect(preview.counts.create).toBe(250);
    expect(preview.adds).toEqual({ todos: 125, remarks: 84 });
    const report = await ok(
      koers.call('imports.caseloadRun', {
        token: file.token,
        worksheet: file.worksheets[0]!.name,
        mapping: preview.mapping,
        ...ALL,
      }),
    );
    expect(report).toMatchObject({ created: 250, todosAdded: 125, remarksAdded: 84 });
    expect(await remarksOf('KL-20001')).toMatchObject([{ body: 'Wil graag in de zorg werken; heeft rijbewijs B.' }]);
    expect(await todosOf('KL-20003')).toMatchObject([{ title: 'CV nabespreken', due_date: '2026-12-03' }]);
  });

  it('imports the Danish workbook: a name mapped to a colleague, the others created, meetings with a time become appointments', async () => {
    const mette = await ok(koers.call('caseworkers.create', { name: 'Mette Holm-Jensen', role: 'caseworker' }));
    const file = await open('moving-in-da.xlsx');
    expect(file.worksheets.map((w) => [w.name, w.rows])).toEqual([
      ['Borgere', 40],
      ['I job', 5],
    ]);
    const choice = {
      token: file.token,
      worksheet: 'Borgere',
      ...ALL,
      caseworkers: [{ name: 'Mette Holm', caseworkerId: mette.id }],
    };
    const preview = await ok(koers.call('imports.caseloadPreview', choice));
    expect(preview.mapping).toMatchObject({
      reference: 0,
      fullName: 1,
      caseworker: 5,
      nextAction: 6,
      nextActionDate: 7,
      nextActionTime: 8,
      remark: 9,
    });
    expect(preview.unknown.caseworkers).toEqual(['Mette Holm', 'Lars Nørgaard', 'Åse Bøgh']);
    expect(preview.counts).toMatchObject({ create: 40, error: 0 });
    const report = await ok(koers.call('imports.caseloadRun', { ...choice, mapping: preview.mapping }));
    expect(report).toMatchObject({ created: 40, createdCaseworkers: ['Lars Nørgaard', 'Åse Bøgh'], todosAdded: 20 });
    expect(await caseworkerOf('SAG-50001')).toBe('Mette Holm-Jensen');
    expect(await caseworkerOf('SAG-50004')).toBe('Mette Holm-Jensen'); // written "mette holm"
    expect(await caseworkerOf('SAG-50005')).toBe('Åse Bøgh'); // written "Ase Bogh"
    expect(await todosOf('SAG-50001')).toEqual([
      { title: 'Opfølgningssamtale', kind: 'appointment', due_date: '2026-12-01', due_time: '09:00', done_at: null },
    ]);
    expect(await todosOf('SAG-50003')).toEqual([
      { title: 'Samtale med virksomhed', kind: 'task', due_date: '2026-12-03', due_time: null, done_at: null },
    ]);
    expect(await remarksOf('SAG-50004')).toMatchObject([{ kind: 'remark', body: 'Sygemeldt i perioder.' }]);
    // Again: every name is known now (created, or mapped once and remembered), and nothing is added twice.
    const again = await open('moving-in-da.xlsx');
    const second = await ok(koers.call('imports.caseloadPreview', { token: again.token, worksheet: 'Borgere' }));
    expect(second.unknown.caseworkers).toEqual([]);
    expect(second.counts).toEqual({ create: 0, update: 0, unchanged: 40, empty: 0, error: 0 });
    expect(second.adds).toEqual({ todos: 0, remarks: 0 });
  });

  it('lets only a key person create caseworkers from a sheet; a caseworker maps the names to colleagues', async () => {
    const colleague = await ok(koers.call('caseworkers.create', { name: 'Bo Jensen', role: 'caseworker' }));
    await ok(koers.call('caseworkers.switchCurrent', { id: colleague.id }));
    const file = await open('moving-in-da.xlsx');
    const refused = await ok(
      koers.call('imports.caseloadPreview', { token: file.token, worksheet: 'Borgere', ...ALL }),
    );
    expect(refused.mayCreate).toBe(false);
    expect(refused.counts.error).toBe(40);
    const mapped = await ok(
      koers.call('imports.caseloadPreview', {
        token: file.token,
        worksheet: 'Borgere',
        caseworkers: ['Mette Holm', 'Lars Nørgaard', 'Åse Bøgh'].map((name) => ({ name, caseworkerId: colleague.id })),
      }),
    );
    // The target groups and stages still need a key person (the file names ones Koers does not know).
    expect(mapped.rows.flatMap((r) => r.issues.map((i) => i.field))).not.toContain('caseworker');
  });

  it('the command line creates the caseworkers with --create-missing, matching names whatever their spelling', async () => {
    await koers.close();
    const input = join(fixtures, 'moving-in-nl-1252.csv');
    const refused = await koersCli('import-caseload', '--db', koers.databasePath, '--input', input);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Caseworker: Koers does not know this name\. \[Sanne de Wit\]/);
    const imported = await koersCli(
      'import-caseload',
      '--db',
      koers.databasePath,
      '--input',
      input,
      '--create-missing',
    );
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('created 250');
    expect(imported.stdout).toContain('new caseworkers: Sanne de Wit, Jeroen Bakker, Fatma Yildiz');
    expect(imported.stdout).toContain('to-dos added: 125; remarks added: 84');
    const again = await koersCli('import-caseload', '--db', koers.databasePath, '--input', input);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('created 0, updated 0, unchanged 250');
    koers = await koers.restart();
  });
  describe('a whole workbook', () => {
    const openToken = async (file: string) => (await open(file)).token;
    const count = async (table: 'client' | 'caseworker' | 'catalog_item' | 'scoring' | 'closure' | 'action' | 'note') =>
      Number(
        (
          await koers.connection.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst()
        )?.n,
      );

    it('offers every worksheet with what it holds and imports caseload, placements and past scorings in one transaction, with one report', async () => {
      await publishSheet(koers);
      const token = await openToken('moving-in-nl.xlsx');
      const preview = await ok(koers.call('imports.workbookPreview', { token, ...ALL }));
      expect(preview.worksheets.map((w) => [w.name, w.rows, w.recognised])).toEqual([
        ['Caseload', 250, 'caseload'],
        ['Scores', 20, 'scores'],
        ['Uitstroom werk', 8, 'closures'],
      ]);
      const work = (await ok(koers.call('catalog.list', {}))).find((i) => i.defaultKey === 'work')!;
      expect(preview.parts.map((p) => [p.worksheet, p.kind, p.counts.create, p.counts.error])).toEqual([
        ['Caseload', 'caseload', 250, 0],
        ['Uitstroom werk', 'closures', 8, 0],
        // The clients the caseload worksheet creates are known to the worksheets after it.
        ['Scores', 'scores', 20, 0],
      ]);
      expect(preview.parts[1]).toMatchObject({ reasonId: work.id, mapping: { reference: 0, closedOn: 2, outcome: 3 } });
      expect(preview.adds).toEqual({ todos: 125, remarks: 84 });

      const parts = preview.parts.map((p) =>
        p.kind === 'scores'
          ? { kind: p.kind, worksheet: p.worksheet, versionId: p.versionId! }
          : { kind: p.kind, worksheet: p.worksheet },
      );
      const report = await ok(koers.call('imports.workbookRun', { token, parts, ...ALL }));
      expect(report).toMatchObject({
        fileName: 'moving-in-nl.xlsx',
        parts: [
          { worksheet: 'Caseload', kind: 'caseload', created: 250, updated: 0, unchanged: 0, skipped: 0 },
          { worksheet: 'Uitstroom werk', kind: 'closures', created: 8 },
          { worksheet: 'Scores', kind: 'scores', created: 20 },
        ],
        createdCaseworkers: ['Sanne de Wit', 'Jeroen Bakker', 'Fatma Yıldız'],
        todosAdded: 125,
        remarksAdded: 84,
      });
      const closed = await koers.connection.db
        .selectFrom('closure as z')
        .innerJoin('client as c', 'c.id', 'z.client_id')
        .select(['c.reference', 'c.status', 'z.closed_on', 'z.reason_id', 'z.outcome_note'])
        .orderBy('c.reference')
        .execute();
      expect(closed).toHaveLength(8);
      expect(closed[0]).toEqual({
        reference: 'KL-20241',
        status: 'closed',
        closed_on: '2026-01-01',
        reason_id: work.id,
        outcome_note: 'Werkgever: Zorggroep Noord',
      });
      expect(await count('scoring')).toBe(20);

      // The same workbook again: nothing new anywhere.
      const again = await ok(koers.call('imports.workbookPreview', { token: await openToken('moving-in-nl.xlsx') }));
      expect(again.parts.map((p) => [p.worksheet, p.counts.create, p.counts.update, p.counts.unchanged])).toEqual([
        ['Caseload', 0, 0, 250],
        ['Uitstroom werk', 0, 0, 8],
        ['Scores', 0, 0, 20],
      ]);

      // The report, saved: the summary and every row's result.
      desktop.saveAs = join(koers.folder, 'report.xlsx');
      expect(await ok(koers.call('imports.saveReport', { importId: report.importId, fileType: 'xlsx' }))).toMatchObject(
        {
          path: desktop.saveAs,
        },
      );
      const saved = await readWorkbook(desktop.saveAs);
      expect(saved.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Rijen']);
      expect(saved.worksheets[0]!.rows).toEqual(
        expect.arrayContaining([
          ['Bestand', 'moving-in-nl.xlsx'],
          ['Werkblad', 'Caseload (caseload)'],
          ['Taken toegevoegd', '125'],
          ['Nieuwe klantmanagers', 'Sanne de Wit, Jeroen Bakker, Fatma Yıldız'],
        ]),
      );
      expect(saved.worksheets[1]!.rows).toHaveLength(1 + 250 + 8 + 20);
      expect(saved.worksheets[1]!.rows[1]).toEqual(['Caseload', 2, 'nieuw', 'Emre Öztürk · KL-20001']);
    });

    it('undoes the whole import in one step: clients, to-dos, remarks, closures, scorings, caseworkers and lists gone, updated clients as they were', async () => {
      await publishSheet(koers);
      // Clients Koers had before, spelled otherwise: the import updates them (and closes one), undo puts them back.
      clock = new Date(NOW.getTime() - 3_600_000);
      const before = await ok(
        koers.call('clients.create', { firstName: 'Emre', lastName: 'Ozturk', reference: 'KL-20001' }),
      );
      const placedBefore = await ok(
        koers.call('clients.create', { firstName: 'Youssef', lastName: 'Amrani', reference: 'KL-20241' }),
      );
      clock = NOW;
      const counts = async () =>
        Object.fromEntries(
          await Promise.all(
            (['client', 'caseworker', 'catalog_item', 'scoring', 'closure', 'action', 'note'] as const).map(
              async (t) => [t, await count(t)] as const,
            ),
          ),
        );
      const start = await counts();
      const token = await openToken('moving-in-nl.xlsx');
      const preview = await ok(koers.call('imports.workbookPreview', { token, ...ALL }));
      expect(preview.parts[0]!.counts).toMatchObject({ create: 248, update: 2 });
      const parts = preview.parts.map((p) =>
        p.kind === 'scores'
          ? { kind: p.kind, worksheet: p.worksheet, versionId: p.versionId! }
          : { kind: p.kind, worksheet: p.worksheet },
      );
      const report = await ok(koers.call('imports.workbookRun', { token, parts, ...ALL }));
      expect(await count('client')).toBe(250);

      expect(await ok(koers.call('imports.undo', { importId: report.importId }))).toEqual({ undone: true });
      expect(await counts()).toEqual(start);
      const emre = await ok(koers.call('clients.get', { id: before.id }));
      expect(emre).toMatchObject({ lastName: 'Ozturk', status: 'active', reference: 'KL-20001' });
      // Updated by the caseload worksheet and closed by the placements: as she was before both.
      expect(await ok(koers.call('clients.get', { id: placedBefore.id }))).toMatchObject({
        lastName: 'Amrani',
        status: 'active',
        stageId: placedBefore.stageId,
        closure: null,
      });
      expect(await ok(koers.call('caseworkers.list', {}))).toMatchObject([{ id: me }]);
      expect(koers.connection.sqlite.pragma('foreign_key_check')).toEqual([]);
      // Once only: the import is gone.
      expect(await koers.call('imports.undo', { importId: report.importId })).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'import_gone' } },
      });
    });

    it('refuses to undo once the import’s rows were worked on, and changes nothing', async () => {
      const token = await openToken('moving-in-da.xlsx');
      const preview = await ok(koers.call('imports.workbookPreview', { token, ...ALL }));
      expect(preview.worksheets.map((w) => [w.name, w.recognised])).toEqual([
        ['Borgere', 'caseload'],
        ['I job', 'closures'],
      ]);
      const parts = preview.parts.map((p) => ({ kind: p.kind as 'caseload' | 'closures', worksheet: p.worksheet }));
      const report = await ok(koers.call('imports.workbookRun', { token, parts, ...ALL }));
      expect(report.parts.map((p) => [p.worksheet, p.created])).toEqual([
        ['Borgere', 40],
        ['I job', 5],
      ]);
      clock = new Date(NOW.getTime() + 60_000);
      const todo = await koers.connection.db.selectFrom('action').select('id').limit(1).executeTakeFirstOrThrow();
      await ok(koers.call('actions.setDone', { id: todo.id, done: true }));
      expect(await koers.call('imports.undo', { importId: report.importId })).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'import_changed', count: 1 } },
      });
      expect(await count('client')).toBe(40);
      expect(await count('closure')).toBe(5);
    });

    it('refuses to undo once a caseworker it created is given a client, and changes nothing', async () => {
      const token = await openToken('moving-in-nl.xlsx');
      const parts = [{ kind: 'caseload' as const, worksheet: 'Caseload' }];
      const report = await ok(koers.call('imports.workbookRun', { token, parts, ...ALL }));
      clock = new Date(NOW.getTime() + 60_000);
      // Undo would leave this client's caseworker gone.
      const sanne = (await ok(koers.call('caseworkers.list', {}))).find((w) => w.name === 'Sanne de Wit')!;
      await ok(koers.call('clients.create', { firstName: 'Nieuw', lastName: 'Client', caseworkerId: sanne.id }));
      expect(await koers.call('imports.undo', { importId: report.importId })).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'import_changed', count: 1 } },
      });
      expect(await count('client')).toBe(251);
      expect(await count('caseworker')).toBe(4);
    });

    it('takes back only its own rows, also after an erasure freed rowids that others then took', async () => {
      const older = await ok(koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen', reference: 'X-1' }));
      const token = await openToken('moving-in-nl.xlsx');
      const parts = [{ kind: 'caseload' as const, worksheet: 'Caseload' }];
      const report = await ok(koers.call('imports.workbookRun', { token, parts, ...ALL }));
      clock = new Date(NOW.getTime() + 60_000);
      // The last client it created is erased (its rows go, their rowids free), then the older client moves on a stage.
      const [last] = await ok(koers.call('clients.list', { status: 'all', search: 'KL-20250' }));
      await ok(koers.call('privacy.eraseClient', { clientId: last!.id, confirm: last!.pseudonym }));
      const { stages } = await catalog(koers);
      await ok(koers.call('clients.changeStage', { id: older.id, stageId: stages[2]!.id, date: TODAY }));
      const stageChanges = () =>
        koers.connection.db.selectFrom('stage_change').select('id').where('client_id', '=', older.id).execute();
      const changes = await stageChanges();
      expect(changes).toHaveLength(1);

      expect(await ok(koers.call('imports.undo', { importId: report.importId }))).toEqual({ undone: true });
      expect((await ok(koers.call('clients.list', { status: 'all' }))).map((c) => c.lastName)).toEqual(['Jansen']);
      expect(await stageChanges()).toEqual(changes);
      expect(koers.connection.sqlite.pragma('foreign_key_check')).toEqual([]);
    });

    it('refuses the whole workbook when any worksheet has an error, and writes nothing', async () => {
      const token = await openToken('moving-in-nl.xlsx');
      // Without creating the lists and caseworkers the file names, every caseload row has an error, and so
      // the placements of clients it would have created.
      const parts = [
        { kind: 'caseload' as const, worksheet: 'Caseload' },
        { kind: 'closures' as const, worksheet: 'Uitstroom werk' },
      ];
      expect(await koers.call('imports.workbookRun', { token, parts })).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'import_errors', count: 258 } },
      });
      expect(await count('client')).toBe(0);
      expect(await count('closure')).toBe(0);
    });
  });
});

describe('time cells', () => {
  it.each([
    [new Date(Date.UTC(1899, 11, 30, 9, 0)), '09:00'],
    [0.604_166_7, '14:30'],
    ['14:30', '14:30'],
    ['9.15', '09:15'],
    ['14u30', '14:30'],
    ['kl. 10', '10:00'],
    ['25:00', null],
    ['morgen', null],
    [1.5, null],
  ] as const)('%s → %s', (cell, time) => {
    expect(parseTimeCell(cell)).toBe(time);
  });
  it('takes a time from a date cell that holds one, never midnight', () => {
    expect(timeOfDateCell(new Date(Date.UTC(2026, 11, 1, 13, 45)))).toBe('13:45');
    expect(timeOfDateCell(new Date(Date.UTC(2026, 11, 1)))).toBeNull();
    expect(timeOfDateCell('01-12-2026 08:30')).toBe('08:30');
    expect(timeOfDateCell('01-12-2026')).toBeNull();
  });
});

describe('recognising a worksheet', () => {
  const sheet = (...headers: string[]) => ({ name: 'Blad', rows: [headers, headers.map(() => 'x')] });
  it('tells a caseload, closed cases and past scorings apart by their headers', () => {
    expect(recogniseWorksheet(sheet('Klantnummer', 'Naam', 'Fase'), [])).toEqual({ kind: 'caseload', versionId: null });
    expect(recogniseWorksheet(sheet('Sagsnummer', 'Navn', 'Slutdato', 'Arbejdsgiver'), []).kind).toBe('closures');
    // A caseload with an end date is still a caseload: closing every client in it would be wrong.
    expect(recogniseWorksheet(sheet('Klantnummer', 'Naam', 'Doelgroep', 'Einddatum'), []).kind).toBe('caseload');
    expect(recogniseWorksheet(sheet('Toelichting'), []).kind).toBeNull();
  });
});
