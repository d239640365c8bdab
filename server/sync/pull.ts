import { sql } from 'kysely';
import { LIMITS, type PullAnswer, type PullRequest, type SyncedRow } from '../../common/sync/protocol';
import { clientOf, SYNCED_TABLES, type SyncedTableName } from '../../common/sync/tables';
import { PREPARED } from '../db/connect';
import { type AuditEntry, auditLine, type Caller, type RunAsUser, type Trx } from './session';

/** Rows per page unless the laptop asks for fewer: a first pull of a caseload takes a few pages. */
const DEFAULT_PAGE = 2_000;

/**
 * Everything visible to the caller that changed after the laptop's cookie, oldest first, in pages.
 * One snapshot (repeatable read): the rows, the erasures, the revocations, the device's last applied
 * batch and the new cookie all come from the same moment. A page never splits one version: all rows
 * of the last version on it come along, so the cookie can move past it.
 */
export async function pull(
  runAsUser: RunAsUser,
  schema: string,
  subject: string,
  request: PullRequest,
): Promise<PullAnswer> {
  const read = async (trx: Trx, me: Caller): Promise<PullAnswer> => {
    const newest = me.teamVersion;
    const { cookie } = request;
    if (cookie && (cookie.team !== me.teamId || cookie.schema !== schema || cookie.version > newest))
      return { kind: 'reset' };
    const from = cookie?.version ?? 0;
    const limit = Math.min(request.limit ?? DEFAULT_PAGE, LIMITS.pullPageRows);

    const { rows, to, more } = await page(trx, from, newest, limit);
    const clientIds = new Set<string>();
    for (const row of rows) {
      const id = clientOf(row);
      if (id) clientIds.add(id);
    }
    const extras = await sidelines(trx, me, request.deviceId, from, to, {
      action: 'pull',
      device: request.deviceId,
      clientIds: [...clientIds],
      counts: { rows: rows.length, from, to },
      outcome: 'sent',
    });
    return {
      kind: 'changes',
      cookie: { team: me.teamId, version: to, schema },
      rows,
      ...extras,
      more,
    };
  };
  // One snapshot for the whole answer.
  return runAsUser(subject, read, { isolation: 'repeatable read', genericPlans: true });
}

type PulledRow = Extract<PullAnswer, { kind: 'changes' }>['rows'][number];

/**
 * The next page after `from`: the oldest visible rows, at most `limit` unless the version at the limit
 * has more rows (a page takes a version whole). Usually one statement: rows are read oldest first
 * through each table's (team_id, row_version) index and stop at the limit.
 */
async function page(
  trx: Trx,
  from: number,
  newest: number,
  limit: number,
): Promise<{ rows: PulledRow[]; to: number; more: boolean }> {
  const first = await changedRows(trx, { after: from, limit: limit + 1 });
  if (first.length <= limit) return { rows: first, to: newest, more: false };
  const atLimit = first[limit - 1]?.version ?? 0;
  if ((first[limit]?.version ?? 0) > atLimit) return { rows: first.slice(0, limit), to: atLimit, more: true };
  // The version at the limit goes on past it: the page takes all of it.
  const rest = await changedRows(trx, { after: atLimit - 1, upTo: atLimit });
  const more = (await changedRows(trx, { after: atLimit, limit: 1 })).length > 0;
  return { rows: [...first.filter((r) => r.version < atLimit), ...rest], to: more ? atLimit : newest, more };
}

