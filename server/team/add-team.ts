import { sql } from 'kysely';
import { v7 } from 'uuid';
import { connect } from '../db/connect';

export interface NewTeam {
  teamId: string;
  caseworkerId: string;
}

/**
 * `team-server add-team`: a new team with its first key person, run by IT as the database owner
 * (no one can sign in to a team that has no members yet). The key person adds the others.
 */
export async function addTeam(
  databaseUrl: string,
  wanted: { name: string; keyPersonSubject: string; keyPersonName: string },
): Promise<NewTeam> {
  const db = connect(databaseUrl, { max: 1 });
  try {
    return await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const caseworkerId = v7();
      const team = await sql<{ id: string }>`insert into team (name) values (${wanted.name}) returning id`.execute(trx);
      const teamId = team.rows[0]?.id;
      if (!teamId) throw new Error('The team was not created.');
      await sql`insert into caseworker (id, name, role, created_at, updated_at, updated_by, deleted_at, deactivated_at, team_id, row_version)
        values (${caseworkerId}, ${wanted.keyPersonName}, 'key_person', ${now}, ${now}, null, null, null, ${teamId},
                (select koers_bump_team(${teamId})))`.execute(trx);
      await sql`insert into account (subject, caseworker_id, team_id, role)
        values (${wanted.keyPersonSubject}, ${caseworkerId}, ${teamId}, 'key_person')`.execute(trx);
      return { teamId, caseworkerId };
    });
  } finally {
    await db.destroy();
  }
}
