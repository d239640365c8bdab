import { describe, expect, it } from 'vitest';
import type { CaseloadRow } from '../../common/contract';
import { caseloadRow } from '../helpers/caseload-row';
import { nameSortKey, splitSurname } from '../../renderer/src/caseload/collation';
import { COLUMNS, type RowContext, sortRows } from '../../renderer/src/caseload/columns';
import { nextSort, shownColumns, sortColumns } from '../../renderer/src/caseload/view-state';

const row = (id: string, lastName: string, firstName: string, over: Partial<CaseloadRow> = {}): CaseloadRow =>
  caseloadRow({ id, pseudonym: `K-${id}`, lastName, firstName, ...over });
const ctx: RowContext = {
  today: '2026-11-23',
  labelOf: (id) => ({ s1: 'Intake', s2: 'Uitvoeren' })[id ?? ''] ?? '',
  caseworkerName: () => '',
  stageWeight: () => 1,
  pseudonyms: false,
};
const column = (id: string) => COLUMNS.find((c) => c.id === id)!;
const byName = (rows: CaseloadRow[], locale = 'nl') =>
  sortRows(rows, [{ column: column('name'), direction: 'ascending' }], ctx, locale).map(
    (r) => `${r.lastName}, ${r.firstName}`,
  );

describe('Dutch surnames: the tussenvoegsel does not decide the order', () => {
  it('splits the prefix off the surname, keeping what is typed', () => {
    expect(splitSurname('van den Berg')).toEqual({ prefix: 'van den', main: 'Berg' });
    expect(splitSurname('de Vries')).toEqual({ prefix: 'de', main: 'Vries' });
    expect(splitSurname('Van der Meer')).toEqual({ prefix: 'Van der', main: 'Meer' });
    expect(splitSurname("in 't Veld")).toEqual({ prefix: "in 't", main: 'Veld' });
    expect(splitSurname('’t Hart')).toEqual({ prefix: '’t', main: 'Hart' });
    expect(splitSurname('op de Beek')).toEqual({ prefix: 'op de', main: 'Beek' });
    expect(splitSurname('ter Horst')).toEqual({ prefix: 'ter', main: 'Horst' });
    expect(splitSurname('ten Cate')).toEqual({ prefix: 'ten', main: 'Cate' });
    expect(splitSurname('van Dijk-de Groot')).toEqual({ prefix: 'van', main: 'Dijk-de Groot' });
  });

  it('leaves names that only look like prefixes alone', () => {
    expect(splitSurname('De')).toEqual({ prefix: '', main: 'De' });
    expect(splitSurname('Op')).toEqual({ prefix: '', main: 'Op' });
    // "in", "op", "uit" are a prefix only before another one.
    expect(splitSurname('In Beek')).toEqual({ prefix: '', main: 'In Beek' });
    expect(splitSurname('Vandenberg')).toEqual({ prefix: '', main: 'Vandenberg' });
    expect(splitSurname('Østergaard')).toEqual({ prefix: '', main: 'Østergaard' });
    expect(splitSurname('El Amrani')).toEqual({ prefix: '', main: 'El Amrani' });
  });

  it('sorts on surname, first name, then prefix', () => {
    expect(nameSortKey('van den Berg', 'Jan')).toBe('Berg Jan van den');
    expect(nameSortKey('Bakker', 'Piet')).toBe('Bakker Piet');
  });

  it('files "van den Berg" under B, between Bakker and Boer, and "de Vries" under V', () => {
    const rows = [
      row('1', 'de Vries', 'Anne'),
      row('2', 'van den Berg', 'Jan'),
      row('3', 'Bakker', 'Piet'),
      row('4', 'Aalders', 'Ank'),
      row('5', 'de Boer', 'Sanne'),
      row('6', 'Visser', 'Lotte'),
      row('7', 'Berg', 'Ali'),
      row('8', "in 't Veld", 'Kees'),
    ];
    expect(byName(rows)).toEqual([
      'Aalders, Ank',
      'Bakker, Piet',
      'Berg, Ali',
      'van den Berg, Jan',
      'de Boer, Sanne',
      "in 't Veld, Kees",
      'Visser, Lotte',
      'de Vries, Anne',
    ]);
  });

  it('uses the locale collator for the rest: Danish Ø and Å after Z, Dutch Ø with O, case and accents equal', () => {
    const rows = [row('1', 'Østergaard', 'Søren'), row('2', 'Zander', 'Zoë'), row('3', 'Olsen', 'Ib')];
    expect(byName(rows, 'da-DK')).toEqual(['Olsen, Ib', 'Zander, Zoë', 'Østergaard, Søren']);
    expect(byName(rows, 'nl-NL')).toEqual(['Olsen, Ib', 'Østergaard, Søren', 'Zander, Zoë']);
    expect(byName([row('1', 'émile', 'B'), row('2', 'Emile', 'A')])).toEqual(['Emile, A', 'émile, B']);
  });
});

describe('sorting by two keys', () => {
  const rows = [
    row('1', 'Aalders', 'Ank', { stageId: 's2' }),
    row('2', 'Bakker', 'Piet', { stageId: 's1' }),
    row('3', 'Claes', 'Ida', { stageId: 's2' }),
    row('4', 'Dekker', 'Bo', { stageId: 's1' }),
  ];
  const ids = (keys: Parameters<typeof sortColumns>[0]) =>
    sortRows(rows, sortColumns(keys, COLUMNS), ctx, 'nl')
      .map((r) => r.id)
      .join('');

  it('orders by the first key, then the second within it', () => {
    expect(
      ids([
        { column: 'stage', direction: 'ascending' },
        { column: 'name', direction: 'descending' },
      ]),
    ).toBe('4231');
    expect(
      ids([
        { column: 'stage', direction: 'descending' },
        { column: 'name', direction: 'ascending' },
      ]),
    ).toBe('1324');
  });

  it('a click sorts by one column, a second click turns it round; Shift+click adds or turns the second key', () => {
    const name = nextSort([], 'name', false);
    expect(name).toEqual([{ column: 'name', direction: 'ascending' }]);
    expect(nextSort(name, 'name', false)).toEqual([{ column: 'name', direction: 'descending' }]);
    const two = nextSort(nextSort(name, 'stage', false), 'name', true);
    expect(two).toEqual([
      { column: 'stage', direction: 'ascending' },
      { column: 'name', direction: 'ascending' },
    ]);
    expect(nextSort(two, 'name', true)[1]).toEqual({ column: 'name', direction: 'descending' });
    // A third column by Shift+click replaces the second key; a plain click starts over.
    expect(nextSort(two, 'weeks', true).map((k) => k.column)).toEqual(['stage', 'weeks']);
    expect(nextSort(two, 'weeks', false)).toEqual([{ column: 'weeks', direction: 'ascending' }]);
  });

  it('keeps the name whatever is hidden, and the caseworker only for lists of several caseworkers', () => {
    expect(shownColumns(['name', 'stage'], false).map((c) => c.id)).not.toContain('stage');
    expect(shownColumns(['name', 'stage'], false)[0]?.id).toBe('name');
    expect(shownColumns([], false).map((c) => c.id)).not.toContain('caseworker');
    expect(shownColumns([], true).map((c) => c.id)).toContain('caseworker');
    // A sort key on a hidden column sorts no more.
    expect(sortColumns([{ column: 'stage', direction: 'ascending' }], shownColumns(['stage'], false))).toEqual([
      { column: COLUMNS[0], direction: 'ascending' },
    ]);
  });
});
