import { contract, type Envelope, type Method } from '../../common/contract';
import type { AuditEntry } from './audit';

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
  return contract[method].personal && !method.startsWith('lock.');
}

/**
 * A bulk action's clients (`ids`, or `clientIds` of a print of paper sheets): each gets an entry of
 * its own, as the same action on one client would.
 */
function bulkSubjects(value: unknown): string[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const ids = record.ids ?? record.clientIds;
  return Array.isArray(ids) && ids.length > 0 && ids.every((id) => typeof id === 'string') ? [...new Set(ids)] : null;
}

/**
 * The audit entries for a call: none when it touches no personal data (its contract
 * entry's `personal`), one per client for a bulk action, else one. Never the content. A
 * call refused because the log cannot be written served nothing, and logging it would
 * only lengthen the queue that cannot be written.
 */
export function auditEntries(
  method: Method,
  input: unknown,
  outcome: Envelope<unknown>,
  at: string,
  actor: string | null,
): AuditEntry[] {
  if (!contract[method].personal) return [];
  if (!outcome.ok && outcome.error.details?.reason === 'audit_unavailable') return [];
  // A create names its record only in the answer.
  const entityIds = bulkSubjects(input) ??
    (outcome.ok ? bulkSubjects(outcome.value) : null) ?? [
      subject(input) ?? (outcome.ok ? subject(outcome.value) : null),
    ];
  return entityIds.map((entityId) => ({
    at,
    actor,
    action: method,
    entity: method.slice(0, method.indexOf('.')),
    entityId,
    result: outcome.ok ? 'ok' : outcome.error.code,
  }));
}
