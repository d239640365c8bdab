import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../db/migrate';
import { checkDatabaseFile, DamagedDatabaseError } from '../../main/safety/recovery';
import { startupTexts } from '../../common/i18n/startup';
import { startupFailure } from '../../main/startup-messages';
import { openTestKoers } from '../helpers/koers';
import { setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

describe('a database that cannot be opened at start', () => {
  let temp: ReturnType<typeof tempFolder>;
  let path: string;
  beforeEach(async () => {
    temp = tempFolder();
    const koers = await openTestKoers({ folder: temp.path });
    await setUp(koers);
    await koers.close();
    path = join(temp.path, 'koers.sqlite');
  });
  afterEach(() => temp.cleanup());

  it('is not called damaged (and so never set aside) when another program holds it locked', () => {
    const other = new BetterSqlite3(path);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      let failure: unknown;
      try {
        checkDatabaseFile(path);
      } catch (error) {
        failure = error;
      }
      expect(failure).not.toBeInstanceOf(DamagedDatabaseError);
      expect(failure).toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
      expect(startupFailure(failure)).toBe('busy');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(existsSync(path)).toBe(true);
  });

  it('still calls a file that is not a database damaged', () => {
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 0, 100);
    writeFileSync(path, bytes);
    expect(() => checkDatabaseFile(path)).toThrow(DamagedDatabaseError);
  });

  it('names the reason in the user language: newer Koers, busy, disk full, read-only, anything else', () => {
    const sqliteError = (code: string) => Object.assign(new Error(code), { code });
    expect(startupFailure(new DatabaseTooNewError(['0099_future']))).toBe('tooNew');
    expect(startupFailure(sqliteError('SQLITE_FULL'))).toBe('diskFull');
    expect(startupFailure(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe('readOnly');
    expect(startupFailure(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('readOnly');
    expect(startupFailure(new TypeError('bug'))).toBe('openFailed');
    for (const language of ['nl', 'da', 'en'] as const) {
      const messages = startupTexts[language];
      const texts = (['tooNew', 'busy', 'diskFull', 'readOnly', 'openFailed'] as const).map((key) => messages[key]);
      expect(new Set(texts).size).toBe(5);
    }
    expect(startupTexts.nl.busy).toMatch(/ander programma/);
  });
});
