import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { ok, publishSheet, setUp } from '../helpers/seed';

const fixtures = resolve(import.meta.dirname, '../fixtures/spreadsheets');

describe('caseload import', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  beforeEach(async () => {
    desktop = fakeDesktop();
    koers = await openTestKoers({ desktop, now: () => new Date('2026-11-23T09:30:00Z') });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  const open = async (path: string, kind: 'caseload' | 'scores' | 'sheet' = 'caseload') => {
    desktop.openPath = path;
    const file = await ok(koers.call('imports.open', { kind }));
    if (!file) throw new Error('cancelled');
    return file;
  };
  const clientCount = async () => (await ok(koers.call('clients.list', { status: 'all' }))).length;

  it('opens the Dutch workbook, maps it from the headers, previews, creates the unknown groups and stages, imports, and remembers the mapping', async () => {
    const file = await open(join(fixtures, 'caseload-nl.xlsx'));
    expect(file.worksheets.map((w) => [w.name, w.rows])).toEqual([
      ['Caseload', 12],
      ['Toelichting', 1],
    ]);
    const preview = await ok(koers.call('imports.caseloadPreview', { token: file.token, worksheet: 'Caseload' }));
    expect(preview.mapping).toEqual({
      reference: 0,
      fullName: 1,
      dateOfBirth: 2,
      targetGroup: 3,
      stage: 4,
      startDate: 5,
      phone: 6,
      email: 7,
    });
    expect(preview.remembered).toBe(false);
    expect(preview.unknown.targetGroups).toEqual(['Jongeren tot 27', 'Bijstand 27+', 'Statushouders']);
    expect(preview.unknown.stages).toEqual(['Activering', 'Participatie']);
    // "Intake" is the shipped first stage (by its key); the others block until they are created.
    expect(preview.counts.error).toBe(12);
    expect(preview.rows[0]?.issues).toContainEqual({ field: 'targetGroup', rule: 'unknown', value: 'Jongeren tot 27' });

    const refused = await koers.call('imports.caseloadRun', {
      token: file.token,
      worksheet: 'Caseload',
      mapping: preview.mapping,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'import_errors', count: 12 } },
    });
    expect(await clientCount()).toBe(0);

    const options = { token: file.token, worksheet: 'Caseload', createTargetGroups: true, createStages: true };
    const ready = await ok(koers.call('imports.caseloadPreview', options));
    expect(ready.counts).toEqual({ create: 12, update: 0, unchanged: 0, empty: 0, error: 0 });
    const report = await ok(koers.call('imports.caseloadRun', { ...options, mapping: ready.mapping }));
    expect(report).toMatchObject({
      created: 12,
      updated: 0,
      createdTargetGroups: ['Jongeren tot 27', 'Bijstand 27+', 'Statushouders'],
      createdStages: ['Activering', 'Participatie'],
    });
    const clients = await ok(koers.call('clients.list', { status: 'all' }));
    const jan = clients.find((c) => c.reference === 'KL-10237')!;
    expect(jan).toMatchObject({ firstName: 'Jan', lastName: 'de Vries' });
    const full = await ok(koers.call('clients.get', { id: jan.id }));
    expect(full).toMatchObject({
      dateOfBirth: '1979-11-12',
      startDate: '2023-02-01',
      phone: '06-23456789',
      email: 'jan.devries@example.nl',
    });

    // The same file again: everything is already there; the mapping is remembered.
    const again = await open(join(fixtures, 'caseload-nl.xlsx'));
    const second = await ok(koers.call('imports.caseloadPreview', { token: again.token, worksheet: 'Caseload' }));
    expect(second.remembered).toBe(true);
    expect(second.counts).toMatchObject({ create: 0, unchanged: 12, error: 0 });
  });

  it('updates by reference from a CSV in Windows-1252, changing only what the file maps', async () => {
    const first = await open(join(fixtures, 'caseload-nl.xlsx'));
    const options = { worksheet: 'Caseload', createTargetGroups: true, createStages: true };
    const plan = await ok(koers.call('imports.caseloadPreview', { token: first.token, ...options }));
    await ok(koers.call('imports.caseloadRun', { token: first.token, ...options, mapping: plan.mapping }));

    const csv = await open(join(fixtures, 'caseload-nl-1252.csv'));
    expect(csv.worksheets[0]?.name).toBe('caseload-nl-1252.csv');
    // The CSV writes Ayşe without the ş (Windows-1252 has none): that is a change of name.
    const preview = await ok(
      koers.call('imports.caseloadPreview', {
        token: csv.token,
        worksheet: 'caseload-nl-1252.csv',
        createTargetGroups: true,
        createStages: true,
      }),
    );
    expect(preview.counts).toMatchObject({ update: 1, unchanged: 11, error: 0 });
    expect(preview.rows.filter((r) => r.action === 'update').map((r) => r.label)).toEqual(['Ayse Yilmaz · KL-10234']);
    const report = await ok(
      koers.call('imports.caseloadRun', {
        token: csv.token,
        worksheet: 'caseload-nl-1252.csv',
        mapping: preview.mapping,
        createTargetGroups: true,
        createStages: true,
      }),
    );
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 11 });
    const ayse = (await ok(koers.call('clients.list', { status: 'all', search: 'KL-10234' })))[0]!;
    expect(ayse).toMatchObject({ firstName: 'Ayse', lastName: 'Yilmaz' });
  });

  it('refuses a file in which one row of 10,000 is bad, and one with a reference twice: nothing is imported', async () => {
    const path = join(koers.folder, 'big.csv');
    const lines = Array.from({ length: 10_000 }, (_, i) => `KL-${i};Klant ${i};01-01-1990`);
    lines[7_345] = 'KL-7345;Klant 7345;31-02-1990';
    writeFileSync(path, `Klantnummer;Naam;Geboortedatum\n${lines.join('\n')}\n`);
    const file = await open(path);
    const preview = await ok(koers.call('imports.caseloadPreview', { token: file.token, worksheet: 'big.csv' }));
    expect(preview.counts).toEqual({ create: 9_999, update: 0, unchanged: 0, empty: 0, error: 1 });
    expect(preview.rows.find((r) => r.action === 'error')).toEqual({
      line: 7_347,
      action: 'error',
      label: 'Klant 7345 · KL-7345',
      issues: [{ field: 'dateOfBirth', rule: 'date', value: '31-02-1990' }],
    });
    expect(
      await koers.call('imports.caseloadRun', { token: file.token, worksheet: 'big.csv', mapping: preview.mapping }),
    ).toMatchObject({ ok: false, error: { details: { reason: 'import_errors', count: 1 } } });
    expect(await clientCount()).toBe(0);

    const twice = join(koers.folder, 'twice.csv');
    writeFileSync(twice, 'Klantnummer;Naam\nKL-1;Jan de Vries\nKL-2;Piet Jansen\nKL-1;Jan de Vries\n');
    const dup = await open(twice);
    const dupPreview = await ok(koers.call('imports.caseloadPreview', { token: dup.token, worksheet: 'twice.csv' }));
    expect(dupPreview.rows.find((r) => r.action === 'error')).toMatchObject({
      line: 4,
      issues: [{ field: 'reference', rule: 'duplicate', value: 'KL-1' }],
    });
    expect(
      await koers.call('imports.caseloadRun', {
        token: dup.token,
        worksheet: 'twice.csv',
        mapping: dupPreview.mapping,
      }),
    ).toMatchObject({ ok: false });
    expect(await clientCount()).toBe(0);
  });

  it('reports file problems as translated field issues, a cancelled dialog as null, and a forgotten file as expired', async () => {
    desktop.openPath = null;
    expect(await ok(koers.call('imports.open', { kind: 'caseload' }))).toBeNull();
    desktop.openPath = join(fixtures, 'malformed/zip-bomb.xlsx');
    expect(await koers.call('imports.open', { kind: 'caseload' })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field: 'file', rule: 'zip_bomb' }] } },
    });
    expect(await koers.call('imports.caseloadPreview', { token: 'gone', worksheet: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'import_expired' } },
    });
    const file = await open(join(fixtures, 'caseload-nl.xlsx'));
    expect(await koers.call('imports.caseloadPreview', { token: file.token, worksheet: 'Nope' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'worksheet', rule: 'unavailable' }] } },
    });
    // Formula-looking text in a CSV is kept as text (and neutralised again on export).
    const formula = join(koers.folder, 'formula.csv');
    copyFileSync(join(fixtures, 'caseload-en-comma.csv'), formula);
    writeFileSync(formula, 'Reference,Name\n=cmd|calc,=HYPERLINK("x") Jansen\n');
    const f = await open(formula);
    const preview = await ok(koers.call('imports.caseloadPreview', { token: f.token, worksheet: 'formula.csv' }));
    expect(preview.rows[0]).toMatchObject({ action: 'create', label: '=HYPERLINK("x") Jansen · =cmd|calc' });
  });

  it('imports past scorings from LibreOffice against a chosen sheet version; a value off the scale stops the import', async () => {
    const file = await open(join(fixtures, 'caseload-nl.xlsx'));
    const options = { token: file.token, worksheet: 'Caseload', createTargetGroups: true, createStages: true };
    await ok(
      koers.call('imports.caseloadRun', {
        ...options,
        mapping: (await ok(koers.call('imports.caseloadPreview', options))).mapping,
      }),
    );
    const sheet = await publishSheet(koers);
    const versionId = sheet.publishedVersionId!;

    const scores = await open(join(fixtures, 'scores-nl.xlsx'), 'scores');
    const preview = await ok(
      koers.call('imports.scoresPreview', { token: scores.token, worksheet: 'Scores', versionId }),
    );
    const [fin, won, dag] = sheet.published!.indicators;
    expect(preview.mapping).toEqual({ reference: 0, date: 1, [fin!.key]: 2, [won!.key]: 3, [dag!.key]: 4 });
    expect(preview.counts).toMatchObject({ create: 8, error: 0 });
    expect(
      await ok(
        koers.call('imports.scoresRun', {
          token: scores.token,
          worksheet: 'Scores',
          versionId,
          mapping: preview.mapping,
        }),
      ),
    ).toMatchObject({ created: 8 });
    const jan = (await ok(koers.call('clients.list', { status: 'all', search: 'KL-10234' })))[0]!;
    expect((await ok(koers.call('scorings.list', { clientId: jan.id }))).length).toBe(2);

    // Again: already there, skipped. A bad value: nothing is imported.
    const again = await ok(
      koers.call('imports.scoresPreview', { token: scores.token, worksheet: 'Scores', versionId }),
    );
    expect(again.counts).toMatchObject({ create: 0, unchanged: 8 });
    const bad = join(koers.folder, 'bad-scores.csv');
    writeFileSync(
      bad,
      'Klantnummer;Datum;Financiën;Wonen;Dagbesteding\nKL-10237;01-10-2026;3;4;2\nKL-10237;01-11-2026;7;4;2\nKL-99999;01-11-2026;1;1;1\n',
    );
    const badFile = await open(bad, 'scores');
    const badPreview = await ok(
      koers.call('imports.scoresPreview', { token: badFile.token, worksheet: 'bad-scores.csv', versionId }),
    );
    expect(badPreview.rows.filter((r) => r.action === 'error').map((r) => r.issues)).toEqual([
      [{ field: 'Financiën', rule: 'out_of_scale', value: '7' }],
      [{ field: 'reference', rule: 'unknown', value: 'KL-99999' }],
    ]);
    expect(
      await koers.call('imports.scoresRun', {
        token: badFile.token,
        worksheet: 'bad-scores.csv',
        versionId,
        mapping: badPreview.mapping,
      }),
    ).toMatchObject({ ok: false, error: { details: { reason: 'import_errors', count: 2 } } });
    const jan2 = (await ok(koers.call('clients.list', { status: 'all', search: 'KL-10237' })))[0]!;
    expect((await ok(koers.call('scorings.list', { clientId: jan2.id }))).length).toBe(2);
  });
});
