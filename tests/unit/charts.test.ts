import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { milestoneTitle, type ProgressionInput, shapeProgression } from '../../main/charts/progression';
import { summarizeChange } from '../../main/charts/team';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';

const level = (value: number) => ({ value, label: `L${value}` });
const v1 = {
  id: 'v1',
  number: 1,
  sheetName: 'Werkfit',
  indicators: [
    { key: 'mot', name: 'Motivatie', scaleMin: 1, scaleMax: 3, levels: [1, 2, 3].map(level) },
    { key: 'old', name: 'Oud', scaleMin: 1, scaleMax: 3, levels: [1, 2, 3].map(level) },
  ],
};
const v2 = {
  id: 'v2',
  number: 2,
  sheetName: 'Werkfit',
  indicators: [{ key: 'mot', name: 'Motivatie (nieuw)', scaleMin: 1, scaleMax: 5, levels: [1, 2, 3, 4, 5].map(level) }],
};
const scoring = (
  date: string,
  scoredBy: 'caseworker' | 'client' | 'together',
  version: typeof v1 | typeof v2,
  values: Record<string, number | null>,
) => ({
  date,
  scoredBy,
  versionId: version.id,
  versionNumber: version.number,
  scores: Object.entries(values).map(([indicatorKey, value]) => ({ indicatorKey, value })),
});

describe('progression chart data', () => {
  const input: ProgressionInput = {
    scorings: [
      scoring('2026-09-01', 'caseworker', v2, { mot: 4 }),
      scoring('2026-03-01', 'caseworker', v1, { mot: 1, old: 2 }),
      scoring('2026-06-01', 'together', v1, { mot: 2, old: null }),
      scoring('2026-06-01', 'client', v1, { mot: 3, old: 3 }),
    ],
    versions: [v2, v1],
    goals: [
      { indicatorKey: 'mot', target: 5, targetDate: '2027-01-01' },
      { indicatorKey: 'gone', target: 2, targetDate: null },
    ],
    milestones: [{ date: '2026-07-15', body: '\n**Gestart met een stage** bij de bakker\nmeer tekst' }],
  };
  const data = shapeProgression(input);

  it('follows an indicator across versions by its key, named as in the newest version', () => {
    expect(data.indicators.map((i) => [i.key, i.name, i.scaleMax])).toEqual([
      ['mot', 'Motivatie (nieuw)', 5],
      ['old', 'Oud', 3],
    ]);
    const worker = data.series.find((s) => s.key === 'mot' && s.by === 'caseworker');
    expect(worker?.points.map((p) => [p.date, p.value, p.versionNumber])).toEqual([
      ['2026-03-01', 1, 1],
      ['2026-06-01', 2, 1],
      ['2026-09-01', 4, 2],
    ]);
  });

  it('keeps self-scores as their own series and "not scored" as a gap (null), not a bridge', () => {
    expect(data.series.map((s) => `${s.key}/${s.by}/${s.points.length}`)).toEqual([
      'mot/caseworker/3',
      'mot/client/1',
      'old/caseworker/2',
      'old/client/1',
    ]);
    const old = data.series.find((s) => s.key === 'old' && s.by === 'caseworker');
    expect(old?.points.map((p) => [p.date, p.value])).toEqual([
      ['2026-03-01', 2],
      ['2026-06-01', null],
    ]);
    // A line of nothing but gaps is no line.
    const unscored = shapeProgression({
      ...input,
      scorings: [...input.scorings, scoring('2026-10-01', 'client', v2, { mot: null })].filter(
        (s) => s.scoredBy !== 'client' || s.date === '2026-10-01',
      ),
    });
    expect(unscored.series.some((s) => s.by === 'client')).toBe(false);
  });

  it('compares first, previous and latest caseworker scorings on the radar', () => {
    expect(data.radar.first).toEqual({ date: '2026-03-01', values: { mot: 1, old: 2 } });
    expect(data.radar.previous).toEqual({ date: '2026-06-01', values: { mot: 2, old: null } });
    expect(data.radar.latest).toEqual({ date: '2026-09-01', values: { mot: 4, old: null } });
  });

  it('keeps goals of known indicators and labels milestones with their first line', () => {
    expect(data.goals).toEqual([{ key: 'mot', target: 5, targetDate: '2027-01-01' }]);
    expect(data.milestones).toEqual([{ date: '2026-07-15', title: 'Gestart met een stage bij de bakker' }]);
    expect(milestoneTitle('x'.repeat(100))).toHaveLength(60);
    expect(data.ladder).toBe(false);
  });

  it('is empty without scorings, and a one-indicator sheet is a ladder', () => {
    const empty = shapeProgression({ scorings: [], versions: [], goals: [], milestones: [] });
    expect(empty).toMatchObject({ indicators: [], series: [], radar: { first: null, previous: null, latest: null } });
    expect(shapeProgression({ ...input, versions: [v2] }).ladder).toBe(true);
  });
});

