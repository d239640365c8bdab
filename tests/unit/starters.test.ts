import { describe, expect, it } from 'vitest';
import { type Starter, type StarterLanguage, starterSheet } from '../../db/starters';

const STARTERS: readonly Starter[] = ['ladder', 'work_readiness', 'empty'];
const LANGUAGES: readonly StarterLanguage[] = ['nl', 'da', 'en'];

describe('starter sheets', () => {
  it.each(STARTERS)('%s: the same indicator keys and scales in every language', (starter) => {
    const [first, ...rest] = LANGUAGES.map((language) => starterSheet(starter, language));
    const shape = (sheet: ReturnType<typeof starterSheet>) =>
      sheet.indicators.map((i) => [i.key, i.scaleMin, i.scaleMax]);
    for (const sheet of rest) expect(shape(sheet)).toEqual(shape(first!));
    expect(new Set(first!.indicators.map((i) => i.key)).size).toBe(first!.indicators.length);
    for (const key of first!.indicators.map((i) => i.key)) expect(key).toMatch(/^[a-z][a-z_]*$/);
  });

  it.each(STARTERS.flatMap((starter) => LANGUAGES.map((language) => [starter, language] as const)))(
    '%s (%s): one labelled, described level per scale value',
    (starter, language) => {
      const sheet = starterSheet(starter, language);
      expect(sheet.name.trim()).not.toBe('');
      if (starter === 'empty') {
        expect(sheet.indicators).toEqual([]);
        return;
      }
      expect(sheet.description.trim()).not.toBe('');
      expect(sheet.indicators.length).toBeGreaterThan(0);
      for (const indicator of sheet.indicators) {
        expect(indicator.name.trim()).not.toBe('');
        expect(indicator.description?.trim()).toBeTruthy();
        expect(Number.isInteger(indicator.scaleMin) && Number.isInteger(indicator.scaleMax)).toBe(true);
        expect(indicator.scaleMin).toBeLessThan(indicator.scaleMax);
        const values = Array.from(
          { length: indicator.scaleMax - indicator.scaleMin + 1 },
          (_, i) => indicator.scaleMin + i,
        );
        expect(indicator.levels.map((l) => l.value)).toEqual(values);
        for (const level of indicator.levels) {
          expect(level.label.trim()).not.toBe('');
          expect(level.description?.trim()).toBeTruthy();
        }
        // Within one indicator, every level reads differently.
        expect(new Set(indicator.levels.map((l) => l.label)).size).toBe(indicator.levels.length);
        expect(new Set(indicator.levels.map((l) => l.description)).size).toBe(indicator.levels.length);
      }
    },
  );

  it('work readiness has the seven agreed indicators on a 1–5 scale', () => {
    const sheet = starterSheet('work_readiness', 'en');
    expect(sheet.name).toBe('Work readiness');
    expect(starterSheet('work_readiness', 'nl').name).toBe('Werkfitheid');
    expect(starterSheet('work_readiness', 'da').name).toBe('Jobparathed');
    expect(sheet.indicators.map((i) => i.key)).toEqual([
      'motivation',
      'work_identity',
      'health',
      'punctuality',
      'social_network',
      'language',
      'finances',
    ]);
    expect(sheet.indicators.every((i) => i.scaleMin === 1 && i.scaleMax === 5)).toBe(true);
  });

  it.each(STARTERS)('%s: the texts differ per language', (starter) => {
    const sheets = LANGUAGES.map((language) => starterSheet(starter, language));
    expect(new Set(sheets.map((s) => s.name)).size).toBe(LANGUAGES.length);
    // Indicator by indicator: a name may coincide (Motivation), the whole text may not.
    const texts = (sheet: ReturnType<typeof starterSheet>, i: number) => {
      const indicator = sheet.indicators[i]!;
      return JSON.stringify([
        indicator.name,
        indicator.description,
        indicator.levels.map((l) => [l.label, l.description]),
      ]);
    };
    for (let i = 0; i < sheets[0]!.indicators.length; i++)
      expect(new Set(sheets.map((s) => texts(s, i))).size).toBe(LANGUAGES.length);
    // Level descriptions are never copied between languages.
    const descriptions = sheets.map((s) => new Set(s.indicators.flatMap((i) => i.levels.map((l) => l.description))));
    for (let a = 0; a < descriptions.length; a++) {
      for (let b = a + 1; b < descriptions.length; b++)
        expect([...descriptions[a]!].filter((d) => descriptions[b]!.has(d))).toEqual([]);
    }
  });

  it('returns a fresh copy each time: editing a draft never changes the starter', () => {
    const a = starterSheet('work_readiness', 'nl');
    a.indicators[0]!.levels[0]!.label = 'changed';
    a.indicators.pop();
    const b = starterSheet('work_readiness', 'nl');
    expect(b.indicators).toHaveLength(7);
    expect(b.indicators[0]!.levels[0]!.label).not.toBe('changed');
  });
});
