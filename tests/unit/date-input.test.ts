import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../common/languages';
import { formatTypedDate, monthGrid, parseTypedDate, parseTypedTime } from '../../renderer/src/dateInput';
import { formatDate, formatDateTime } from '../../renderer/src/format';
import { resources } from '../../renderer/src/i18n';

const TODAY = '2026-12-07';
const date = (typed: string, today = TODAY) => parseTypedDate(typed, today);
const value = (v: string) => ({ kind: 'value', value: v });
const invalid = { kind: 'invalid' };

describe('typed dates, day first', () => {
  it.each([
    ['7-12', '2026-12-07'],
    ['7/12', '2026-12-07'],
    ['7.12', '2026-12-07'],
    ['7 12', '2026-12-07'],
    ['0712', '2026-12-07'],
    ['07122026', '2026-12-07'],
    ['071226', '2026-12-07'],
    ['7-12-2026', '2026-12-07'],
    ['07-12-2026', '2026-12-07'],
    ['7.12.26', '2026-12-07'],
    ['7/12/2026', '2026-12-07'],
    [' 7 - 12 - 2026 ', '2026-12-07'],
    ['2026-12-07', '2026-12-07'],
    ['1-3-2027', '2027-03-01'],
  ])('%s is %s', (typed, expected) => {
    expect(date(typed)).toEqual(value(expected));
  });

  it('takes a missing year from today, and keeps a typed one', () => {
    expect(date('15-3', '2031-01-20')).toEqual(value('2031-03-15'));
    expect(date('15-3-2019', '2031-01-20')).toEqual(value('2019-03-15'));
    expect(date('15031999', '2031-01-20')).toEqual(value('1999-03-15'));
  });

  it('puts a two-digit year at most 20 years ahead: birth dates fall in the last century', () => {
    expect(date('14.3.88')).toEqual(value('1988-03-14'));
    expect(date('1-1-46')).toEqual(value('2046-01-01'));
    expect(date('1-1-47')).toEqual(value('1947-01-01'));
  });

  it('refuses dates that do not exist', () => {
    for (const typed of ['31-2', '30-2-2026', '31-4-2026', '0-5', '5-0', '32-1', '1-13', '31062026', '2026-02-30'])
      expect(date(typed), typed).toEqual(invalid);
  });

  it('knows leap years', () => {
    expect(date('29-2-2028')).toEqual(value('2028-02-29'));
    expect(date('29-2-2000')).toEqual(value('2000-02-29'));
    expect(date('29-2-2026')).toEqual(invalid);
    expect(date('29-2-1900')).toEqual(invalid);
    expect(date('29-2', '2028-01-10')).toEqual(value('2028-02-29'));
    expect(date('29-2', '2027-01-10')).toEqual(invalid);
  });

  it('refuses what is not a date, and reads nothing as empty', () => {
    for (const typed of [
      '7',
      '712',
      '7-12-202',
      '7-12-20266',
      'morgen',
      '7-12-2026-1',
      '12345',
      '1.2.3',
      '7--12',
      '123-4',
    ])
      expect(date(typed), typed).toEqual(invalid);
    expect(date('')).toEqual({ kind: 'empty' });
    expect(date('   ')).toEqual({ kind: 'empty' });
  });

  it('keeps to the years Koers accepts', () => {
    expect(date('1-1-1899')).toEqual(invalid);
    expect(date('1-1-2101')).toEqual(invalid);
  });

  it('writes a date back day first', () => {
    expect(formatTypedDate('2026-12-07')).toBe('07-12-2026');
    expect(formatTypedDate('1988-03-14')).toBe('14-03-1988');
  });
});

describe('typed times, 24-hour', () => {
  it.each([
    ['14:30', '14:30'],
    ['14.30', '14:30'],
    ['1430', '14:30'],
    ['930', '09:30'],
    ['9:05', '09:05'],
    ['9', '09:00'],
    ['0', '00:00'],
    ['23:59', '23:59'],
  ])('%s is %s', (typed, expected) => {
    expect(parseTypedTime(typed)).toEqual(value(expected));
  });
  it('refuses what is not a time', () => {
    for (const typed of ['24:00', '12:60', '9:5', '2pm', '12345', '1:2:3'])
      expect(parseTypedTime(typed), typed).toEqual(invalid);
    expect(parseTypedTime('')).toEqual({ kind: 'empty' });
  });
});

describe('the calendar month', () => {
  it('starts its weeks on Monday', () => {
    // December 2026 starts on a Tuesday and has 31 days.
    const weeks = monthGrid(2026, 12);
    expect(weeks[0]).toEqual([null, 1, 2, 3, 4, 5, 6]);
    expect(weeks.at(-1)).toEqual([28, 29, 30, 31, null, null, null]);
    expect(monthGrid(2028, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('each language', () => {
  const shown = { nl: '16 jan 2023', da: '16. jan. 2023', en: '16 Jan 2023' } as const;
  const placeholders = { nl: 'dd-mm-jjjj', da: 'dd-mm-åååå', en: 'dd-mm-yyyy' } as const;
  it.each(LANGUAGES)('%s shows a date with a four-digit year, and a 24-hour time', (language) => {
    expect(formatDate('2023-01-16', language)).toBe(shown[language]);
    expect(formatDateTime('2023-01-16T14:05', language)).toMatch(/^16\.? [jJ]an\.? 2023,? (kl\. )?14[:.]05$/);
    expect(resources[language].translation.dates.placeholder).toBe(placeholders[language]);
  });
});
