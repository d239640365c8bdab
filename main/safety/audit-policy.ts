import type { Envelope, Method } from '../../common/contract';
import type { AuditEntry } from './audit';

/**
 * Methods that touch no personal data: the app's own state, lists of names that are
 * not clients' (catalog, sheets), figures without people in them. Everything else
 * (clients, households, notes, scorings, imports, exports, backups, privacy, the
 * lock, caseworkers' records, the audit log itself) is logged.
 */
const NOT_PERSONAL: ReadonlySet<Method> = new Set<Method>([
  'app.info',
  'app.openLogFolder',
  'settings.setLanguage',
  'caseworkers.list',
  'catalog.list',
  'catalog.create',
  'catalog.update',
  'catalog.move',
  'catalog.setRetired',
  'catalog.remove',
  'sheets.list',
  'sheets.get',
  'sheets.version',
  'sheets.createFromStarter',
  'sheets.copy',
  'sheets.edit',
  'sheets.saveDraft',
  'sheets.publish',
  'sheets.setRetired',
  'coverage.get',
  'coverage.setTarget',
  'team.view',
  'presentation.displays',
  'presentation.current',
  'presentation.step',
  // Whether Koers is locked, asked at every start: the unlock itself is logged.
  'lock.status',
]);

/** Which record a call was about: the first id-like field of its input. */
function subject(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const record = input as Record<string, unknown>;
  for (const key of ['clientId', 'householdId', 'id', 'versionId', 'fileName', 'fromId']) {
    if (typeof record[key] === 'string') return record[key];
  }
  return null;
}

/**
 * Calls refused while too many entries wait to be written: every logged call but the
 * lock's (locking and unlocking must always work; they show no personal data).
 */
export function needsAuditRoom(method: Method): boolean {
  return !NOT_PERSONAL.has(method) && !method.startsWith('lock.');
}

/**
 * The audit entry for a call, or null when it touches no personal data. Never the
 * content. A call refused because the log cannot be written served nothing, and
 * logging it would only lengthen the queue that cannot be written.
 */
export function auditEntry(
  method: Method,
  input: unknown,
  outcome: Envelope<unknown>,
  at: string,
  actor: string | null,
): AuditEntry | null {
  if (NOT_PERSONAL.has(method)) return null;
  if (!outcome.ok && outcome.error.details?.reason === 'audit_unavailable') return null;
  // A create names its record only in the answer.
  const entityId = subject(input) ?? (outcome.ok ? subject(outcome.value) : null);
  return {
    at,
    actor,
    action: method,
    entity: method.slice(0, method.indexOf('.')),
    entityId,
    result: outcome.ok ? 'ok' : outcome.error.code,
  };
}
