import { type RawBuilder, sql } from 'kysely';
import type { Change, PushAnswer, PushBatch, PushRequest, SyncedRow } from '../../common/sync/protocol';
import { clientOf, type SyncedTable, syncedTable } from '../../common/sync/tables';
import { PREPARED } from '../db/connect';
import { errorCode } from '../db/errors';
import type { TableColumns } from './columns';
import { type Caller, recordAudit, type RunAsUser, type Trx } from './session';

type Outcome = 'applied' | 'conflict' | 'rejected';
type RejectionReason = 'not-allowed' | 'handed-over' | 'invalid' | 'missing-parent';

/** What every change of one batch shares: the transaction, who pushes, from where, at which version. */
interface BatchContext {
  trx: Trx;
  columns: TableColumns;
  me: Caller;
  deviceId: string;
  sequence: number;
  version: number;
  /** Each change in its own savepoint, so a refused one can be undone alone. */
  savepoints: boolean;
}

/** A change was refused in a batch applied without savepoints: the batch is applied again with them. */
class NeedsSavepoints extends Error {}

/**
 * Applies a laptop's batches in order, each in one transaction under the caller's identity, exactly
 * once: a batch already applied is skipped, a batch after a gap is refused (the laptop resends in
 * order). A change the caller may not make (any more) is recorded as a rejection addressed to her and
 * the queue moves on; a temporary failure rolls the batch back and is thrown for a retry.
 */
export async function push(
  runAsUser: RunAsUser,
  columns: TableColumns,
  subject: string,
  request: PushRequest,
): Promise<PushAnswer> {
  checkRows(columns, request);
  let last = 0;
  const totals = { changes: 0, rejected: 0, conflicts: 0 };
  for (const batch of request.batches) {
    const apply = (savepoints: boolean) =>
      runAsUser(subject, (trx, me) => applyBatch(trx, me, columns, request.deviceId, batch, savepoints));
    // Nearly every batch applies whole: only one with a refused change pays for a savepoint per change.
    const result = await apply(false).catch((error: unknown) => {
      if (error instanceof NeedsSavepoints) return apply(true);
      throw error;
    });
    last = result.lastSequence;
    if (result.kind === 'gap') return { kind: 'gap', lastSequence: last };
    totals.changes += result.changes;
    totals.rejected += result.rejected;
    totals.conflicts += result.conflicts;
  }
  return { kind: 'applied', lastSequence: last, ...totals };
}

interface BatchResult {
  kind: 'applied' | 'skipped' | 'gap';
  lastSequence: number;
  changes: number;
  rejected: number;
  conflicts: number;
}

async function applyBatch(
  trx: Trx,
  me: Caller,
  columns: TableColumns,
  deviceId: string,
  batch: PushBatch,
  savepoints: boolean,
): Promise<BatchResult> {
  // The device's row, created on first use and locked for the transaction (an upsert locks the row it
  // touches): two pushes from one laptop never interleave. The batch next in line takes the team's next
  // row version (koers_next_row_version: the team's counter, locked until the push commits, so one
  // team's pushes commit in version order and a pull never skips a version), in the same round trip.
  const device = await sql<{ last_sequence: number; version: number | null }>`${PREPARED}
    with touched as (
      insert into device (subject, id) values (${me.subject}, ${deviceId})
      on conflict (subject, id) do update set last_seen_at = now()
      returning last_sequence)
    select last_sequence,
      case when last_sequence + 1 = ${batch.sequence}::bigint then koers_next_row_version() end as version
    from touched`.execute(trx);
  const lastSequence = Number(device.rows[0]?.last_sequence ?? 0);
  const version = device.rows[0]?.version;
  const none = { changes: 0, rejected: 0, conflicts: 0 };
  if (batch.sequence <= lastSequence) return { kind: 'skipped', lastSequence, ...none };
  if (batch.sequence > lastSequence + 1) return { kind: 'gap', lastSequence, ...none };
  if (version === null || version === undefined) throw new Error('The team has no version counter.');

  const context: BatchContext = {
    trx,
    columns,
    me,
    deviceId,
    sequence: batch.sequence,
    version: Number(version),
    savepoints,
  };
  const counts = { changes: 0, rejected: 0, conflicts: 0 };
  const clients = new Set<string>();
  for (const change of batch.changes) {
    const client = clientOf(change);
    if (client) clients.add(client);
    const outcome = await applyOne(context, change);
    counts.changes += 1;
    if (outcome === 'conflict') counts.conflicts += 1;
    if (outcome === 'rejected') counts.rejected += 1;
  }
  // The device moves on and the push is audited, in one statement.
  await recordAudit(
    trx,
    me,
    {
      action: 'push',
      device: deviceId,
      clientIds: [...clients],
      counts: { ...counts, sequence: batch.sequence },
      outcome: counts.rejected > 0 ? 'partly-rejected' : 'applied',
    },
    sql`update device set last_sequence = ${batch.sequence}, last_seen_at = now()
        where subject = ${me.subject} and id = ${deviceId}`,
  );
  return { kind: 'applied', lastSequence: batch.sequence, ...counts };
}