/** Visible rows of every synced table with after < row_version (≤ upTo), oldest first (by table within a version). */
async function changedRows(trx: Trx, range: { after: number; upTo?: number; limit?: number }): Promise<PulledRow[]> {
  const upTo = range.upTo === undefined ? sql`` : sql`and t.row_version <= ${range.upTo}`;
  const limit = range.limit === undefined ? sql`` : sql`limit ${range.limit}`;
  const parts = SYNCED_TABLES.map(
    (
      { name },
      position,
    ) => sql`(select ${sql.lit(position)}::int as position, to_jsonb(t) - 'team_id' - 'row_version' as row,
      t.row_version from ${sql.table(name)} t where t.row_version > ${range.after} ${upTo} order by t.row_version ${limit})`,
  );
  const { rows } = await sql<{ position: number; row: SyncedRow; row_version: number }>`${PREPARED}
    ${sql.join(parts, sql` union all `)} order by row_version, position ${limit}`.execute(trx);
  return rows.map((r) => {
    const table = SYNCED_TABLES[r.position];
    if (!table) throw new Error(`No synced table at ${r.position}`);
    return { table: table.name, row: r.row, version: Number(r.row_version) };
  });
}

type Changes = Extract<PullAnswer, { kind: 'changes' }>;

/**
 * What comes with the rows, in one statement: erased keys, revoked clients, the device's last applied
 * batch, and the caller's conflicts and rejections, all in the page's range of versions. The same
 * statement writes the pull's audit line (`audit`, counting the erased keys and revoked clients too).
 */
async function sidelines(
  trx: Trx,
  me: Caller,
  deviceId: string,
  from: number,
  to: number,
  audit: AuditEntry,
): Promise<Pick<Changes, 'erased' | 'revoked' | 'lastSequence' | 'conflicts' | 'rejections'>> {
  const inRange = (alias: string) =>
    sql`${sql.ref(`${alias}.row_version`)} > ${from} and ${sql.ref(`${alias}.row_version`)} <= ${to}`;
  const { rows } = await sql<{
    erased: { table: SyncedTableName; key: SyncedRow }[];
    revoked: string[];
    last_sequence: number | null;
    conflicts: { id: string; table: SyncedTableName; pushed: SyncedRow; at: string }[];
    rejections: {
      id: string;
      table: SyncedTableName;
      key: SyncedRow;
      reason: 'not-allowed' | 'handed-over' | 'invalid' | 'missing-parent';
      at: string;
    }[];
  }>`${PREPARED} with found as (select
      (select coalesce(jsonb_agg(jsonb_build_object('table', e.table_name, 'key', e.row_key) order by e.row_version), '[]')
         from erased_row e where ${inRange('e')}) as erased,
      -- Clients the caller lost and cannot see now (a client handed back is simply visible): a caseworker
      -- loses those handed away from her, a key person those that left the team.
      (select coalesce(jsonb_agg(distinct r.client_id), '[]') from client_revocation r
         where ${inRange('r')}
           and (r.from_caseworker_id = ${me.caseworkerId} or (${me.role === 'key_person'} and r.to_team_id <> ${me.teamId}))
           and not exists (select 1 from client c where c.id = r.client_id)) as revoked,
      (select d.last_sequence from device d where d.subject = ${me.subject} and d.id = ${deviceId}) as last_sequence,
      (select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'table', c.table_name, 'pushed', c.pushed,
                'at', c.created_at) order by c.row_version), '[]')
         from conflict c where c.addressed_to = ${me.caseworkerId} and ${inRange('c')}) as conflicts,
      (select coalesce(jsonb_agg(jsonb_build_object('id', j.id, 'table', j.table_name, 'key', j.row_key,
                'reason', j.reason, 'at', j.created_at) order by j.row_version), '[]')
         from rejection j where j.subject = ${me.subject} and ${inRange('j')}) as rejections),
    logged as (${auditLine(
      me,
      audit,
      sql`(select jsonb_build_object('erased', jsonb_array_length(f.erased), 'revoked', jsonb_array_length(f.revoked))
           from found f)`,
    )})
    select * from found`.execute(trx);
  const found = rows[0];
  const iso = (at: string) => new Date(at).toISOString();
  return {
    erased: found?.erased ?? [],
    revoked: found?.revoked ?? [],
    lastSequence: Number(found?.last_sequence ?? 0),
    conflicts: (found?.conflicts ?? []).map((c) => ({ ...c, id: String(c.id), at: iso(c.at) })),
    rejections: (found?.rejections ?? []).map((r) => ({ ...r, id: String(r.id), at: iso(r.at) })),
  };
}
