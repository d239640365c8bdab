import { format } from 'date-fns';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ImportRows } from '../db/queries/import-undo';
import type { Database } from '../db/schema';
import type { EventName, EventPayload, Output } from '../common/contract';
import { type Language, languageFromLocales } from '../common/languages';
import type { PresentationState } from '../common/contract/presentation';
import type { Desktop } from './desktop';
import type { Log } from './log';
import type { AuditLog } from './safety/audit';
import { type OwnBackups, ownBackups } from './safety/backups';
import type { Workbook } from './spreadsheets/workbook';
import type { Settings } from './settings';
import type { TeamSync } from './sync/team';

/** Everything a handler may use. Built once in main (or in a test) and passed to every call. */
export interface Context {
  db: Kysely<Database>;
  /** The raw handle, for the SQLite-only work: backups, checks, secure delete. */
  sqlite: BetterSqlite3.Database;
  databasePath: string;
  /** The database's own id (migration 0008): names the folder of its backups. */
  databaseId: string;
  /** Where backups go unless settings name another folder. */
  defaultBackupFolder: string;
  audit: AuditLog;
  /** While locked, data handlers refuse (see open-koers.ts); `checking` takes PIN checks one at a time (safety/pin-attempts.ts). */
  lock: { locked: boolean; checking: Promise<unknown> };
  settings: Settings;
  appVersion: string;
  /** The OS's preferred locales, most preferred first. */
  osLocales: readonly string[];
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  desktop: Desktop;
  /** The main-process log (no personal data); its folder is opened for support. */
  log: Log;
  /** The meeting presentation on another display: lives as long as the app runs. */
  meeting: { state: PresentationState | null };
  /** Client mode (handlers/client-mode.ts): memory only; while set, the guard refuses all but its own calls. */
  clientMode: { state: ClientModeState | null };
  /** Paper sheets being printed, by batch: the printing window reads its pages (memory only, handlers/papers.ts). */
  paperBatches: Map<string, PaperBatch>;
  /** Spreadsheets read for an import in progress, by token (kept in memory only). */
  openFiles: Map<string, OpenFile>;
  /** Workbook imports of this session, by id: their report can be saved and the import undone (memory only). */
  doneImports: Map<string, DoneImport>;
  /** The team this laptop is a copy of, its sign-in and background sync. */
  team: TeamSync;
}

export interface ClientModeState {
  clientId: string;
  versionId: string;
  showPrevious: boolean;
  /** The scoring saved in this session, if any: the client sees the end screen. */
  savedScoringId: string | null;
  /** A save is under way: another is refused until it is done. */
  saving: boolean;
}

export interface PaperBatch {
  paperIds: readonly string[];
  pseudonymised: boolean;
}

export interface DoneImport {
  report: Output<'imports.workbookRun'>;
  /** Each row's result, for the saved report. */
  rows: ReadonlyArray<{ worksheet: string; line: number; action: string; label: string }>;
  /** What it wrote, for undo. */
  written: ImportRows;
}

export interface OpenFile {
  fileName: string;
  kind: 'caseload' | 'scores' | 'sheet';
  workbook: Workbook;
}

/** Today as a local calendar date, `YYYY-MM-DD`. */
export function today(ctx: Pick<Context, 'now'>): string {
  return format(ctx.now(), 'yyyy-MM-dd');
}

/** Who makes this change: recorded as `updated_by` / `created_by`. */
export function actor(ctx: Pick<Context, 'settings'>): string | null {
  return ctx.settings.get('currentCaseworkerId');
}

/** The language the user chose, or the OS's while they have not chosen. */
export function language(ctx: Pick<Context, 'settings' | 'osLocales'>): Language {
  return ctx.settings.get('language') ?? languageFromLocales(ctx.osLocales);
}

/** Where backups go now. */
export function backupFolder(ctx: Pick<Context, 'settings' | 'defaultBackupFolder'>): string {
  return ctx.settings.get('backupFolder') ?? ctx.defaultBackupFolder;
}

/** This database's backups: a folder named after its id inside the backup folder. */
export function ownBackupsOf(ctx: Pick<Context, 'settings' | 'defaultBackupFolder' | 'databaseId'>): OwnBackups {
  return ownBackups(backupFolder(ctx), ctx.databaseId);
}
