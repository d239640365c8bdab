import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, SheetDetail } from '../../common/contract';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';

const NOW = new Date('2026-11-23T09:30:00Z'); // today: 2026-11-23

type Draft = Input<'sheets.saveDraft'>;
const level = (value: number, label: string) => ({ value, label, description: `${label} beschreven` });
const indicator = (name: string, key?: string, min = 1, max = 3) => ({
  ...(key ? { key } : {}),
  name,
  description: null,
  scaleMin: min,
  scaleMax: max,
  levels: Array.from({ length: max - min + 1 }, (_, i) => level(min + i, `${name} ${min + i}`)),
});

describe('scoring sheets, scorings, goals and coverage', () => {
  let koers: TestKoers;
  let me: string;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => NOW });
    me = await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  /** A published sheet with three indicators, default for a new target group with a 4-week rhythm. */
  async function publishedSheet(): Promise<{ sheet: SheetDetail; groupId: string }> {
    const group = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Werkfit' }));
    await ok(koers.call('catalog.update', { id: group.id, name: 'Werkfit', rescoreWeeks: 4 }));
    const created = await ok(koers.call('sheets.createFromStarter', { starter: 'empty', language: 'nl' }));
    const draft: Draft = {
      sheetId: created.id,
      name: 'Werkfit-lijst',
      targetGroupIds: [group.id],
      indicators: [indicator('Motivatie'), indicator('Gezondheid'), indicator('Taal', undefined, 1, 5)],
    };
    await ok(koers.call('sheets.saveDraft', draft));
    const sheet = await ok(koers.call('sheets.publish', { id: created.id }));
    return { sheet, groupId: group.id };
  }

  function scoresFor(sheet: SheetDetail, values: Array<number | null>) {
    return sheet.published!.indicators.map((ind, i) => ({
      indicatorId: ind.id,
      value: values[i] ?? null,
      comment: null,
    }));
  }

  it('ships starter sheets: a six-rung ladder and an empty sheet, as drafts', async () => {
    const ladder = await ok(koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'da' }));
    expect(ladder).toMatchObject({ name: 'Deltagelsesstige', publishedNumber: null, published: null });
    expect(ladder.draft?.indicators[0]).toMatchObject({ key: 'participation', scaleMin: 1, scaleMax: 6 });
    expect(ladder.draft?.indicators[0]?.levels.map((l) => l.label)).toHaveLength(6);
    expect(
      (await ok(koers.call('sheets.createFromStarter', { starter: 'empty', language: 'en' }))).draft?.indicators,
    ).toEqual([]);
  });

  it('publishes a draft; a published version never changes, editing starts version 2 with the same indicator keys', async () => {
    const { sheet } = await publishedSheet();
    expect(sheet).toMatchObject({ publishedNumber: 1, draft: null });
    const keys = sheet.published!.indicators.map((i) => i.key);

    expect(await koers.call('sheets.saveDraft', { sheetId: sheet.id, name: 'X', indicators: [] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'published' } },
    });
    expect(await koers.call('sheets.publish', { id: sheet.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    // Not even SQL can change it: triggers guard the published rows.
    expect(() =>
      koers.connection.sqlite
        .prepare("UPDATE indicator SET name = 'x' WHERE version_id = ?")
        .run(sheet.publishedVersionId),
    ).toThrow(/immutable/);
    expect(() => koers.connection.sqlite.prepare("UPDATE indicator_level SET label = 'x'").run()).toThrow(/immutable/);
    expect(() =>
      koers.connection.sqlite.prepare('DELETE FROM sheet_version WHERE id = ?').run(sheet.publishedVersionId),
    ).toThrow(/immutable/);

    const editing = await ok(koers.call('sheets.edit', { id: sheet.id }));
    expect(editing.draft).toMatchObject({ number: 2, published: false });
    expect(editing.draft!.indicators.map((i) => i.key)).toEqual(keys);
    const changed = editing.draft!.indicators.map((i) => ({
      ...i,
      levels: i.levels.map((l) => (l.value === 1 ? { ...l, label: `${l.label} (nieuw)` } : l)),
    }));
    await ok(
      koers.call('sheets.saveDraft', {
        sheetId: sheet.id,
        name: 'Werkfit-lijst',
        indicators: changed.map(({ id: _id, ...i }) => i),
      }),
    );
    const v2 = await ok(koers.call('sheets.publish', { id: sheet.id }));
    expect(v2.publishedNumber).toBe(2);
    expect(v2.published!.indicators.map((i) => i.key)).toEqual(keys);
    // Version 1 is still what it was.
    const v1 = await ok(koers.call('sheets.version', { id: sheet.publishedVersionId! }));
    expect(v1.indicators[0]!.levels[0]!.label).toBe('Motivatie 1');
  });

  it.each([
    [[indicator('A', undefined, 3, 3)], 'indicators.0.scaleMax', 'scale'],
    [[{ ...indicator('A'), levels: [level(1, 'een'), level(2, 'twee')] }], 'indicators.0.levels', 'levels'],
    [
      [{ ...indicator('A'), levels: [level(1, 'een'), level(2, 'twee'), level(3, 'drie'), level(4, 'vier')] }],
      'indicators.0.levels',
      'levels',
    ],
    [
      [{ ...indicator('A'), levels: [level(1, ''), level(2, 'twee'), level(3, 'drie')] }],
      'indicators.0.levels.0.label',
      'required',
    ],
  ])('refuses a draft with bad scales or levels (%#) and keeps the old draft', async (indicators, field, rule) => {
    const created = await ok(koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    expect(await koers.call('sheets.saveDraft', { sheetId: created.id, name: 'X', indicators })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field, rule }] } },
    });
    expect((await ok(koers.call('sheets.get', { id: created.id }))).draft?.indicators[0]?.key).toBe('participation');
  });

  it('will not publish a sheet without indicators', async () => {
    const created = await ok(koers.call('sheets.createFromStarter', { starter: 'empty', language: 'nl' }));
    expect(await koers.call('sheets.publish', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'empty_sheet' } },
    });
  });

  it('records scorings on a published version, refuses values off the scale, drafts, retired sheets and future dates', async () => {
    const { sheet, groupId } = await publishedSheet();
    const client = await createClient(koers, { targetGroupId: groupId });
    const base = {
      clientId: client.id,
      versionId: sheet.publishedVersionId!,
      date: '2026-11-20',
      scoredBy: 'caseworker' as const,
    };

    expect(await koers.call('scorings.create', { ...base, scores: scoresFor(sheet, [1, 4, 5]) })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field: 'scores.1.value', rule: 'out_of_scale', limit: 3 }] } },
    });
    expect(
      await koers.call('scorings.create', { ...base, date: '2026-11-24', scores: scoresFor(sheet, [1, 2, 3]) }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'date', rule: 'future_date' }] } } });
    expect(await ok(koers.call('scorings.list', { clientId: client.id }))).toEqual([]);

    const scoring = await ok(koers.call('scorings.create', { ...base, scores: scoresFor(sheet, [2, null, 5]) }));
    expect(scoring).toMatchObject({
      versionNumber: 1,
      sheetName: 'Werkfit-lijst',
      scoredBy: 'caseworker',
      caseworkerId: me,
      edited: false,
    });
    expect(scoring.scores.map((s) => [s.indicatorName, s.value, s.label])).toEqual([
      ['Motivatie', 2, 'Motivatie 2'],
      ['Gezondheid', null, null],
      ['Taal', 5, 'Taal 5'],
    ]);

    const editing = await ok(koers.call('sheets.edit', { id: sheet.id }));
    expect(
      await koers.call('scorings.create', { ...base, versionId: editing.draftVersionId!, scores: [] }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'not_published' } } });
    await ok(koers.call('sheets.setRetired', { id: sheet.id, retired: true }));
    expect(await koers.call('scorings.create', { ...base, scores: [] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'sheet_retired' } },
    });
    // Retiring loses no history.
    expect(await ok(koers.call('scorings.list', { clientId: client.id }))).toHaveLength(1);
  });

  it('offers the target group’s default sheet with previous values and goals; edits and removals reach the timeline', async () => {
    const { sheet, groupId } = await publishedSheet();
    const client = await createClient(koers, { targetGroupId: groupId });
    const versionId = sheet.publishedVersionId!;
    const first = await ok(
      koers.call('scorings.create', {
        clientId: client.id,
        versionId,
        date: '2026-10-01',
        scoredBy: 'caseworker',
        scores: scoresFor(sheet, [1, 2, 3]),
      }),
    );
    await ok(
      koers.call('scorings.create', {
        clientId: client.id,
        versionId,
        date: '2026-11-01',
        scoredBy: 'client',
        scores: scoresFor(sheet, [2, null, 4]),
      }),
    );
    const motivation = sheet.published!.indicators[0]!.key;
    await ok(
      koers.call('goals.set', { clientId: client.id, indicatorKey: motivation, target: 3, targetDate: '2027-03-01' }),
    );
    const goal = await ok(
      koers.call('goals.set', { clientId: client.id, indicatorKey: motivation, target: 2, targetDate: '' }),
    );

    const form = await ok(koers.call('scorings.form', { clientId: client.id }));
    expect(form?.version.id).toBe(versionId);
    expect(form?.previous[motivation]).toEqual({ value: 2, date: '2026-11-01' });
    // "Not scored" does not hide the value before it.
    expect(form?.previous[sheet.published!.indicators[1]!.key]).toEqual({ value: 2, date: '2026-10-01' });
    expect(form?.goals).toEqual([{ id: goal.id, indicatorKey: motivation, target: 2, targetDate: null }]);

    await ok(
      koers.call('scorings.update', {
        id: first.id,
        clientId: client.id,
        versionId,
        date: '2026-10-02',
        scoredBy: 'together',
        scores: scoresFor(sheet, [1, 1, 1]),
      }),
    );
    await ok(koers.call('scorings.remove', { id: first.id }));
    expect(await koers.call('scorings.remove', { id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const scoringEntries = (await ok(koers.call('clients.timeline', { id: client.id }))).filter(
      (e) => e.kind === 'scoring',
    );
    expect(scoringEntries).toEqual([
      expect.objectContaining({ date: '2026-11-01', scoredBy: 'client', removed: false, edited: false }),
      expect.objectContaining({ date: '2026-10-02', scoredBy: 'together', removed: true }),
    ]);
    expect(await ok(koers.call('scorings.list', { clientId: client.id }))).toHaveLength(1);
    await ok(koers.call('goals.remove', { id: goal.id }));
    expect(await ok(koers.call('goals.list', { clientId: client.id }))).toEqual([]);
  });

  it('answers the scoring form with null when the target group has no published default sheet', async () => {
    const client = await createClient(koers);
    expect(await ok(koers.call('scorings.form', { clientId: client.id }))).toBeNull();
  });

  describe('rhythm and coverage', () => {
    async function scoreOn(sheet: SheetDetail, clientId: string, date: string) {
      await ok(
        koers.call('scorings.create', {
          clientId,
          versionId: sheet.publishedVersionId!,
          date,
          scoredBy: 'caseworker',
          scores: scoresFor(sheet, [1, 1, 1]),
        }),
      );
    }
    const share = async (caseworkerId: string) =>
      (await ok(koers.call('coverage.get', {}))).caseworkers.find((c) => c.caseworkerId === caseworkerId);

    it('is null for an empty caseload and 0 when nobody is scored', async () => {
      expect(await share(me)).toEqual({ caseworkerId: me, active: 0, scoredInInterval: 0, share: null });
      const { groupId } = await publishedSheet();
      await createClient(koers, { targetGroupId: groupId });
      expect(await share(me)).toMatchObject({ active: 1, scoredInInterval: 0, share: 0 });
    });

    it('counts a scoring until the day the next one is due (4-week rhythm; 12 weeks without one)', async () => {
      const { sheet, groupId } = await publishedSheet();
      const a = await createClient(koers, { firstName: 'A', targetGroupId: groupId, startDate: '2026-01-05' });
      const b = await createClient(koers, { firstName: 'B', targetGroupId: groupId, startDate: '2026-01-05' });
      const c = await createClient(koers, { firstName: 'C', startDate: '2026-01-05' });
      await createClient(koers, { firstName: 'D', targetGroupId: groupId, startDate: '2026-01-05' });
      await scoreOn(sheet, a.id, '2026-10-27'); // 27 days ago: covered until 2026-11-24
      await scoreOn(sheet, b.id, '2026-10-26'); // 28 days ago: due today
      await scoreOn(sheet, c.id, '2026-09-01'); // no rhythm of its own: 12 weeks, due 2026-11-24
      expect(await share(me)).toMatchObject({ active: 4, scoredInInterval: 2, share: 0.5 });

      const rows = await ok(koers.call('clients.list', {}));
      const due = Object.fromEntries(rows.map((r) => [r.firstName, [r.lastScoredOn, r.scoringDueOn]]));
      expect(due).toEqual({
        A: ['2026-10-27', '2026-11-24'],
        B: ['2026-10-26', '2026-11-23'],
        C: ['2026-09-01', '2026-11-24'],
        D: [null, '2026-01-05'],
      });
    });

    it('keeps the latest team target', async () => {
      await ok(koers.call('coverage.setTarget', { share: 0.4, dueOn: '2027-01-01' }));
      expect(await ok(koers.call('coverage.setTarget', { share: 0.5, dueOn: '2027-03-01' }))).toMatchObject({
        target: { share: 0.5, dueOn: '2027-03-01' },
        today: '2026-11-23',
      });
      expect(await koers.call('coverage.setTarget', { share: 1.5, dueOn: '2027-03-01' })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    });
  });
});
