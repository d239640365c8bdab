import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CaseloadRow, Scoring } from '../../common/contract';
import { comparisonRows, findComparison, raterKey } from '../../renderer/src/scoring/logic';
import { caseloadRow } from '../helpers/caseload-row';
import {
  COLUMNS,
  isCovered,
  isDueForScoring,
  type RowContext,
  sortRows,
  summarize,
} from '../../renderer/src/caseload/columns';
import { weeksBetween } from '../../common/dates';
import { groupAgenda } from '../../renderer/src/myday/MyDayPage';
import { href, parseRoute } from '../../renderer/src/router';
import type { FieldName } from '../../renderer/src/ui/useSave';

const ctx: RowContext = {
  today: '2026-11-23',
  labelOf: (id) => ({ s1: 'Kennismaking', s2: 'Uitvoeren' })[id ?? ''] ?? '',
  caseworkerName: () => '',
  stageWeight: (id) => ({ s1: 1.5, s2: 1 })[id ?? ''] ?? 1,
  pseudonyms: false,
};
const column = (id: string) => COLUMNS.find((c) => c.id === id)!;

describe('caseload sorting', () => {
  const rows = [
    caseloadRow({ id: '1', lastName: 'Østergaard', firstName: 'Søren', stageSince: '2026-10-01', overdueCount: 2 }),
    caseloadRow({ id: '2', lastName: 'de Boer', firstName: 'Jan', stageSince: '2026-11-20' }),
    caseloadRow({ id: '3', lastName: 'Zander', firstName: 'Zoë' }),
    caseloadRow({ id: '4', lastName: 'Aalders', firstName: 'Ank', stageSince: '2026-06-01', overdueCount: 1 }),
  ];
  const ids = (sorted: CaseloadRow[]) => sorted.map((r) => r.id).join('');

  it('sorts names by the user language: in Danish Ø and Aa (= Å) come after Z; in Dutch Ø sorts with O', () => {
    expect(ids(sortRows(rows, [{ column: column('name'), direction: 'ascending' }], ctx, 'da'))).toBe('2314');
    expect(ids(sortRows(rows, [{ column: column('name'), direction: 'ascending' }], ctx, 'nl'))).toBe('4213');
  });

  it('sorts numbers numerically, both ways, with empty values last', () => {
    expect(ids(sortRows(rows, [{ column: column('weeks'), direction: 'ascending' }], ctx, 'nl'))).toBe('2143');
    expect(ids(sortRows(rows, [{ column: column('weeks'), direction: 'descending' }], ctx, 'nl'))).toBe('4123');
    expect(ids(sortRows(rows, [{ column: column('overdue'), direction: 'descending' }], ctx, 'nl'))).toBe('1423');
  });

  it('sums active clients, stage weights, overdue to-dos and coverage', () => {
    const summary = summarize(
      [
        caseloadRow({ stageId: 's1', overdueCount: 2, lastScoredOn: '2026-11-01', scoringDueOn: '2026-11-29' }),
        caseloadRow({ stageId: 's2', lastScoredOn: '2026-09-01', scoringDueOn: '2026-11-23' }),
        caseloadRow({
          status: 'closed',
          stageId: 's1',
          overdueCount: 5,
          lastScoredOn: '2026-11-01',
          scoringDueOn: '2026-12-01',
        }),
      ],
      ctx.stageWeight,
      '2026-11-23',
    );
    expect(summary).toEqual({ clients: 2, weightedWorkload: 2.5, overdue: 2, coverage: 0.5 });
    expect(summarize([], ctx.stageWeight, '2026-11-23').coverage).toBeNull();
  });

  it('marks a client due for scoring on the due day, not the day before', () => {
    expect(isDueForScoring(caseloadRow({ scoringDueOn: '2026-11-23' }), '2026-11-23')).toBe(true);
    expect(isDueForScoring(caseloadRow({ scoringDueOn: '2026-11-24' }), '2026-11-23')).toBe(false);
    expect(isDueForScoring(caseloadRow({ scoringDueOn: '2026-11-01', status: 'closed' }), '2026-11-23')).toBe(false);
    expect(isCovered(caseloadRow({ lastScoredOn: null, scoringDueOn: '2026-12-01' }), '2026-11-23')).toBe(false);
  });

  it('counts whole weeks in stage', () => {
    expect(weeksBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(weeksBetween('2026-11-16', '2026-11-23')).toBe(1);
    expect(weeksBetween('2026-11-10', '2026-11-23')).toBe(1);
    expect(weeksBetween('2026-11-30', '2026-11-23')).toBe(0);
  });
});

describe('My day grouping', () => {
  it('puts to-dos before today under overdue, then today, then the rest of the week', () => {
    const item = (dueDate: string) => ({
      id: dueDate,
      clientId: 'c',
      title: dueDate,
      kind: 'task' as const,
      dueDate,
      dueTime: null,
      done: false,
      doneAt: null,
      noteId: null,
      client: { id: 'c', firstName: 'A', lastName: 'B', pseudonym: 'K-1' },
    });
    const groups = groupAgenda([item('2026-11-20'), item('2026-11-23'), item('2026-11-26')], '2026-11-23');
    expect([groups.overdue, groups.today, groups.thisWeek].map((g) => g.map((i) => i.dueDate))).toEqual([
      ['2026-11-20'],
      ['2026-11-23'],
      ['2026-11-26'],
    ]);
  });
});

describe('routes', () => {
  it.each([
    ['', { page: 'caseload' }],
    ['#/', { page: 'caseload' }],
    ['#/clients/0192-abc', { page: 'client', id: '0192-abc' }],
    ['#/my-day', { page: 'myDay' }],
    ['#/households/h1', { page: 'household', id: 'h1' }],
    ['#/lists', { page: 'lists' }],
    ['#/present', { page: 'present' }],
    ['#/report/c%2F1', { page: 'report', clientId: 'c/1', pseudonymised: false }],
    ['#/report/c1/pseudonymised', { page: 'report', clientId: 'c1', pseudonymised: true }],
    ['#/nonsense', { page: 'caseload' }],
  ] as const)('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(href(route))).toEqual(route);
  });
});

