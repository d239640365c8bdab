import type { Kysely } from 'kysely';
import { changedBesides, colleaguesAssignmentOnly, colleaguesRowsReadOnly } from './schema-edits';

/**
 * A key person's laptop holds the whole team's clients (issue 18, Must have 8): her colleagues'
 * are read-only there but for their assignment, as on the server (its policies and
 * koers_assignment_only). These triggers refuse, in the write itself, every other change to a
 * client or household that is not hers and every row added to or changed on one — whatever the
 * path (a handler, an import, a bulk action) — with the message `koers: colleagues_client`, which
 * the app shows as a translated refusal. Handing a client over (the assignment and its handover
 * record) stays hers to do; erasure deletes, which these triggers leave alone.
 *
 * They hold only on a key person's copy of a team, not while a pull is applied (the server's rows
 * are the team's), and never on a laptop alone. Written out as the tables are at this version.
 */

/** A client's own rows: added or changed only by its caseworker. Handover records are the assignment's. */
const CLIENT_ROWS = ['action', 'goal', 'stage_change', 'closure', 'scoring', 'score', 'note', 'note_version'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of CLIENT_ROWS) {
    // An erasure of her own client unlinks a colleague's to-do from its notes: only that is let through.
    const unlinking =
      table === 'action' ? await changedBesides(db, table, ['note_id', 'updated_at', 'updated_by']) : null;
    await colleaguesRowsReadOnly(db, table, unlinking);
  }
  for (const table of ['client', 'household'] as const) await colleaguesAssignmentOnly(db, table);
}
