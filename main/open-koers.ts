import { type Connection, openConnection } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import type { Context } from './context';
import { registry } from './handlers';
import { type Dispatch, type DispatchOptions, createDispatch } from './rpc/dispatch';

export interface KoersOptions extends Omit<Context, 'db' | 'meeting' | 'openFiles'>, DispatchOptions {
  databasePath: string;
}

export interface Koers {
  dispatch: Dispatch;
  connection: Connection;
  close(): Promise<void>;
}

/**
 * Opens the database, brings it up to date and wires the handler registry: the
 * same start for the Electron app, the end-to-end harness, benchmarks and the CLI.
 */
export async function openKoers(options: KoersOptions): Promise<Koers> {
  const { databasePath, onInternalError, validateOutput, ...context } = options;
  const connection = openConnection(databasePath);
  try {
    await migrateToLatest(connection.db);
  } catch (error) {
    await connection.close();
    throw error;
  }
  const dispatch = createDispatch(registry, { ...context, db: connection.db, meeting: { state: null }, openFiles: new Map() }, { onInternalError, validateOutput: validateOutput ?? false });
  return { dispatch, connection, close: () => connection.close() };
}