/**
 * One change; with savepoints, a refused change is undone alone and recorded and the batch goes on.
 * Without, a refusal ends the attempt (NeedsSavepoints) and the whole batch is rolled back.
 */
async function applyOne(context: BatchContext, change: Change): Promise<Outcome> {
  const { trx, columns, me } = context;
  const table = syncedTable(change.table);
  const known = columns.get(change.table) ?? [];
  const key = keyOf(table, change.row);
  const apply = () =>
    change.op === 'delete' ? erase(context, table, key, change.row) : put(context, table, known, change, key);

  if (!context.savepoints)
    return apply().catch((error: unknown) => {
      throw refusalReason(error) ? new NeedsSavepoints() : error;
    });
  await sql`savepoint koers_change`.execute(trx);
  try {
    const outcome = await apply();
    await sql`release savepoint koers_change`.execute(trx);
    return outcome;
  } catch (error) {
    const reason = refusalReason(error);
    if (!reason) throw error;
    await sql`rollback to savepoint koers_change`.execute(trx);
    const handedOver = reason === 'not-allowed' && (await wasHandedOver(trx, me, change));
    return reject(context, change, handedOver ? 'handed-over' : reason);
  }
}

async function put(
  context: BatchContext,
  table: SyncedTable,
  known: readonly string[],
  change: Change,
  key: RawBuilder<unknown>,
): Promise<Outcome> {
  const { trx, me, version } = context;
  const values = sql`(${sql.join(known.map((c) => sql.ref(c)))}, team_id, row_version)
      values (${sql.join(known.map((c) => change.row[c] ?? null))}, ${me.teamId}, ${version})`;
  // A row the laptop made (no version seen yet) is usually new here too: one statement adds it. When
  // its key exists already, the row is looked at below.
  if (change.baseVersion === null) {
    const added = await sql`${PREPARED} insert into ${sql.table(table.name)} ${values}
      on conflict do nothing returning 1 as added`.execute(trx);
    if (added.rows.length > 0) return 'applied';
  }
  const current = await sql<{ row_version: number; assigned: string | null }>`${PREPARED}
    select row_version, ${table.name === 'client' || table.name === 'household' ? sql.ref('caseworker_id') : sql`null`} as assigned
    from ${sql.table(table.name)} where ${key} for update`.execute(trx);
  const seen = current.rows[0];
  if (!seen) {
    // New to the caller: a row it may not see (another's, handed over) fails its insert and is refused.
    await sql`insert into ${sql.table(table.name)} ${values}`.execute(trx);
    return 'applied';
  }
  // No silent overwrite: the server's row changed since the laptop saw it. Append-only rows are
  // changed by their author alone (a tombstone, a note's new text with its version): they never conflict.
  if (!table.appendOnly && (change.baseVersion === null || Number(seen.row_version) > change.baseVersion)) {
    await sql`insert into conflict (team_id, addressed_to, table_name, row_key, pushed, server_row_version, device, row_version)
      values (${me.teamId}, ${me.caseworkerId}, ${table.name}, ${JSON.stringify(keyValues(table, change.row))}::jsonb,
              ${JSON.stringify(change.row)}::jsonb, ${seen.row_version}, ${context.deviceId}, ${version})`.execute(trx);
    return 'conflict';
  }
  // A handover goes through koers_hand_over, after the client's other changes: once handed over,
  // the client is no longer the caller's to write.
  const handover = table.name === 'client' && change.row.caseworker_id !== seen.assigned;
  // A household follows its members (koers_client_moved): its own row never hands it over.
  const follows = handover || (table.name === 'household' && change.row.caseworker_id !== seen.assigned);
  // A pseudonym is the team's once given (koers_client_pseudonym): a laptop's older one is not taken back.
  const changed = known.filter(
    (c) =>
      !table.key.includes(c) && !(follows && c === 'caseworker_id') && !(table.name === 'client' && c === 'pseudonym'),
  );
  const updated = await sql`${PREPARED} update ${sql.table(table.name)}
    set ${sql.join(changed.map((c) => sql`${sql.ref(c)} = ${change.row[c] ?? null}`))}, row_version = ${version}
    where ${key}`.execute(trx);
  // Visible but not the caller's to change (a key person reading a caseworker's client): refused.
  if (Number(updated.numAffectedRows ?? 0) === 0) return reject(context, change, 'not-allowed');
  // The new caseworker's team: her own, or another (the client and its rows move there).
  if (handover)
    await sql`select koers_hand_over(${change.row.id ?? null}, ${change.row.caseworker_id ?? null},
      coalesce(koers_caseworker_team(${change.row.caseworker_id ?? null}), ${me.teamId}), ${version})`.execute(trx);
  return 'applied';
}

