import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../common/contract';
import { newPaperCode, normalisePaperCode } from '../../db/queries/papers';
import { parseTypedScores } from '../../renderer/src/papers/typed-scores';
import { fakeDesktop, type FakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, publishSheet, setUp } from '../helpers/seed';

/** Issue 19, Must have 3: personalised paper sheets and their quick entry. */
describe('paper sheets', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  /** What the printing window read of each batch, as it printed. */
  let batches: Array<Output<'papers.batch'>>;
  let failPrint: boolean;
  beforeEach(async () => {
    batches = [];
    failPrint = false;
    desktop = fakeDesktop(async (route) => {
      const batchId = decodeURIComponent(route.replace(/^paper\//, ''));
      batches.push(await ok(koers.call('papers.batch', { batchId })));
      if (failPrint) throw new Error('The printer window crashed');
      return new TextEncoder().encode('%PDF-1.7\n%paper\n');
    });
    koers = await openTestKoers({ desktop, now: () => new Date('2026-11-23T09:30:00Z') });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('codes are short, unambiguous, and read back however they are typed', () => {
    const code = newPaperCode(() => new Uint8Array([0, 1, 31, 8, 18, 21, 30]));
    expect(code).toBe('01Z-8JNY');
    expect(normalisePaperCode(' 01z 8jny ')).toBe('01Z-8JNY');
    expect(normalisePaperCode('oIz-8jny')).toBe('01Z-8JNY');
    expect(normalisePaperCode('abc')).toBe('ABC');
  });

  it('types one digit per indicator, a dash for not scored; a number per indicator on scales past 9', () => {
    const scale = (max: number) => ({ scaleMin: 1, scaleMax: max });
    const small = { indicators: [scale(5), scale(5), scale(5)] };
    expect(parseTypedScores('3-5', small)).toEqual({
      values: [3, null, 5],
      complete: true,
      tooMany: false,
      offScale: [],
    });
    expect(parseTypedScores('36', small)).toMatchObject({ values: [3, 6], complete: false, offScale: [1] });
    expect(parseTypedScores('3455', small)).toMatchObject({ complete: false, tooMany: true });
    const wide = { indicators: [scale(10), scale(5)] };
    expect(parseTypedScores('10 4', wide)).toMatchObject({ values: [10, 4], complete: true });
  });

  async function caseload() {
    const group = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Werkfit' }));
    const sheet = await publishSheet(koers, [group.id]);
    const version = sheet.published!;
    const noor = await createClient(koers, {
      firstName: 'Noor',
      lastName: 'Haddad',
      targetGroupId: group.id,
      language: 'ar',
    });
    const sem = await createClient(koers, { firstName: 'Sem', lastName: 'Jansen', targetGroupId: group.id });
    const without = await createClient(koers, { firstName: 'Ivo', lastName: 'Zonder' });
    await ok(
      koers.call('scorings.create', {
        clientId: noor.id,
        versionId: version.id,
        date: '2026-11-20',
        scoredBy: 'caseworker',
        scores: version.indicators.map((i, n) => ({ indicatorId: i.id, value: n + 1, comment: null })),
      }),
    );
    await ok(koers.call('goals.set', { clientId: noor.id, indicatorKey: version.indicators[0]!.key, target: 4 }));
    await ok(
      koers.call('sheets.saveTranslation', {
        versionId: version.id,
        language: 'ar',
        indicators: [{ key: version.indicators[0]!.key, name: 'المالية', description: null, levels: [] }],
      }),
    );
    return { version, noor, sem, without };
  }

  it('prints the chosen clients, each on its own sheet with a code, previous level, goal and their language', async () => {
    const { noor, sem, without } = await caseload();
    desktop.saveAs = join(koers.folder, 'papieren.pdf');
    const printed = await ok(
      koers.call('papers.print', { clientIds: [noor.id, sem.id, without.id], pseudonymised: true }),
    );
    expect(printed).toEqual({ path: desktop.saveAs, sheets: 2, withoutSheet: 1, clientIds: [noor.id, sem.id] });
    expect(readFileSync(desktop.saveAs, 'utf8')).toContain('%PDF');
    const [batch] = batches;
    expect(batch!.papers.map((p) => p.who)).toEqual([noor.pseudonym, sem.pseudonym]);
    const [forNoor] = batch!.papers;
    expect(forNoor).toMatchObject({
      printedOn: '2026-11-23',
      textLanguage: 'ar',
      direction: 'rtl',
      clientLanguage: 'ar',
    });
    expect(forNoor!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(forNoor!.indicators.map((i) => [i.name, i.previous, i.goal, i.direction])).toEqual([
      ['المالية', 1, 4, 'rtl'],
      ['Wonen', 2, null, 'ltr'],
      ['Dagbesteding', 3, null, 'ltr'],
    ]);
    // The batch lives only while it prints.
    expect(await koers.call('papers.batch', { batchId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const codes = await koers.connection.db.selectFrom('paper_sheet').select(['code', 'client_id']).execute();
    expect(codes.map((c) => c.client_id).sort()).toEqual([noor.id, sem.id].sort());

    // Cancelled, or failed while printing: no code stands for a sheet nobody has.
    desktop.saveAs = null;
    expect(await ok(koers.call('papers.print', { clientIds: [noor.id], pseudonymised: false }))).toEqual({
      path: null,
      sheets: 1,
      withoutSheet: 0,
      clientIds: [noor.id],
    });
    desktop.saveAs = join(koers.folder, 'kapot.pdf');
    failPrint = true;
    expect(await koers.call('papers.print', { clientIds: [noor.id], pseudonymised: false })).toMatchObject({
      ok: false,
    });
    expect(existsSync(desktop.saveAs)).toBe(false);
    expect(await koers.connection.db.selectFrom('paper_sheet').select('code').execute()).toHaveLength(2);
  });

  it('prints her clients due within a week when none are chosen', async () => {
    const { noor, sem } = await caseload();
    desktop.saveAs = join(koers.folder, 'week.pdf');
    // Noor was scored three days ago (not due for weeks); Sem never: due now. Ivo has no sheet.
    expect(await ok(koers.call('papers.print', { pseudonymised: false }))).toEqual({
      path: desktop.saveAs,
      sheets: 1,
      withoutSheet: 1,
      clientIds: [sem.id],
    });
    expect(batches[0]!.papers.map((p) => p.who)).toEqual(['Sem Jansen']);
    expect(batches[0]!.papers.map((p) => p.who)).not.toContain(`${noor.firstName} ${noor.lastName}`);
    // Printed names, levels and goals: in the audit log under each client on the sheets.
    await koers.context.audit.flush();
    const logged = await koers.connection.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'papers.print')
      .execute();
    expect(logged.map((l) => l.entity_id)).toEqual([sem.id]);
  });

  it('a filled-in sheet is typed in once by its code, as a scoring on its version and date; bad values change nothing', async () => {
    const { noor, sem, version } = await caseload();
    desktop.saveAs = join(koers.folder, 'p.pdf');
    await ok(koers.call('papers.print', { clientIds: [noor.id, sem.id], pseudonymised: false }));
    const [forNoor, forSem] = batches[0]!.papers;
    expect((await ok(koers.call('papers.open', {}))).map((p) => p.code).sort()).toEqual(
      [forNoor!.code, forSem!.code].sort(),
    );
    const found = await ok(koers.call('papers.find', { code: forNoor!.code.toLowerCase().replace('-', ' ') }));
    expect(found).toMatchObject({ clientId: noor.id, printedOn: '2026-11-23', enteredOn: null });
    expect(found.version.id).toBe(version.id);
    expect(await koers.call('papers.find', { code: 'ZZZ-ZZZZ' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const enter = (values: Array<number | null>, code = forNoor!.code) =>
      koers.call('papers.enter', { code, scoredBy: 'together', date: '2026-11-23', values });
    expect(await enter([1, 2])).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'values' }] } } });
    expect(await enter([1, 9, 2])).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'values.1', rule: 'out_of_scale' }] } },
    });
    const saved = await ok(enter([4, null, 3]));
    expect(saved).toMatchObject({ clientId: noor.id, date: '2026-11-23', scoredBy: 'together' });
    expect(saved.scores.map((s) => s.value)).toEqual([4, null, 3]);
    expect(await enter([4, null, 3])).toMatchObject({ ok: false, error: { details: { reason: 'paper_entered' } } });
    expect((await ok(koers.call('papers.find', { code: forNoor!.code }))).enteredOn).toBe('2026-11-23');
    expect((await ok(koers.call('papers.open', {}))).map((p) => p.code)).toEqual([forSem!.code]);
    expect(await ok(koers.call('scorings.list', { clientId: noor.id }))).toHaveLength(2);

    // An erasure takes the printed sheets with it (they point at the client and at the scoring).
    await ok(koers.call('privacy.eraseClient', { clientId: noor.id, confirm: noor.pseudonym }));
    expect(await koers.connection.db.selectFrom('paper_sheet').select('client_id').execute()).toEqual([
      { client_id: sem.id },
    ]);
  });
});
