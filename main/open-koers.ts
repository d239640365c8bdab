import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Connection, openConnection } from '../db/connection';
import type { LockWait } from '../db/lock-wait';
import { migrateToLatest } from '../db/migrate';
import { truncateWal } from '../db/wal';
import { readDatabaseId } from '../db/queries/meta';
import { contract, DATA_SCOPES, type EventPayload, type Method } from '../common/contract';
import { refreshClientSearch } from '../db/search/clients';
import { SYNC_SCHEMA } from '../db/migrations';
import { actor, type Context } from './context';
import { registry } from './handlers';
import { caseworkerRole, mayManage } from '../db/queries/caseworkers';
import { AppError, conflict } from './rpc/app-error';
import { type Dispatch, type DispatchOptions, createDispatch } from './rpc/dispatch';
import { AuditLog, auditUnavailable } from './safety/audit';
import { auditEntries, needsAuditRoom } from './safety/audit-policy';
import { restrictToUser } from './safety/backups';
import { checkDatabaseFile } from './safety/recovery';
import { secretFile } from './sync/secrets';
import { createTeamSync } from './sync/team';

/** Besides its own methods, what client mode serves: the window's start (the language) and the lock. */
const CLIENT_MODE_METHODS = new Set<Method>(['app.info', 'lock.status', 'lock.lock', 'lock.unlock']);

/** The team sign-in's refresh token, encrypted, next to the database (main/sync/secrets.ts). */
export const SIGN_IN_FILE_NAME = 'team-sign-in.bin';
/** The command line's own sign-in, beside the app's (see COMMAND_LINE_CIPHER). */
export const COMMAND_LINE_SIGN_IN_FILE_NAME = 'team-sign-in-command-line.txt';

export interface KoersOptions
  extends
    Omit<
      Context,
      | 'db'
      | 'sqlite'
      | 'databasePath'
      | 'databaseId'
      | 'defaultBackupFolder'
      | 'audit'
      | 'lock'
      | 'meeting'
      | 'clientMode'
      | 'paperBatches'
      | 'openFiles'
      | 'doneImports'
      | 'team'
    >,
    Omit<DispatchOptions, 'guard' | 'onCall' | 'emit'> {
  databasePath: string;
  /** Default: a `backups` folder next to the database. */
  defaultBackupFolder?: string;
  /** Default: the app's, which never blocks the main thread (see db/lock-wait.ts). */
  lockWait?: LockWait;
  /** Where the team sign-in is kept, next to the database. Default: the app's file. */
  signInFileName?: string;
}

export interface Koers {
  dispatch: Dispatch;
  connection: Connection;
  context: Context;
  close(): Promise<void>;
}

/**
 * Checks and opens the database, brings it up to date and wires the handler registry:
 * the same start for the Electron app, the end-to-end harness, benchmarks and the CLI.
 * A damaged file is refused (DamagedDatabaseError), never replaced by an empty one.
 */
