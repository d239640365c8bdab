import { type Kysely, type RawBuilder, sql } from 'kysely';

/**
 * Pieces more than one migration writes. The SQL they produce is part of the migrations that call
 * them (a backup's schema is compared with what the migrations make): change it only by adding.
 */

/**
 * Widens a CHECK list of `table` by editing its definition in place, as SQLite's documentation
 * describes for changes that leave every stored row valid (SQLite has no ALTER for a CHECK).
 * `before` must occur exactly once in the definition. The file is quick-checked afterwards.
 */
export async function widenCheck(db: Kysely<unknown>, table: string, before: string, after: string): Promise<void> {
  const { rows } = await sql<{ version: number }>`PRAGMA schema_version`.execute(db);
  await sql`PRAGMA writable_schema = ON`.execute(db);
  try {
    const edited = await sql`UPDATE sqlite_schema SET sql = replace(sql, ${before}, ${after})
      WHERE type = 'table' AND name = ${table} AND instr(sql, ${before}) > 0`.execute(db);
    if (edited.numAffectedRows !== 1n) throw new Error(`${table}: check ${before} not found`);
    await sql.raw(`PRAGMA schema_version = ${(rows[0]?.version ?? 0) + 1}`).execute(db);
  } finally {
    await sql`PRAGMA writable_schema = OFF`.execute(db);
  }
  // As the documentation asks after such an edit: the file must read back whole.
  const check = await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(db);
  if (check.rows[0]?.quick_check !== 'ok') throw new Error(`Database check failed after the ${table} edit`);
}

/**
 * Change capture for team sync (see 0010): after every insert, update and delete of `table`, its
 * row's key goes into `sync_outbox` — once the laptop has joined a team and not while a pull applies.
 */
export async function captureChanges(db: Kysely<unknown>, table: string, key: readonly string[]): Promise<void> {
  /** Queues the row's key as the trigger sees it in `row`, when `condition` holds. */
  const queue = (row: 'NEW' | 'OLD', condition = sql`true`) =>
    sql`INSERT INTO sync_outbox (table_name, row_key)
      SELECT ${sql.lit(table)}, json_object(${sql.join(key.flatMap((c) => [sql.lit(c), sql.ref(`${row}.${c}`)]))})
      WHERE ${condition}
      ON CONFLICT (table_name, row_key) DO UPDATE SET touched = touched + 1;`;
  const when = sql`WHEN (SELECT capturing AND NOT applying FROM sync_state)`;
  const t = sql.table(table);
  // Keys never change in Koers; were one to, the old key is queued too (the server then erases it).
  const keyChanged = sql.join(
    key.map((c) => sql`${sql.ref(`OLD.${c}`)} IS NOT ${sql.ref(`NEW.${c}`)}`),
    sql` OR `,
  );
  await sql`CREATE TRIGGER ${sql.id(`sync_capture_${table}_insert`)} AFTER INSERT ON ${t} ${when}
      BEGIN ${queue('NEW')} END`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(`sync_capture_${table}_update`)} AFTER UPDATE ON ${t} ${when}
      BEGIN ${queue('NEW')} ${queue('OLD', keyChanged)} END`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(`sync_capture_${table}_delete`)} AFTER DELETE ON ${t} ${when}
      BEGIN ${queue('OLD')} END`.execute(db);
}

/* Colleagues' clients are read-only on a key person's copy of a team (see 0012). */
export const REFUSED = sql`SELECT RAISE(ABORT, 'koers: colleagues_client');`;
export const KEY_PERSON_COPY = sql`(SELECT role = 'key_person' AND capturing AND NOT applying FROM sync_state)`;
export const ME = sql`(SELECT caseworker_id FROM sync_state)`;

/** The caseworker of the client or household a row of `table` belongs to, as `row` (NEW or OLD) says. */
function holderOf(table: string, row: 'NEW' | 'OLD') {
  const ref = (column: string) => sql.ref(`${row}.${column}`);
  switch (table) {
    case 'score':
      return sql`(SELECT c.caseworker_id FROM scoring s JOIN client c ON c.id = s.client_id WHERE s.id = ${ref('scoring_id')})`;
    case 'note':
      return sql`(CASE WHEN ${ref('client_id')} IS NOT NULL
        THEN (SELECT caseworker_id FROM client WHERE id = ${ref('client_id')})
        ELSE (SELECT caseworker_id FROM household WHERE id = ${ref('household_id')}) END)`;
    case 'note_version':
      return sql`(SELECT CASE WHEN n.client_id IS NOT NULL
        THEN (SELECT caseworker_id FROM client WHERE id = n.client_id)
        ELSE (SELECT caseworker_id FROM household WHERE id = n.household_id) END
        FROM note n WHERE n.id = ${ref('note_id')})`;
    default:
      return sql`(SELECT caseworker_id FROM client WHERE id = ${ref('client_id')})`;
  }
}

/**
 * Refuses adding or changing a row of `table` (a client's own rows, see 0012) on a colleague's client.
 * `unlinking`: for UPDATE, the change that is let through anyway is one where only other columns changed.
 */
export async function colleaguesRowsReadOnly(
  db: Kysely<unknown>,
  table: string,
  unlinking: RawBuilder<unknown> | null = null,
) {
  for (const [event, row] of [
    ['INSERT', 'NEW'],
    ['UPDATE', 'OLD'],
  ] as const) {
    const also = unlinking && event === 'UPDATE' ? sql` AND (${unlinking})` : sql``;
    await sql`CREATE TRIGGER ${sql.id(`colleagues_${table}_${event.toLowerCase()}`)} BEFORE ${sql.raw(event)} ON ${sql.table(table)}
        WHEN ${KEY_PERSON_COPY} AND ${holderOf(table, row)} IS NOT ${ME}${also}
        BEGIN ${REFUSED} END`.execute(db);
  }
}

/** Columns a key person may change on a colleague's client or household: who has it. */
const ASSIGNMENT = ['caseworker_id', 'updated_at', 'updated_by'];

/**
 * Refuses, on a key person's copy, every change to a colleague's client or household but its
 * assignment (see 0012), over the columns `table` has now: a migration that adds a column makes it again.
 */
export async function colleaguesAssignmentOnly(db: Kysely<unknown>, table: 'client' | 'household'): Promise<void> {
  const changed = await changedBesides(db, table, ASSIGNMENT);
  await sql`CREATE TRIGGER ${sql.id(`colleagues_${table}_update`)} BEFORE UPDATE ON ${sql.table(table)}
      WHEN ${KEY_PERSON_COPY} AND OLD.caseworker_id IS NOT ${ME} AND (${changed})
      BEGIN ${REFUSED} END`.execute(db);
}

/** "A column of `table` other than `except` changed", for an UPDATE trigger, as the table is now. */
export async function changedBesides(db: Kysely<unknown>, table: string, except: readonly string[]) {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
  return sql.join(
    rows
      .map((r) => r.name)
      .filter((name) => !except.includes(name))
      .map((c) => sql`${sql.ref(`NEW.${c}`)} IS NOT ${sql.ref(`OLD.${c}`)}`),
    sql` OR `,
  );
}
