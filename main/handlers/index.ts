import type { Handlers, NoExtraMethods } from '../../common/contract';
import type { Context } from '../context';
import { actionHandlers } from './actions';
import { appHandlers } from './app';
import { caseworkerHandlers } from './caseworkers';
import { catalogHandlers } from './catalog';
import { clientHandlers } from './clients';
import { householdHandlers } from './households';
import { chartHandlers, teamHandlers } from './charts';
import { goalHandlers } from './goals';
import { consentHandlers } from './consents';
import { clientModeHandlers } from './client-mode';
import { paperHandlers } from './papers';
import { draftHandlers, noteHandlers } from './notes';
import { reportHandlers } from './reports';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { auditHandlers } from './audit';
import { backupHandlers } from './backups';
import { lockHandlers } from './lock';
import { privacyHandlers } from './privacy';
import { meetingHandlers } from './meeting';
import { presentationHandlers } from './presentation';
import { coverageHandlers, scoringHandlers } from './scorings';
import { settingsHandlers } from './settings';
import { sheetHandlers } from './sheets';
import { setupHandlers } from './setup';
import { teamSyncHandlers } from './team-sync';

const handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...setupHandlers,
  ...caseworkerHandlers,
  ...catalogHandlers,
  ...clientHandlers,
  ...householdHandlers,
  ...actionHandlers,
  ...sheetHandlers,
  ...scoringHandlers,
  ...goalHandlers,
  ...consentHandlers,
  ...clientModeHandlers,
  ...paperHandlers,
  ...coverageHandlers,
  ...noteHandlers,
  ...draftHandlers,
  ...chartHandlers,
  ...teamHandlers,
  ...reportHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...privacyHandlers,
  ...lockHandlers,
  ...presentationHandlers,
  ...meetingHandlers,
  ...teamSyncHandlers,
} satisfies Handlers<Context>;

/**
 * Every contract method, one domain module each. `satisfies` catches a missing
 * handler; NoExtraMethods catches one the contract does not list.
 */
export const registry: NoExtraMethods<typeof handlers> = handlers;