export async function openKoers(options: KoersOptions): Promise<Koers> {
  const { databasePath, defaultBackupFolder, onInternalError, validateOutput, lockWait, signInFileName, ...rest } =
    options;
  checkDatabaseFile(databasePath);
  const connection = openConnection(databasePath, lockWait ? { lockWait } : {});
  let databaseId: string | null;
  try {
    await migrateToLatest(connection);
    databaseId = await readDatabaseId(connection.db);
    if (databaseId === null) throw new Error('The database has no id');
    restrictToUser(databasePath);
  } catch (error) {
    await connection.close();
    throw error;
  }
  // Kept outside the database too: recovery at start finds this database's backups when the file is damaged.
  rest.settings.set('databaseId', databaseId);
  const context: Context = {
    ...rest,
    db: connection.db,
    sqlite: connection.sqlite,
    databasePath,
    databaseId,
    defaultBackupFolder: defaultBackupFolder ?? join(dirname(databasePath), 'backups'),
    audit: new AuditLog(
      connection.db,
      { get: () => rest.settings.get('auditHead'), set: (head) => rest.settings.set('auditHead', head) },
      (error) => onInternalError('audit', error),
    ),
    // With a PIN set Koers always starts locked: no data call answers before the PIN.
    lock: { locked: rest.settings.get('pinHash') !== null, checking: Promise.resolve() },
    meeting: { state: null },
    clientMode: { state: null },
    paperBatches: new Map(),
    openFiles: new Map(),
    doneImports: new Map(),
    team: createTeamSync({
      db: connection.db,
      schema: SYNC_SCHEMA,
      secrets: secretFile(join(dirname(databasePath), signInFileName ?? SIGN_IN_FILE_NAME), rest.desktop.secretCipher),
      openBrowser: (url) => rest.desktop.openBrowser(url),
      now: rest.now,
      timers: {
        now: rest.now,
        setTimeout: (callback, ms) => setTimeout(callback, ms),
        clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
      },
      onStatus: (status) => rest.emit('sync.status', status),
      onPulled: () => {
        for (const scope of DATA_SCOPES) rest.emit('data.changed', { scope });
      },
      onCaseworker: (caseworkerId) => rest.settings.set('currentCaseworkerId', caseworkerId),
      currentCaseworker: () => rest.settings.get('currentCaseworkerId'),
      // Leaving is done in the app: the command line's sign-in goes with it.
      forgetOtherSignIns: () => rm(join(dirname(databasePath), COMMAND_LINE_SIGN_IN_FILE_NAME), { force: true }),
      onUnexpected: (error) => rest.log.write('error', 'sync', 'failed', error),
    }),
  };
  /** The last folding of changed clients for search (below): closing waits for it. */
  let folding: Promise<void> = Promise.resolve();
  const dispatch = createDispatch(registry, context, {
    onInternalError,
    validateOutput: validateOutput ?? false,
    emit: (event, payload) => {
      context.emit(event, payload);
      // A write was captured in the outbox: the team copy pushes it soon (nothing while alone).
      context.team.changed();
      // Changed clients are folded for search now, right after Koers's own write, so that a search
      // seldom has to write (and never waits for another program's lock because of Koers's own change).
      if (event === 'data.changed' && (payload as EventPayload<'data.changed'>).scope === 'clients')
        folding = folding
          .then(() => refreshClientSearch(connection.db))
          .catch((error: unknown) => onInternalError('search', error));
    },
    // Each method's policy is in its contract entry.
    guard: async (method) => {
      const policy = contract[method];
      if (context.lock.locked && !policy.whileLocked) return conflict('Koers is locked', { reason: 'locked' });
      // In client mode the window is the client's: nothing but their sheet, and the lock, is served.
      if (context.clientMode.state && !CLIENT_MODE_METHODS.has(method) && !method.startsWith('clientmode.'))
        return conflict('Client mode is on', { reason: 'client_mode' });
      if (policy.role !== 'caseworker') {
        const currentId = context.settings.get('currentCaseworkerId');
        const allowed =
          policy.role === 'key_person_if_any'
            ? await mayManage(context.db, currentId)
            : currentId !== null && (await caseworkerRole(context.db, currentId)) === 'key_person';
        if (!allowed) return new AppError('forbidden', 'Only a key person may do this', { method });
      }
      // Too much waits to be written (disk full, database busy for long): serve no more that must be logged.
      if (needsAuditRoom(method) && !context.audit.hasRoom()) return auditUnavailable();
      return null;
    },
    onCall: (method, input, outcome) => {
      for (const entry of auditEntries(method, input, outcome, context.now().toISOString(), actor(context)))
        context.audit.append(entry);
    },
  });
  return {
    dispatch,
    connection,
    context,
    async close() {
      await folding;
      await context.team.close();
      await context.audit.close();
      try {
        // Finishes an erasure another program kept from emptying the log (privacy.ts); SQLite does so itself only as the last connection.
        // (Not when already closed: a restart in a test closes, and so does its clean-up.)
        if (connection.sqlite.open) await truncateWal(connection.db);
      } finally {
        await connection.close();
      }
    },
  };
}
