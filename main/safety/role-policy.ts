import type { Method } from '../../common/contract';

/**
 * Methods only a key person may call: managing caseworkers and the lists, the
 * scoring sheets, the team's figures, the audit log, erasure and retention. The
 * renderer hides these screens from caseworkers; main refuses the calls as well,
 * so a changed or compromised page cannot reach them.
 */
export const KEY_PERSON_ONLY: ReadonlySet<Method> = new Set<Method>([
  'caseworkers.create',
  'caseworkers.update',
  'caseworkers.setActive',
  'caseworkers.handoverCaseload',
  'catalog.create',
  'catalog.update',
  'catalog.move',
  'catalog.setRetired',
  'catalog.remove',
  'sheets.createFromStarter',
  'sheets.copy',
  'sheets.edit',
  'sheets.saveDraft',
  'sheets.publish',
  'sheets.setRetired',
  'imports.sheet',
  'coverage.setTarget',
  'team.view',
  'audit.list',
  'audit.check',
  'privacy.erasurePlan',
  'privacy.eraseClient',
  'privacy.retention',
  'privacy.setRetention',
  'privacy.purge',
]);