describe('form fields', () => {
  // Checked by the type checker (npm run typecheck): a field is bound to its save by a name the method takes.
  it('names a field as its method’s input does, when that name has a label', () => {
    expectTypeOf<FieldName<'clients.changeStage'>>().toEqualTypeOf<'id' | 'stageId' | 'date'>();
    // A note is for a client or for a household: the fields of either count.
    expectTypeOf<'householdId'>().toExtend<FieldName<'notes.create'>>();
    // Stage and caseworker change through their own dialogs, never through clients.update.
    expectTypeOf<'stageId'>().not.toExtend<FieldName<'clients.update'>>();
  });
});

describe('raters of one period side by side', () => {
  const scoring = (
    id: string,
    date: string,
    scoredBy: Scoring['scoredBy'],
    values: Array<number | null>,
    organisation: string | null = null,
  ): Scoring => ({
    id,
    clientId: 'c',
    versionId: 'v1',
    sheetId: 's',
    sheetName: 'Werkfit',
    versionNumber: 1,
    date,
    scoredBy,
    organisation,
    caseworkerId: 'w',
    edited: false,
    scores: ['fin', 'won'].map((key, i) => ({
      indicatorId: `${key}1`,
      indicatorKey: key,
      indicatorName: key,
      value: values[i] ?? null,
      label: null,
      comment: null,
    })),
  });

  it('takes the newest scoring with every other rater of its week, client first; two providers are two raters', () => {
    const scorings = [
      scoring('p2', '2026-11-20', 'provider', [1, 2], 'Jobcoach Noord'),
      scoring('p1', '2026-11-19', 'provider', [4, 2], 'werkbrug'),
      scoring('c2', '2026-11-18', 'caseworker', [3, 2]),
      scoring('s1', '2026-11-17', 'client', [5, 2]),
      scoring('c1', '2026-11-01', 'caseworker', [1, 1]),
    ];
    const period = findComparison(scorings);
    expect(period?.scorings.map((s) => s.id)).toEqual(['s1', 'c2', 'p2', 'p1']);
    const rows = comparisonRows(period!);
    // Never an average: each value stays; more than two differ by their range.
    expect(rows.map((r) => [r.key, r.scores.map((s) => s?.value), r.difference])).toEqual([
      ['fin', [5, 3, 1, 4], { kind: 'range', min: 1, max: 5 }],
      ['won', [2, 2, 2, 2], { kind: 'same' }],
    ]);
    // The same organisation typed otherwise is the same rater: the closer scoring stands for it.
    expect(raterKey(scorings[1]!)).toBe(raterKey({ scoredBy: 'provider', organisation: 'Werkbrug' }));
  });

  it('two raters differ by the first minus the second; one rater alone, or a week apart, is no comparison', () => {
    const pair = findComparison([
      scoring('s', '2026-11-20', 'client', [2, null]),
      scoring('c', '2026-11-14', 'caseworker', [4, 3]),
    ]);
    expect(comparisonRows(pair!).map((r) => r.difference)).toEqual([{ kind: 'delta', diff: -2 }, { kind: 'none' }]);
    // Three raters, one of whom left it unscored: the range, never a Δ between whichever two scored.
    const three = findComparison([
      scoring('s', '2026-11-20', 'client', [null, 3]),
      scoring('c', '2026-11-19', 'caseworker', [4, 3]),
      scoring('p', '2026-11-18', 'provider', [2, 3], 'Werkbrug'),
    ]);
    expect(comparisonRows(three!).map((r) => r.difference)).toEqual([
      { kind: 'range', min: 2, max: 4 },
      { kind: 'same' },
    ]);
    expect(
      findComparison([scoring('a', '2026-11-20', 'caseworker', [1]), scoring('b', '2026-11-19', 'together', [1])]),
    ).not.toBeNull();
    expect(
      findComparison([scoring('a', '2026-11-20', 'caseworker', [1]), scoring('b', '2026-11-10', 'client', [1])]),
    ).toBeNull();
    expect(
      findComparison([scoring('a', '2026-11-20', 'caseworker', [1]), scoring('b', '2026-11-19', 'caseworker', [2])]),
    ).toBeNull();
  });
});
