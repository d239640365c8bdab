import { sql } from 'kysely';
import type { AccessExportAnswer, AccessExportRequest, SyncedRow } from '../../common/sync/protocol';
import { AUDIT_COLUMNS, type AuditRow, auditEventOf } from './audit';
import { keyPerson, recordAudit, type RunAsUser } from './session';

/** No client of that id in the caller's team (never says whether another team has one). */
export class ClientNotFound extends Error {
  constructor() {
    super('There is no such client in your team.');
    this.name = 'ClientNotFound';
  }
}

/**
 * The access export of one client, made by a key person from the team's data (issue 18, point 9):
 * every row about the client on the server — the notes of every author too, whatever the team's
 * setting for reading them (koers_client_export) — and the audit lines that name the client. The
 * export itself is recorded in the audit log.
 */
export async function accessExport(
  runAsUser: RunAsUser,
  subject: string,
  request: AccessExportRequest,
  tag: (subject: string) => string,
): Promise<AccessExportAnswer> {
  return runAsUser(subject, async (trx, caller) => {
    const me = keyPerson(caller, "export a client's data");
    const { rows } = await sql<{ data: Record<string, SyncedRow[]> | null }>`
      select koers_client_export(${request.clientId}) as data`.execute(trx);
    const records = rows[0]?.data;
    if (!records) throw new ClientNotFound();
    const audit = await sql<AuditRow>`select ${AUDIT_COLUMNS} from audit_event
      where team_id = ${me.teamId} and ${request.clientId} = any(client_ids) order by id`.execute(trx);
    await recordAudit(trx, me, {
      action: 'access-export',
      device: null,
      clientIds: [request.clientId],
      counts: { rows: Object.values(records).reduce((n, list) => n + list.length, 0) },
      outcome: 'sent',
    });
    return { clientId: request.clientId, records, audit: audit.rows.map((r) => auditEventOf(r, tag)) };
  });
}
