import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Connection, openConnection } from '../../db/connection';
import {
  allowingSchemaEdits,
  DatabaseTooNewError,
  KNOWN_MIGRATIONS,
  MigrationError,
  migrateToLatest,
} from '../../db/migrate';
import { migrationProvider } from '../../db/migrations';
import { listCaseload } from '../../db/queries/clients';
import { isDatabaseId, readDatabaseId } from '../../db/queries/meta';
import { tempFolder } from '../helpers/temp';

async function columns(connection: Connection, table: string): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(connection.db);
  return rows.rows.map((r) => r.name);
}

async function executed(connection: Connection): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(connection.db);
  return rows.rows.map((r) => r.name);
}

describe('migrations', () => {
  let temp: ReturnType<typeof tempFolder>;
  let connection: Connection;
  beforeEach(() => {
    temp = tempFolder();
    connection = openConnection(join(temp.path, 'koers.sqlite'));
  });
  afterEach(async () => {
    await connection.close();
    temp.cleanup();
  });

  it('migrates an empty database to the latest version, and a second run does nothing', async () => {
    expect((await migrateToLatest(connection)).applied).toEqual(KNOWN_MIGRATIONS);
    expect(await executed(connection)).toEqual(KNOWN_MIGRATIONS);
    expect((await migrateToLatest(connection)).applied).toEqual([]);
  });

  it('migrates a version-1 database holding clients: each gets a pseudonym in creation order, and numbering continues', async () => {
    // A database as Koers 0001 left it, with rows.
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0001_caseworker_client');
    connection.sqlite.exec(`
      INSERT INTO caseworker (id, name, created_at, updated_at) VALUES ('cw1', 'Anne de Vries', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z');
      INSERT INTO client (id, reference, first_name, last_name, caseworker_id, created_at, updated_at)
      VALUES ('c-late', '1003', 'Søren', 'Østergaard', 'cw1', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z'),
             ('c-early', '1001', 'Fatima', 'El Amrani', 'cw1', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z'),
             ('c-mid', NULL, 'Jan', 'Jansen', NULL, '2026-02-10T11:30:00Z', '2026-02-10T11:30:00Z');
    `);
    expect(await columns(connection, 'client')).not.toContain('pseudonym');

    const report = await migrateToLatest(connection);
    expect(report.applied).toEqual(KNOWN_MIGRATIONS.slice(1));

    const clients = await connection.db
      .selectFrom('client')
      .select(['id', 'pseudonym', 'reference', 'first_name', 'caseworker_id'])
      .orderBy('pseudonym')
      .execute();
    expect(clients).toEqual([
      { id: 'c-early', pseudonym: 'K-0001', reference: '1001', first_name: 'Fatima', caseworker_id: 'cw1' },
      { id: 'c-mid', pseudonym: 'K-0002', reference: null, first_name: 'Jan', caseworker_id: null },
      { id: 'c-late', pseudonym: 'K-0003', reference: '1003', first_name: 'Søren', caseworker_id: 'cw1' },
    ]);
    const sequence = await connection.db.selectFrom('sequence').selectAll().execute();
    expect(sequence).toEqual([{ name: 'client_pseudonym', value: 3 }]);
    expect((await listCaseload(connection.db, { status: 'all', today: '2026-11-23' })).map((c) => c.lastName)).toEqual([
      'El Amrani',
      'Jansen',
      'Østergaard',
    ]);
  });

  it('migrates a version-2 database with clients to the caseload schema: active, started when created, default lists present', async () => {
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0002_client_pseudonym');
    connection.sqlite.exec(`
      INSERT INTO caseworker (id, name, created_at, updated_at) VALUES ('cw1', 'Anne de Vries', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z');
      INSERT INTO client (id, reference, first_name, last_name, pseudonym, caseworker_id, created_at, updated_at)
      VALUES ('c1', '1001', 'Fatima', 'El Amrani', 'K-0001', 'cw1', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z');
    `);
    await migrateToLatest(connection);

    const client = await connection.db.selectFrom('client').selectAll().executeTakeFirstOrThrow();
    expect(client).toMatchObject({
      id: 'c1',
      status: 'active',
      start_date: '2026-01-05',
      stage_id: null,
      household_id: null,
      pseudonym: 'K-0001',
      caseworker_id: 'cw1',
    });
    const caseworker = await connection.db.selectFrom('caseworker').selectAll().executeTakeFirstOrThrow();
    expect(caseworker).toMatchObject({ role: 'caseworker', deactivated_at: null });
    const items = await connection.db
      .selectFrom('catalog_item')
      .select(['kind', 'default_key'])
      .orderBy('kind')
      .orderBy('position')
      .execute();
    expect(items.filter((i) => i.kind === 'stage')).toHaveLength(8);
    expect(items.filter((i) => i.kind === 'closure_reason').map((i) => i.default_key)).toEqual([
      'work',
      'education',
      'moved',
      'other',
    ]);
    const fk = connection.sqlite.pragma('foreign_key_check');
    expect(fk).toEqual([]);
  });

  it('migrates a version-3 caseload to the scoring schema: data kept, no rhythm yet, published versions frozen', async () => {
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0003_caseload');
    connection.sqlite.exec(`
      INSERT INTO caseworker (id, name, created_at, updated_at) VALUES ('cw1', 'Anne de Vries', 'x', 'x');
      INSERT INTO catalog_item (id, kind, name, position, created_at, updated_at) VALUES ('tg1', 'target_group', 'Werkfit', 0, 'x', 'x');
      INSERT INTO client (id, first_name, last_name, pseudonym, caseworker_id, target_group_id, status, start_date, created_at, updated_at)
      VALUES ('c1', 'Fatima', 'El Amrani', 'K-0001', 'cw1', 'tg1', 'active', '2026-01-05', 'x', 'x');
    `);
    await migrateToLatest(connection);
    expect(
      await connection.db.selectFrom('catalog_item').select(['id', 'rescore_weeks']).where('id', '=', 'tg1').execute(),
    ).toEqual([{ id: 'tg1', rescore_weeks: null }]);
    const rows = await listCaseload(connection.db, { status: 'active', today: '2026-11-23' });
    expect(rows).toMatchObject([{ id: 'c1', lastScoredOn: null, scoringDueOn: '2026-01-05' }]);
    connection.sqlite.exec(`
      INSERT INTO sheet (id, name, created_at, updated_at) VALUES ('s1', 'Werkfit', 'x', 'x');
      INSERT INTO sheet_version (id, sheet_id, number, created_at) VALUES ('v1', 's1', 1, 'x');
      INSERT INTO indicator (id, version_id, key, position, name, scale_min, scale_max) VALUES ('i1', 'v1', 'k', 0, 'Motivatie', 1, 5);
      UPDATE sheet_version SET published_at = 'y' WHERE id = 'v1';
    `);
    expect(() =>
      connection.sqlite.exec(
        "INSERT INTO indicator (id, version_id, key, position, name, scale_min, scale_max) VALUES ('i2', 'v1', 'k2', 1, 'Nieuw', 1, 5)",
      ),
    ).toThrow(/immutable/);
    expect(() => connection.sqlite.exec("UPDATE sheet_version SET number = 2 WHERE id = 'v1'")).toThrow(/immutable/);
    expect(connection.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('migrates a version-4 database with to-dos to notes: to-dos kept, unlinked; the index follows new notes', async () => {
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0004_scoring');
    connection.sqlite.exec(`
      INSERT INTO client (id, first_name, last_name, pseudonym, status, created_at, updated_at) VALUES ('c1', 'Søren', 'Holm', 'K-0001', 'active', 'x', 'x');
      INSERT INTO action (id, client_id, title, kind, due_date, created_at, updated_at) VALUES ('a1', 'c1', 'Bellen', 'task', '2026-11-25', 'x', 'x');
    `);
    await migrateToLatest(connection);
    expect(await connection.db.selectFrom('action').select(['id', 'note_id']).execute()).toEqual([
      { id: 'a1', note_id: null },
    ]);
    connection.sqlite.exec(
      `INSERT INTO note (id, client_id, kind, noted_at, body, created_at, updated_at) VALUES ('n1', 'c1', 'conversation', '2026-11-23T10:00', 'Søren vertelde over zijn købmand.', 'x', 'x')`,
    );
    const hits = connection.sqlite.prepare(`SELECT rowid FROM note_fts WHERE note_fts MATCH '"kobmand"'`).all();
    expect(hits).toHaveLength(1);
  });

  it('migrates a version-7 database with data: it gets its own id, the data stays, and the id never changes after', async () => {
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0007_audit_log');
    connection.sqlite.exec(`
      INSERT INTO client (id, first_name, last_name, pseudonym, status, created_at, updated_at) VALUES ('c1', 'Søren', 'Holm', 'K-0001', 'active', 'x', 'x');
      INSERT INTO audit_log (at, actor, action, entity, result, prev_hash, hash) VALUES ('x', NULL, 'clients.create', 'clients', 'ok', 'p', 'h');
    `);
    await migrateToLatest(connection);
    const id = await readDatabaseId(connection.db);
    expect(isDatabaseId(id)).toBe(true);
    expect(await connection.db.selectFrom('client').select('first_name').execute()).toEqual([{ first_name: 'Søren' }]);
    expect(await connection.db.selectFrom('audit_log').select('action').execute()).toEqual([
      { action: 'clients.create' },
    ]);
    await migrateToLatest(connection);
    expect(await readDatabaseId(connection.db)).toBe(id);
    // Another database gets another id.
    const other = openConnection(join(temp.path, 'other.sqlite'));
    await migrateToLatest(other);
    expect(await readDatabaseId(other.db)).not.toBe(id);
    await other.close();
  });

  it("migrates a key person's version-11 team copy: colleagues' clients become read-only but for their assignment; her own stay hers", async () => {
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0011_sync_copy');
    connection.sqlite.exec(`
      INSERT INTO caseworker (id, name, role, created_at, updated_at) VALUES ('kp', 'Kim', 'key_person', 'x', 'x'), ('cw', 'Anna', 'caseworker', 'x', 'x');
      INSERT INTO client (id, first_name, last_name, pseudonym, caseworker_id, status, created_at, updated_at)
        VALUES ('hers', 'Noor', 'Haddad', 'K-0001', 'kp', 'active', 'x', 'x'), ('annas', 'Søren', 'Holm', 'K-0002', 'cw', 'active', 'x', 'x');
      UPDATE sync_state SET server_url = 'https://koers.example.org', team_id = 't', team_name = 'Team', caseworker_id = 'kp', role = 'key_person', device_id = 'd', capturing = 1;
    `);
    await migrateToLatest(connection);
    const refused = /koers: colleagues_client/;
    expect(() => connection.sqlite.exec(`UPDATE client SET last_name = 'X' WHERE id = 'annas'`)).toThrow(refused);
    expect(() =>
      connection.sqlite.exec(
        `INSERT INTO note (id, client_id, kind, noted_at, body, pinned, created_at, updated_at) VALUES ('n', 'annas', 'conversation', 'x', 'b', 0, 'x', 'x')`,
      ),
    ).toThrow(refused);
    // An erasure of Kim's own client unlinks a colleague's to-do from its note: that alone goes through.
    connection.sqlite.exec(`UPDATE sync_state SET applying = 1;
      INSERT INTO note (id, client_id, kind, noted_at, body, pinned, created_at, updated_at)
        VALUES ('n2', 'hers', 'conversation', 'x', 'b', 0, 'x', 'x');
      INSERT INTO action (id, client_id, title, kind, due_date, note_id, created_at, updated_at)
        VALUES ('a', 'annas', 'Bellen', 'task', '2026-12-08', 'n2', 'x', 'x');
      UPDATE sync_state SET applying = 0;`);
    connection.sqlite.exec(`UPDATE action SET note_id = NULL WHERE id = 'a'`);
    expect(await connection.db.selectFrom('action').select('note_id').execute()).toEqual([{ note_id: null }]);
    expect(() => connection.sqlite.exec(`UPDATE action SET title = 'Mailen' WHERE id = 'a'`)).toThrow(refused);
    // Her assignment changes; her own client and its notes are Kim's to change.
    connection.sqlite.exec(`UPDATE client SET caseworker_id = 'kp', updated_at = 'y' WHERE id = 'annas'`);
    connection.sqlite.exec(`UPDATE client SET last_name = 'Holm-Jensen' WHERE id = 'annas'`);
    connection.sqlite.exec(`UPDATE client SET last_name = 'Haddad-Smit' WHERE id = 'hers'`);
    expect(await connection.db.selectFrom('client').select('last_name').orderBy('id').execute()).toEqual([
      { last_name: 'Holm-Jensen' },
      { last_name: 'Haddad-Smit' },
    ]);
    // The server's rows are the team's: a pull applies them; and a caseworker's copy or a laptop alone is not bound.
    connection.sqlite.exec(`UPDATE client SET caseworker_id = 'cw' WHERE id = 'annas'`);
    connection.sqlite.exec(`UPDATE sync_state SET applying = 1`);
    connection.sqlite.exec(`UPDATE client SET last_name = 'Holm' WHERE id = 'annas'`);
    connection.sqlite.exec(`UPDATE sync_state SET applying = 0, role = 'caseworker'`);
    connection.sqlite.exec(`UPDATE client SET first_name = 'Sören' WHERE id = 'annas'`);
    expect(
      await connection.db.selectFrom('client').select(['first_name', 'last_name']).where('id', '=', 'annas').execute(),
    ).toEqual([{ first_name: 'Sören', last_name: 'Holm' }]);
  });

  it('migrates a version-12 database with clients and notes: every client found folded, notes kept, a remark may be written', async () => {
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0012_colleagues_read_only');
    connection.sqlite.exec(`
      INSERT INTO caseworker (id, name, created_at, updated_at) VALUES ('cw', 'Anne', 'x', 'x');
      INSERT INTO client (id, first_name, last_name, reference, pseudonym, caseworker_id, status, created_at, updated_at)
        VALUES ('a', 'Emre', 'Öztürk', 'KL-1', 'K-0001', 'cw', 'active', 'x', 'x'),
               ('b', 'Тарас', 'Шевченко', NULL, 'K-0002', 'cw', 'active', 'x', 'x');
      INSERT INTO note (id, client_id, kind, noted_at, body, pinned, created_at, updated_at)
        VALUES ('n', 'a', 'milestone', '2026-11-01T10:00', 'Werk gevonden', 1, 'x', 'x');
    `);
    const remark = `INSERT INTO note (id, client_id, kind, noted_at, body, pinned, created_at, updated_at)
      VALUES ('r', 'a', 'remark', '2026-12-07T00:00', 'Uit Excel', 0, 'x', 'x')`;
    expect(() => connection.sqlite.exec(remark)).toThrow(/CHECK constraint failed/);

    await migrateToLatest(connection);
    connection.sqlite.exec(remark);
    expect(() =>
      connection.sqlite.exec(
        `INSERT INTO note (id, client_id, kind, noted_at, body, pinned, created_at, updated_at) VALUES ('z', 'a', 'gossip', 'x', 'b', 0, 'x', 'x')`,
      ),
    ).toThrow(/CHECK constraint failed/);
    expect(await connection.db.selectFrom('note').select(['id', 'kind']).orderBy('id').execute()).toEqual([
      { id: 'n', kind: 'milestone' },
      { id: 'r', kind: 'remark' },
    ]);
    const search = async (text: string) =>
      (await listCaseload(connection.db, { status: 'all', search: text, today: '2026-12-07' })).map((c) => c.id);
    expect(await search('ozturk')).toEqual(['a']);
    expect(await search('шевч')).toEqual(['b']);
    expect(connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Defensive mode is back on once migrated: the schema cannot be edited any more.
    expect(() => connection.sqlite.pragma('writable_schema = ON')).not.toThrow();
    expect(() => connection.sqlite.exec(`UPDATE sqlite_schema SET sql = sql WHERE name = 'note'`)).toThrow(
      /may not be modified/,
    );
  });

  it('migrates a version-13 database with scorings: kept as they were, a provider may score with its organisation, consents may be kept', async () => {
    const to13 = await allowingSchemaEdits(connection.sqlite, () =>
      new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0013_moving_in'),
    );
    expect(to13.error).toBeUndefined();
    connection.sqlite.exec(`
      INSERT INTO caseworker (id, name, created_at, updated_at) VALUES ('cw', 'Anne', 'x', 'x');
      INSERT INTO client (id, first_name, last_name, pseudonym, caseworker_id, status, created_at, updated_at)
        VALUES ('a', 'Emre', 'Öztürk', 'K-0001', 'cw', 'active', 'x', 'x');
      INSERT INTO sheet (id, name, created_at, updated_at) VALUES ('s', 'Werkfit', 'x', 'x');
      INSERT INTO sheet_version (id, sheet_id, number, published_at, created_at) VALUES ('v', 's', 1, 'x', 'x');
      INSERT INTO scoring (id, client_id, version_id, scored_on, scored_by, caseworker_id, created_at, updated_at)
        VALUES ('sc1', 'a', 'v', '2026-11-01', 'together', 'cw', 'x', 'x');
    `);
    const provider = `INSERT INTO scoring (id, client_id, version_id, scored_on, scored_by, caseworker_id, organisation, created_at, updated_at)
      VALUES ('sc2', 'a', 'v', '2026-11-03', 'provider', 'cw', 'Werkbrug', 'x', 'x')`;
    expect(() => connection.sqlite.exec(provider)).toThrow(/no column named organisation/);

    await migrateToLatest(connection);
    connection.sqlite.exec(provider);
    expect(() =>
      connection.sqlite.exec(
        `INSERT INTO scoring (id, client_id, version_id, scored_on, scored_by, created_at, updated_at) VALUES ('sc3', 'a', 'v', 'x', 'neighbour', 'x', 'x')`,
      ),
    ).toThrow(/CHECK constraint failed/);
    expect(
      await connection.db.selectFrom('scoring').select(['id', 'scored_by', 'organisation']).orderBy('id').execute(),
    ).toEqual([
      { id: 'sc1', scored_by: 'together', organisation: null },
      { id: 'sc2', scored_by: 'provider', organisation: 'Werkbrug' },
    ]);
    connection.sqlite
      .exec(`INSERT INTO consent (id, client_id, purpose, legal_basis, given_as, given_on, created_at, updated_at)
      VALUES ('c1', 'a', 'Delen met Werkbrug', 'consent', 'written', '2026-11-01', 'x', 'x')`);
    expect(() =>
      connection.sqlite
        .exec(`INSERT INTO consent (id, client_id, purpose, legal_basis, given_as, given_on, created_at, updated_at)
        VALUES ('c2', 'a', 'x', 'because', 'written', '2026-11-01', 'x', 'x')`),
    ).toThrow(/CHECK constraint failed/);
    expect(connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it("migrates a key person's version-14 team copy: clients get a language, a colleague's stays read-only, sheets may be translated", async () => {
    const to14 = await allowingSchemaEdits(connection.sqlite, () =>
      new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0014_raters_consent'),
    );
    expect(to14.error).toBeUndefined();
    connection.sqlite.exec(`
      INSERT INTO caseworker (id, name, role, created_at, updated_at) VALUES ('kp', 'Kim', 'key_person', 'x', 'x'), ('cw', 'Anna', 'caseworker', 'x', 'x');
      INSERT INTO client (id, first_name, last_name, pseudonym, caseworker_id, status, created_at, updated_at)
        VALUES ('hers', 'Noor', 'Haddad', 'K-0001', 'kp', 'active', 'x', 'x'), ('annas', 'Søren', 'Holm', 'K-0002', 'cw', 'active', 'x', 'x');
      INSERT INTO sheet (id, name, created_at, updated_at) VALUES ('s', 'Werkfit', 'x', 'x');
      INSERT INTO sheet_version (id, sheet_id, number, published_at, created_at) VALUES ('v', 's', 1, 'x', 'x');
      UPDATE sync_state SET server_url = 'https://koers.example.org', team_id = 't', team_name = 'Team', caseworker_id = 'kp', role = 'key_person', device_id = 'd', capturing = 1;
    `);
    await migrateToLatest(connection);
    expect(await connection.db.selectFrom('client').select(['id', 'language']).orderBy('id').execute()).toEqual([
      { id: 'annas', language: null },
      { id: 'hers', language: null },
    ]);
    // The new column is guarded too: Anna's client's language is hers to set, Kim's own client Kim's.
    expect(() => connection.sqlite.exec(`UPDATE client SET language = 'ar' WHERE id = 'annas'`)).toThrow(
      /koers: colleagues_client/,
    );
    expect(() => connection.sqlite.exec(`UPDATE client SET last_name = 'X' WHERE id = 'annas'`)).toThrow(
      /koers: colleagues_client/,
    );
    connection.sqlite.exec(`UPDATE client SET language = 'ar' WHERE id = 'hers'`);
    connection.sqlite.exec(`UPDATE client SET caseworker_id = 'kp', updated_at = 'y' WHERE id = 'annas'`);
    // A translation of the published version is a row like any other of the team's: captured for the server.
    connection.sqlite.exec(`INSERT INTO sheet_translation (id, version_id, language, texts, created_at, updated_at)
      VALUES ('tr', 'v', 'ar', '{"indicators":[]}', 'x', 'x')`);
    expect(
      await connection.db
        .selectFrom('sync_outbox')
        .select(['table_name', 'row_key'])
        .where('table_name', 'in', ['sheet_translation', 'client'])
        .orderBy('seq')
        .execute(),
    ).toEqual([
      { table_name: 'client', row_key: '{"id":"hers"}' },
      { table_name: 'client', row_key: '{"id":"annas"}' },
      { table_name: 'sheet_translation', row_key: '{"id":"tr"}' },
    ]);
  });

  it("migrates a key person's version-15 team copy with scorings: paper sheets may be printed for her own clients, not a colleague's", async () => {
    const to15 = await allowingSchemaEdits(connection.sqlite, () =>
      new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0015_sheet_translations'),
    );
    expect(to15.error).toBeUndefined();
    connection.sqlite.exec(`
      INSERT INTO caseworker (id, name, role, created_at, updated_at) VALUES ('kp', 'Kim', 'key_person', 'x', 'x'), ('cw', 'Anna', 'caseworker', 'x', 'x');
      INSERT INTO client (id, first_name, last_name, pseudonym, caseworker_id, status, created_at, updated_at)
        VALUES ('hers', 'Noor', 'Haddad', 'K-0001', 'kp', 'active', 'x', 'x'), ('annas', 'Søren', 'Holm', 'K-0002', 'cw', 'active', 'x', 'x');
      INSERT INTO sheet (id, name, created_at, updated_at) VALUES ('s', 'Werkfit', 'x', 'x');
      INSERT INTO sheet_version (id, sheet_id, number, published_at, created_at) VALUES ('v', 's', 1, 'x', 'x');
      INSERT INTO scoring (id, client_id, version_id, scored_on, scored_by, caseworker_id, created_at, updated_at)
        VALUES ('sc', 'hers', 'v', '2026-11-01', 'client', 'kp', 'x', 'x');
      UPDATE sync_state SET server_url = 'https://koers.example.org', team_id = 't', team_name = 'Team', caseworker_id = 'kp', role = 'key_person', device_id = 'd', capturing = 1;
    `);
    await migrateToLatest(connection);
    const paper = (id: string, client: string) =>
      `INSERT INTO paper_sheet (id, code, client_id, version_id, printed_on, scoring_id, created_at, updated_at)
        VALUES ('${id}', 'ABC-${id}', '${client}', 'v', '2026-12-08', NULL, 'x', 'x')`;
    connection.sqlite.exec(paper('1', 'hers'));
    connection.sqlite.exec(`UPDATE paper_sheet SET scoring_id = 'sc' WHERE id = '1'`);
    expect(() => connection.sqlite.exec(paper('2', 'annas'))).toThrow(/koers: colleagues_client/);
    expect(() => connection.sqlite.exec(`UPDATE paper_sheet SET scoring_id = 'nope' WHERE id = '1'`)).toThrow(
      /FOREIGN KEY/,
    );
    expect(
      await connection.db.selectFrom('sync_outbox').select('row_key').where('table_name', '=', 'paper_sheet').execute(),
    ).toEqual([{ row_key: '{"id":"1"}' }]);
    expect(await connection.db.selectFrom('scoring').select('id').execute()).toEqual([{ id: 'sc' }]);
  });

  it('refuses a database written by a newer Koers and leaves the file unchanged', async () => {
    await migrateToLatest(connection);
    connection.sqlite.exec(
      `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00Z')`,
    );
    connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = readFileSync(connection.path);

    const error = await migrateToLatest(connection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as DatabaseTooNewError).unknownMigrations).toEqual(['9999_from_the_future']);
    expect((error as Error).message).toMatch(/newer version of Koers/);

    connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(connection.path).equals(before)).toBe(true);
  });

  it('rolls a failing migration back completely and reports which one failed', async () => {
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0001_caseworker_client');
    connection.sqlite.exec(
      `INSERT INTO client (id, first_name, last_name, created_at, updated_at) VALUES ('c1', 'A', 'B', 'x', 'x')`,
    );
    // 0002's last step creates this index: with the name taken, it fails after its other work is done.
    connection.sqlite.exec('CREATE INDEX client_pseudonym_unique ON caseworker (name)');

    const error = await migrateToLatest(connection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe('0002_client_pseudonym');
    expect(await executed(connection)).toEqual(['0001_caseworker_client']);
    expect(await columns(connection, 'client')).not.toContain('pseudonym');
    expect(await columns(connection, 'sequence')).toEqual([]);
    expect(await connection.db.selectFrom('client').select('id').execute()).toEqual([{ id: 'c1' }]);
  });
});