/** A privacy erasure: the row goes for real; its key is kept (no content) so other laptops erase it too. */
async function erase(
  context: BatchContext,
  table: SyncedTable,
  key: RawBuilder<unknown>,
  row: SyncedRow,
): Promise<Outcome> {
  const { trx, version } = context;
  // A client goes with everything about it, the rows this laptop could not see included.
  if (table.name === 'client') {
    await sql`select koers_erase_client(${row.id ?? null}, ${version})`.execute(trx);
    return 'applied';
  }
  const gone = await sql<{ key: unknown; team_id: string }>`
    delete from ${sql.table(table.name)} where ${key}
    returning jsonb_build_object(${sql.join(table.key.flatMap((c) => [sql.lit(c), sql.ref(c)]))}) as key, team_id`.execute(
    trx,
  );
  for (const row of gone.rows)
    await sql`insert into erased_row (team_id, table_name, row_key, row_version)
      values (${row.team_id}, ${table.name}, ${JSON.stringify(row.key)}::jsonb, ${version})`.execute(trx);
  // Nothing visible to erase: already gone, or not the caller's — either way nothing to undo.
  return 'applied';
}

async function reject(context: BatchContext, change: Change, reason: RejectionReason): Promise<Outcome> {
  const { trx, me } = context;
  const table = syncedTable(change.table);
  await sql`insert into rejection (team_id, subject, device, sequence, table_name, row_key, reason, row_version)
    values (${me.teamId}, ${me.subject}, ${context.deviceId}, ${context.sequence}, ${change.table},
            ${JSON.stringify(keyValues(table, change.row))}::jsonb, ${reason}, ${context.version})`.execute(trx);
  return 'rejected';
}

/** Was the change's client handed over away from the caller (so she lost it, rather than never had it)? */
async function wasHandedOver(trx: Trx, me: Caller, change: Change): Promise<boolean> {
  const client = clientOf(change);
  if (!client) return false;
  const found = await sql`select 1 from client_revocation
    where client_id = ${client} and from_caseworker_id = ${me.caseworkerId} limit 1`.execute(trx);
  return found.rows.length > 0;
}

function keyValues(table: SyncedTable, row: SyncedRow): SyncedRow {
  return Object.fromEntries(table.key.map((c) => [c, row[c] ?? null]));
}

/** `col = value and …` over the table's key (checkRows made sure the row has it). */
function keyOf(table: SyncedTable, row: SyncedRow): RawBuilder<unknown> {
  return sql.join(
    table.key.map((c) => sql`${sql.ref(c)} = ${row[c] ?? null}`),
    sql` and `,
  );
}

/** A pushed row that does not fit its table on this schema: the whole push is refused, nothing applied. */
export class MalformedChange extends Error {
  constructor(where: string) {
    super(`The request does not fit the tables (${where}). Nothing was applied.`);
    this.name = 'MalformedChange';
  }
}

/**
 * Before anything is applied: every row has its key, only columns the server knows, and (a put) all of
 * them. Both sides speak the same schema, so a row that does not fit is a fault, never a guess.
 */
function checkRows(columns: TableColumns, request: PushRequest): void {
  request.batches.forEach((batch, b) =>
    batch.changes.forEach((change, c) => {
      const { key } = syncedTable(change.table);
      const known = columns.get(change.table) ?? [];
      const unknown = Object.keys(change.row).filter((column) => !known.includes(column));
      const missing = (change.op === 'put' ? known : key).filter((column) => change.row[column] === undefined);
      const noKey = key.filter((column) => change.row[column] === null);
      const problems = [
        unknown.length > 0 ? `unknown columns ${unknown.join(', ')}` : '',
        missing.length > 0 ? `missing columns ${missing.join(', ')}` : '',
        noKey.length > 0 ? `empty key ${noKey.join(', ')}` : '',
      ].filter(Boolean);
      if (problems.length > 0)
        throw new MalformedChange(`batches.${b}.changes.${c}, ${change.table}: ${problems.join('; ')}`);
    }),
  );
}

/**
 * Refusals for good, by SQLSTATE: the policy's check or an invisible existing row (not allowed),
 * a missing parent, a value the column cannot hold. Anything else is not the laptop's fault.
 */
function refusalReason(error: unknown): RejectionReason | null {
  const code = errorCode(error);
  if (code === '42501' || code === '23505') return 'not-allowed';
  if (code === '23503') return 'missing-parent';
  if (/^(22|23)/.test(code)) return 'invalid';
  return null;
}
