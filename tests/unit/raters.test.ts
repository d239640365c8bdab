import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, publishSheet, setUp } from '../helpers/seed';

const fixtures = resolve(import.meta.dirname, '../fixtures/spreadsheets');

/** Issue 19, Must have 4: an external provider scores beside the caseworker and the client, never averaged. */
describe('more raters: an external provider with its organisation', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  beforeEach(async () => {
    desktop = fakeDesktop();
    koers = await openTestKoers({ desktop, now: () => new Date('2026-11-23T09:30:00Z') });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  const scoreAll = (version: { indicators: Array<{ id: string }> }, values: Array<number | null>) =>
    version.indicators.map((indicator, i) => ({ indicatorId: indicator.id, value: values[i] ?? null, comment: null }));

  it('a provider names its organisation; it is kept beside the caseworker and the client, each on a line of its own', async () => {
    const sheet = await publishSheet(koers);
    const version = sheet.published!;
    const client = await createClient(koers);
    const scoring = (date: string, scoredBy: 'caseworker' | 'client' | 'together' | 'provider', values: number[]) => ({
      clientId: client.id,
      versionId: version.id,
      date,
      scoredBy,
      scores: scoreAll(version, values),
    });

    // A provider without its organisation is refused, naming the field; nothing is saved.
    expect(await koers.call('scorings.create', { ...scoring('2026-11-02', 'provider', [2, 3, 3]) })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field: 'organisation', rule: 'required' }] } },
    });
    expect(await ok(koers.call('scorings.list', { clientId: client.id }))).toEqual([]);

    await ok(koers.call('scorings.create', scoring('2026-11-01', 'caseworker', [2, 2, 3])));
    await ok(koers.call('scorings.create', scoring('2026-11-02', 'client', [4, 2, 3])));
    const provided = await ok(
      koers.call('scorings.create', { ...scoring('2026-11-03', 'provider', [3, 2, 1]), organisation: ' Werkbrug ' }),
    );
    expect(provided).toMatchObject({ scoredBy: 'provider', organisation: 'Werkbrug' });
    // Another rater's scoring carries no organisation, whatever the form sent.
    const together = await ok(
      koers.call('scorings.create', { ...scoring('2026-11-20', 'together', [3, 3, 3]), organisation: 'Werkbrug' }),
    );
    expect(together.organisation).toBeNull();

    const progression = await ok(koers.call('charts.progression', { clientId: client.id }));
    const [fin] = version.indicators;
    const lines = progression.series.filter((s) => s.key === fin!.key);
    expect(lines.map((l) => l.by)).toEqual(['caseworker', 'client', 'provider']);
    // Never averaged: each line holds its own rater's values; a joint score carries the caseworker's line on.
    expect(lines.map((l) => l.points.map((p) => p.value))).toEqual([[2, 3], [4], [3]]);
    expect(lines[2]!.points[0]).toMatchObject({ scoredBy: 'provider', organisation: 'Werkbrug' });
    // The radar follows the caseworker's own line: the provider's scoring is not its latest.
    expect(progression.radar.latest?.date).toBe('2026-11-20');

    // The team view counts the team's own scorings only: not the client's, not a provider's.
    const team = await ok(koers.call('team.view', { sheetId: sheet.id }));
    const finRow = team.indicators.find((i) => i.key === fin!.key)!;
    expect(finRow).toMatchObject({ clients: 1, averageChange: 1 });

    // The timeline says who scored, a provider by its organisation (the renderer words it).
    const timeline = await ok(koers.call('clients.timeline', { id: client.id }));
    expect(timeline.filter((e) => e.kind === 'scoring').map((e) => e.kind === 'scoring' && e.organisation)).toEqual(
      expect.arrayContaining(['Werkbrug', null]),
    );
  });

  it("imports a provider's LibreOffice spreadsheet with a rater column; the scores land beside the caseworker's and export with the organisation", async () => {
    const open = async (path: string, kind: 'caseload' | 'scores') => {
      desktop.openPath = path;
      const file = await ok(koers.call('imports.open', { kind }));
      if (!file) throw new Error('cancelled');
      return file;
    };
    const caseload = await open(join(fixtures, 'caseload-nl.xlsx'), 'caseload');
    const options = { token: caseload.token, worksheet: 'Caseload', createTargetGroups: true, createStages: true };
    await ok(
      koers.call('imports.caseloadRun', {
        ...options,
        mapping: (await ok(koers.call('imports.caseloadPreview', options))).mapping,
      }),
    );
    const sheet = await publishSheet(koers);
    const versionId = sheet.publishedVersionId!;
    const [fin, won, dag] = sheet.published!.indicators;
    // The caseworker's own past scorings first.
    const own = await open(join(fixtures, 'scores-nl.xlsx'), 'scores');
    const ownPreview = await ok(
      koers.call('imports.scoresPreview', { token: own.token, worksheet: 'Scores', versionId }),
    );
    await ok(
      koers.call('imports.scoresRun', {
        token: own.token,
        worksheet: 'Scores',
        versionId,
        mapping: ownPreview.mapping,
      }),
    );

    const file = await open(join(fixtures, 'provider-scores-nl.xlsx'), 'scores');
    const input = { token: file.token, worksheet: 'Voortgang', versionId };
    const preview = await ok(koers.call('imports.scoresPreview', input));
    expect(preview.mapping).toEqual({
      reference: 0,
      date: 1,
      scoredBy: 2,
      [fin!.key]: 3,
      [won!.key]: 4,
      [dag!.key]: 5,
    });
    // Without the provider's name, the job coach's rows cannot say who scored: refused, nothing imported.
    expect(preview.counts).toMatchObject({ create: 1, error: 4 });
    expect(preview.rows.find((r) => r.action === 'error')?.issues).toEqual([
      { field: 'organisation', rule: 'required', value: '' },
    ]);
    expect(await koers.call('imports.scoresRun', { ...input, mapping: preview.mapping })).toMatchObject({
      ok: false,
      error: { details: { reason: 'import_errors', count: 4 } },
    });

    const withProvider = { ...input, organisation: 'Werkbrug Re-integratie' };
    const named = await ok(koers.call('imports.scoresPreview', withProvider));
    expect(named.counts).toMatchObject({ create: 5, error: 0 });
    expect(await ok(koers.call('imports.scoresRun', { ...withProvider, mapping: named.mapping }))).toMatchObject({
      created: 5,
    });
    // Again: each rater's scoring is known, nothing is added twice.
    expect((await ok(koers.call('imports.scoresPreview', withProvider))).counts).toMatchObject({
      create: 0,
      unchanged: 5,
    });

    const ayse = (await ok(koers.call('clients.list', { status: 'all', search: 'KL-10234' })))[0]!;
    const scorings = await ok(koers.call('scorings.list', { clientId: ayse.id }));
    // Written in one go, so the same moment: ordered by rater here.
    const byRater = scorings.map((s) => [s.date, s.scoredBy, s.organisation, s.scores.map((x) => x.value)] as const);
    expect([...byRater].sort((a, b) => b[0].localeCompare(a[0]) || b[1].localeCompare(a[1]))).toEqual([
      ['2024-03-27', 'provider', 'Werkbrug Re-integratie', [2, 3, 3]],
      ['2024-03-27', 'client', null, [4, 3, 3]],
      ['2024-03-25', 'caseworker', null, [3, 3, 2]],
      ['2024-01-29', 'caseworker', null, [2, 3, 1]],
    ]);
    // An empty cell is "not scored", not a zero.
    const zoe = (await ok(koers.call('clients.list', { status: 'all', search: 'KL-10252' })))[0]!;
    const zoeProvider = (await ok(koers.call('scorings.list', { clientId: zoe.id }))).find(
      (s) => s.scoredBy === 'provider',
    );
    expect(zoeProvider?.scores.map((s) => s.value)).toEqual([3, null, 2]);

    // The scores export names the organisation, so a re-import knows the provider again.
    desktop.saveAs = join(koers.folder, 'scores.csv');
    await ok(koers.call('exports.scores', { format: 'long', fileType: 'csv', pseudonymised: false }));
    const lines = readFileSync(desktop.saveAs, 'utf8').split('\r\n');
    expect(lines[0]).toContain(';Gescoord door;Organisatie;');
    expect(lines.filter((l) => l.includes(';aanbieder;Werkbrug Re-integratie;'))).toHaveLength(
      4 * 3 - 1, // four provider scorings of three indicators, one not scored
    );
    // A provider may be one person: a pseudonymised file leaves the organisation out.
    desktop.saveAs = join(koers.folder, 'pseudo.csv');
    await ok(koers.call('exports.scores', { format: 'long', fileType: 'csv', pseudonymised: true }));
    expect(readFileSync(desktop.saveAs, 'utf8')).not.toMatch(/Organisatie|Werkbrug/);

    // An organisation column without a rater column: the provider's rows, not the caseworker's.
    const byOrganisation = join(koers.folder, 'aanbieder.csv');
    writeFileSync(
      byOrganisation,
      'Klantnummer;Datum;Organisatie;Financiën;Wonen;Dagbesteding\nKL-10237;20-06-2023;Jobstap;2;2;2\n',
    );
    const byColumn = await open(byOrganisation, 'scores');
    const plan = await ok(
      koers.call('imports.scoresPreview', { token: byColumn.token, worksheet: 'aanbieder.csv', versionId }),
    );
    expect(plan.mapping).toMatchObject({ organisation: 2 });
    await ok(
      koers.call('imports.scoresRun', {
        token: byColumn.token,
        worksheet: 'aanbieder.csv',
        versionId,
        mapping: plan.mapping,
      }),
    );
    const jan = (await ok(koers.call('clients.list', { status: 'all', search: 'KL-10237' })))[0]!;
    expect((await ok(koers.call('scorings.list', { clientId: jan.id })))[0]).toMatchObject({
      date: '2023-06-20',
      scoredBy: 'provider',
      organisation: 'Jobstap',
    });
  });
});
