import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, PRAGMAS } from '../../db/connection';
import { tempFolder } from '../helpers/temp';

describe('openConnection', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder();
  });
  afterEach(() => temp.cleanup());

  it('opens a file with WAL, foreign keys, busy timeout, synchronous=FULL and secure_delete', async () => {
    const connection = openConnection(join(temp.path, 'koers.sqlite'));
    const pragma = (name: string) => connection.sqlite.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(PRAGMAS.busy_timeout);
    expect(pragma('synchronous')).toBe(2);
    // Deleted content is overwritten, so an erased client's text does not linger in free space.
    expect(pragma('secure_delete')).toBe(1);
    await connection.close();
  });

  it('enforces foreign keys', async () => {
    const connection = openConnection(join(temp.path, 'fk.sqlite'));
    connection.sqlite.exec('CREATE TABLE parent (id TEXT PRIMARY KEY); CREATE TABLE child (parent_id TEXT REFERENCES parent(id));');
    expect(() => connection.sqlite.prepare("INSERT INTO child VALUES ('missing')").run()).toThrow(/FOREIGN KEY/);
    await connection.close();
  });

  it('refuses a database it cannot put in WAL mode instead of running without it', async () => {
    // An in-memory database reports journal_mode=memory: the assertion must catch that.
    expect(() => openConnection(':memory:')).toThrow(/journal_mode/);
  });
});
