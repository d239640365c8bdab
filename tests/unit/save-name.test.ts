import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveName } from '../../main/save-name';

describe('the file name a save dialog suggests', () => {
  it.each([
    ['Scores 2026-11-23', 'Scores 2026-11-23.xlsx'],
    ['Scores ../../etc/evil 2026-11-23', 'Scores ..-..-etc-evil 2026-11-23.xlsx'],
    ['..\\..\\Windows\\System32\\evil', '-..-Windows-System32-evil.xlsx'],
    ['a:b*c?d"e<f>g|h', 'a-b-c-d-e-f-g-h.xlsx'],
    ['C:\\Users\\Public\\x', 'C-Users-Public-x.xlsx'],
    ['Jan\nde\tVries\u0000', 'Jan de Vries.xlsx'],
    ['Jan \u202Eslx.exe', 'Jan slx.exe.xlsx'],
    ['...hidden', 'hidden.xlsx'],
    ['trailing. . .', 'trailing.xlsx'],
    ['   spaced    out   ', 'spaced out.xlsx'],
    ['CON', '_CON.xlsx'],
    ['con', '_con.xlsx'],
    ['NUL.txt', '_NUL.txt.xlsx'],
    ['COM1', '_COM1.xlsx'],
    ['lpt9 ', '_lpt9.xlsx'],
    ['AUX .tar', '_AUX .tar.xlsx'],
    ['CONSOLE', 'CONSOLE.xlsx'],
    ['', 'Koers.xlsx'],
    ['../..', '-.xlsx'],
    ['//', '-.xlsx'],
  ])('%j → %j', (base, name) => {
    expect(saveName(base, 'xlsx')).toBe(name);
  });

  it('stays one file name in the folder on every platform', () => {
    for (const base of ['../../etc/evil', '..\\..\\x', 'C:\\x', '/etc/passwd', 'a/../../b']) {
      const name = saveName(base, 'csv');
      expect(posix.basename(name)).toBe(name);
      expect(win32.basename(name)).toBe(name);
      expect(posix.dirname(posix.join('/home/jan/Documenten', name))).toBe('/home/jan/Documenten');
      expect(win32.dirname(win32.join('C:\\Users\\jan\\Documents', name))).toBe('C:\\Users\\jan\\Documents');
    }
  });

  it('keeps names within what file systems take, letters whole', () => {
    const name = saveName(`Scores ${'😀'.repeat(100)}`, 'xlsx');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).toBe(`Scores ${'😀'.repeat(48)}.xlsx`);
    expect(saveName('Ø'.repeat(300), 'csv')).toBe(`${'Ø'.repeat(100)}.csv`);
  });
});
