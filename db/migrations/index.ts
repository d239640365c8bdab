import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_caseworker_client';
import * as m0002 from './0002_client_pseudonym';
import * as m0003 from './0003_caseload';
import * as m0004 from './0004_scoring';
import * as m0005 from './0005_notes';
import * as m0006 from './0006_import_mapping';
import * as m0007 from './0007_audit_log';
import * as m0008 from './0008_database_id';
import * as m0009 from './0009_meeting_list';
import * as m0010 from './0010_sync_outbox';
import * as m0011 from './0011_sync_copy';
import * as m0012 from './0012_colleagues_read_only';
import * as m0013 from './0013_moving_in';
import * as m0014 from './0014_raters_consent';
import * as m0015 from './0015_sheet_translations';
import * as m0016 from './0016_paper_sheets';

/**
 * Every migration, in order, compiled into the app: nothing is read from a folder
 * at run time. Append only; never edit or reorder a migration that has shipped.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: { up(db: Kysely<unknown>): Promise<void> }]> =
  [
    ['0001_caseworker_client', m0001],
    ['0002_client_pseudonym', m0002],
    ['0003_caseload', m0003],
    ['0004_scoring', m0004],
    ['0005_notes', m0005],
    ['0006_import_mapping', m0006],
    ['0007_audit_log', m0007],
    ['0008_database_id', m0008],
    ['0009_meeting_list', m0009],
    ['0010_sync_outbox', m0010],
    ['0011_sync_copy', m0011],
    ['0012_colleagues_read_only', m0012],
    ['0013_moving_in', m0013],
    ['0014_raters_consent', m0014],
    ['0015_sheet_translations', m0015],
    ['0016_paper_sheets', m0016],
  ];

export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(MIGRATIONS.map(([name, m]) => [name, { up: (db) => m.up(db) }]));
  },
};

/** The newest migration's name: the schema a team server must share with this Koers (common/sync/protocol.ts). */
export const SYNC_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1]?.[0] ?? '';
