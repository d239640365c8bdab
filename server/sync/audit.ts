import { sql } from 'kysely';
import { z } from 'zod';
import type { AuditEvent } from '../../common/sync/protocol';
import { keyPerson, recordAudit, type RunAsUser } from './session';

/** Events per answer: a longer period comes in pages (ask again with `after` = the last event's id). */
export const AUDIT_PAGE = 5_000;

export const auditQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    after: z.coerce.number().int().min(0).optional(),
  })
  .refine((query) => Date.parse(query.from) <= Date.parse(query.to), { message: 'from is after to' });
export type AuditQuery = z.infer<typeof auditQuery>;

/** A line of audit_event as read for an export. */
export interface AuditRow {
  id: string;
  at: Date;
  subject: string;
  caseworker_id: string | null;
  device: string | null;
  action: string;
  client_ids: string[];
  counts: Record<string, number>;
  outcome: string;
}
export const AUDIT_COLUMNS = sql`id, at, subject, caseworker_id, device, action, client_ids, counts, outcome`;

/** A line as a key person gets it: the sign-in as its hash (`tag`), never content. */
export function auditEventOf(r: AuditRow, tag: (subject: string) => string): AuditEvent {
  return {
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    user: tag(r.subject),
    caseworkerId: r.caseworker_id,
    device: r.device,
    action: r.action,
    clientIds: r.client_ids,
    counts: r.counts,
    outcome: r.outcome,
  };
}

export interface AuditExport {
  events: AuditEvent[];
  more: boolean;
}

/**
 * The caller's team's audit events with `from <= at < to`, oldest first, a page at a time. The export
 * is itself recorded. `tag` turns a subject (perhaps an e-mail address) into the hash the logs use.
 */
export async function exportAudit(
  runAsUser: RunAsUser,
  subject: string,
  query: AuditQuery,
  tag: (subject: string) => string,
): Promise<AuditExport> {
  return runAsUser(subject, async (trx, caller) => {
    const me = keyPerson(caller, 'export its audit log');
    const { rows } = await sql<AuditRow>`
      select ${AUDIT_COLUMNS} from audit_event
      where team_id = ${me.teamId} and at >= ${query.from}::timestamptz and at < ${query.to}::timestamptz
        and id > ${query.after ?? 0}
      order by id limit ${AUDIT_PAGE + 1}`.execute(trx);
    const page = rows.slice(0, AUDIT_PAGE);
    await recordAudit(trx, me, {
      action: 'export',
      device: null,
      clientIds: [],
      counts: { events: page.length },
      outcome: 'sent',
    });
    return {
      events: page.map((r) => auditEventOf(r, tag)),
      more: rows.length > AUDIT_PAGE,
    };
  });
}
