import { join } from 'node:path';
import type { LockWait } from '../../db/lock-wait';
import type { Envelope, EventName, EventPayload, Method, Output } from '../../common/contract';
import type { Desktop } from '../../main/desktop';
import { createFileLog } from '../../main/log';
import { type Koers, openKoers } from '../../main/open-koers';
import { createFileSettings, type Settings } from '../../main/settings';
import { fakeDesktop } from './fake-desktop';
import { tempFolder } from './temp';

export interface TestKoers extends Koers {
  folder: string;
  databasePath: string;
  settings: Settings;
  desktop: Desktop;
  events: Array<{ event: EventName; payload: unknown }>;
  internalErrors: Array<{ method: string; error: unknown }>;
  /** dispatch with the method's output type; input stays unknown so tests can send bad input. */
  call<M extends Method>(method: M, input: unknown): Promise<Envelope<Output<M>>>;
  /** Closes the database and removes a folder this helper created. */
  cleanup(): Promise<void>;
  /** Quits and starts again on the same folder (database and settings files): the new Koers takes over the cleanup. */
  restart(): Promise<TestKoers>;
}

export interface TestKoersOptions {
  folder?: string;
  osLocales?: string[];
  now?: () => Date;
  onEmit?: (event: EventName, payload: unknown) => void;
  desktop?: Desktop;
  lockWait?: LockWait;
}

/** The real app core on a temporary folder: real SQLite file, real settings file, real registry. */
export async function openTestKoers(options: TestKoersOptions = {}): Promise<TestKoers> {
  const temp = options.folder ? null : tempFolder();
  return openOn(options.folder ?? temp!.path, options, () => temp?.cleanup());
}

async function openOn(folder: string, options: TestKoersOptions, removeFolder: () => void): Promise<TestKoers> {
  const databasePath = join(folder, 'koers.sqlite');
  const settings = createFileSettings(folder);
  const events: TestKoers['events'] = [];
  const internalErrors: TestKoers['internalErrors'] = [];
  const desktop = options.desktop ?? fakeDesktop();
  const log = createFileLog(join(folder, 'logs'));
  const koers = await openKoers({
    databasePath,
    settings,
    osLocales: options.osLocales ?? ['en-GB'],
    appVersion: '0.0.0-test',
    now: options.now ?? (() => new Date()),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      events.push({ event, payload });
      options.onEmit?.(event, payload);
    },
    log,
    // As in the app: the log gets the method and the error's kind; the test keeps the error.
    onInternalError: (method, error) => {
      internalErrors.push({ method, error });
      log.write('error', 'rpc', `${method} failed`, error);
    },
    validateOutput: true,
    desktop,
    ...(options.lockWait ? { lockWait: options.lockWait } : {}),
  });
  return {
    ...koers,
    folder,
    databasePath,
    settings,
    desktop,
    events,
    internalErrors,
    call: <M extends Method>(method: M, input: unknown) =>
      koers.dispatch(method, input) as Promise<Envelope<Output<M>>>,
    async cleanup() {
      await koers.close();
      removeFolder();
    },
    async restart() {
      await koers.close();
      return openOn(folder, options, removeFolder);
    },
  };
}
