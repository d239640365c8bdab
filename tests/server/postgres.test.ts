import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres } from './postgres';

describe('the throwaway PostgreSQL harness', () => {
  it('starts PostgreSQL 15 on loopback, answers only there, and removes its folder when stopped', async () => {
    const postgres = await startPostgres();
    try {
      const client = new pg.Client({ connectionString: postgres.adminUrl });
      await client.connect();
      const { rows } = await client.query<{ version: string; fsync: string; listen: string }>(
        `select current_setting('server_version_num') as version, current_setting('fsync') as fsync,
                current_setting('listen_addresses') as listen`,
      );
      await client.end();
      expect(rows[0]).toEqual({ version: expect.stringMatching(/^15/), fsync: 'off', listen: '127.0.0.1' });
      expect(existsSync(postgres.folder)).toBe(true);
    } finally {
      await postgres.stop();
    }
    expect(existsSync(postgres.folder)).toBe(false);
  });
});
