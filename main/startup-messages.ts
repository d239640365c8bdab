import { DatabaseTooNewError } from '../db/migrate';
import type { startupTexts } from '../common/i18n/startup';
import { storageFailure } from './rpc/storage-failure';

/** Which of the start-up texts explains why the database could not be opened at start. */
export function startupFailure(error: unknown): keyof (typeof startupTexts)['en'] {
  if (error instanceof DatabaseTooNewError) return 'tooNew';
  switch (storageFailure(error)?.code) {
    case 'busy':
      return 'busy';
    case 'disk_full':
      return 'diskFull';
    case 'read_only':
      return 'readOnly';
    default:
      return 'openFailed';
  }
}
