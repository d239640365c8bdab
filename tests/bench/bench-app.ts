import { join } from 'node:path';
import type { Desktop } from '../../main/desktop';
import { createFileLog } from '../../main/log';
import { type Koers, openKoers } from '../../main/open-koers';
import { createFileSettings } from '../../main/settings';
import { fakeDesktop } from '../helpers/fake-desktop';
import { BENCH_TODAY } from './datasets';

/**
 * Koers's core on a bench database, with its settings and logs in `folder`, in Dutch, on the bench's
 * day; `caseworkerId` working (the team view needs a key person). A failing handler fails the run.
 */
export function openBenchApp(
  databasePath: string,
  folder: string,
  options: { caseworkerId?: string; desktop?: Desktop } = {},
): Promise<Koers> {
  const settings = createFileSettings(folder);
  settings.set('language', 'nl');
  if (options.caseworkerId) settings.set('currentCaseworkerId', options.caseworkerId);
  return openKoers({
    databasePath,
    settings,
    osLocales: ['nl-NL'],
    appVersion: 'bench',
    now: () => new Date(`${BENCH_TODAY}T09:00:00Z`),
    emit: () => {},
    desktop: options.desktop ?? fakeDesktop(),
    log: createFileLog(join(folder, 'logs')),
    onInternalError: (method, error) => {
      throw new Error(`${method}: ${String(error)}`);
    },
  });
}