describe('team change', () => {
  const names = new Map([
    ['a', 'A'],
    ['b', 'B'],
  ]);
  it('counts improved, same and declined between first and latest, needing two dates', () => {
    const row = (clientId: string, key: string, date: string, value: number) => ({
      clientId,
      caseworkerId: 'w1',
      key,
      date,
      value,
    });
    const rows = [
      row('c1', 'a', '2026-01-01', 1),
      row('c2', 'a', '2026-01-01', 3),
      row('c3', 'a', '2026-01-01', 2),
      row('c4', 'a', '2026-01-01', 2),
      row('c1', 'a', '2026-03-01', 2),
      row('c1', 'a', '2026-05-01', 4),
      row('c2', 'a', '2026-04-01', 2),
      row('c3', 'a', '2026-04-01', 2),
    ];
    const summary = summarizeChange(rows, names);
    // The order of the rows does not matter: dates decide first and latest.
    expect(summarizeChange([...rows].reverse(), names).indicators).toEqual(summary.indicators);
    expect(summary.indicators).toEqual([
      { key: 'a', name: 'A', clients: 3, averageChange: (3 - 1 + 0) / 3, improved: 1, same: 1, declined: 1 },
      { key: 'b', name: 'B', clients: 0, averageChange: null, improved: 0, same: 0, declined: 0 },
    ]);
    expect(summary.clientProgress.get('c1')).toEqual({ caseworkerId: 'w1', change: 3 });
    expect(summary.clientProgress.has('c4')).toBe(false);
  });
});

describe('chart and team handlers', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => new Date('2026-11-23T09:30:00Z') });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('shapes a client’s real scorings, goals and milestone notes; the team view counts the change', async () => {
    const created = await ok(koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    const sheet = await ok(koers.call('sheets.publish', { id: created.id }));
    const indicator = sheet.published!.indicators[0]!;
    const client = await createClient(koers);
    const score = (date: string, value: number, scoredBy: 'caseworker' | 'client' = 'caseworker') =>
      ok(
        koers.call('scorings.create', {
          clientId: client.id,
          versionId: sheet.publishedVersionId!,
          date,
          scoredBy,
          scores: [{ indicatorId: indicator.id, value, comment: null }],
        }),
      );
    await score('2026-05-01', 2);
    await score('2026-08-01', 3);
    await score('2026-08-01', 5, 'client');
    await score('2026-11-01', 4);
    await ok(
      koers.call('goals.set', {
        clientId: client.id,
        indicatorKey: indicator.key,
        target: 5,
        targetDate: '2027-06-01',
      }),
    );
    await ok(
      koers.call('notes.create', {
        clientId: client.id,
        kind: 'milestone',
        notedAt: '2026-09-01T10:00',
        body: 'Gestart met vrijwilligerswerk',
      }),
    );

    const chart = await ok(koers.call('charts.progression', { clientId: client.id }));
    expect(chart.ladder).toBe(true);
    expect(chart.series.map((s) => [s.by, s.points.map((p) => p.value)])).toEqual([
      ['caseworker', [2, 3, 4]],
      ['client', [5]],
    ]);
    expect(chart.goals).toEqual([{ key: indicator.key, target: 5, targetDate: '2027-06-01' }]);
    expect(chart.milestones).toEqual([{ date: '2026-09-01', title: 'Gestart met vrijwilligerswerk' }]);

    const team = await ok(koers.call('team.view', { sheetId: sheet.id }));
    expect(team.indicators).toEqual([
      { key: indicator.key, name: indicator.name, clients: 1, averageChange: 2, improved: 1, same: 0, declined: 0 },
    ]);
    expect(team.compass[0]).toMatchObject({ caseload: 1, weightedWorkload: 1, averageProgression: 2 });
    expect((await ok(koers.call('team.view', { sheetId: sheet.id, from: '2026-08-01' }))).indicators[0]).toMatchObject({
      clients: 1,
      averageChange: 1,
    });
    expect(await koers.call('team.view', { sheetId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
