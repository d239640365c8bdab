import { type Kysely, sql } from 'kysely';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../server/db/connect';
import { migrateDatabase } from '../../server/db/migrate';
import type { ServerDatabase } from '../../server/db/schema';
import { APP_ROLE } from '../../server/db/security';
import { readTableColumns, type TableColumns } from '../../server/sync/columns';
import { push } from '../../server/sync/push';
import { NotKeyPerson, type RunAsUser, runAsMember, UnknownUser } from '../../server/sync/session';
import { addTeam } from '../../server/team/add-team';
import { disableMember, listMembers, putMember, whoAmI } from '../../server/team/members';
import { SERVER_SCHEMA } from '../../server/team-server';
import { freshDatabase } from './databases';
import { startPostgres, type TestPostgres } from './postgres';

/** A team from nothing: IT adds it with its key person; she adds a colleague, who then signs in; access ends. */

let postgres: TestPostgres;
let ownerUrl: string;
let app: Kysely<ServerDatabase>;
let columns: TableColumns;
// app is opened in beforeAll.
const runAsUser: RunAsUser = (subject, work, options) => runAsMember(app)(subject, work, options);

beforeAll(async () => {
  postgres = await startPostgres();
  ownerUrl = await freshDatabase(postgres, 'members');
  await migrateDatabase(ownerUrl);
  app = connect(postgres.url(APP_ROLE, 'members'));
  columns = await readTableColumns(app);
}, 120_000);

afterAll(async () => {
  await app?.destroy();
  await postgres?.stop();
});

function caseworkerRow(id: string, name: string) {
  const now = new Date().toISOString();
  return {
    id,
    name,
    role: 'caseworker',
    created_at: now,
    updated_at: now,
    updated_by: null,
    deleted_at: null,
    deactivated_at: null,
  };
}

describe('team membership', () => {
  it('from an empty server to a team of two, and back to one', async () => {
    const noord = await addTeam(ownerUrl, {
      name: 'Team Noord',
      keyPersonSubject: 'oid-anne',
      keyPersonName: 'Anne de Vries',
    });
    const zuid = await addTeam(ownerUrl, {
      name: 'Team Zuid',
      keyPersonSubject: 'oid-mette',
      keyPersonName: 'Mette Holm',
    });
    expect(await whoAmI(runAsUser, 'oid-anne', SERVER_SCHEMA)).toEqual({
      caseworkerId: noord.caseworkerId,
      teamId: noord.teamId,
      teamName: 'Team Noord',
      role: 'key_person',
      schema: SERVER_SCHEMA,
    });
    // Not yet a member: refused, with nothing to see.
    await expect(whoAmI(runAsUser, 'oid-lotte', SERVER_SCHEMA)).rejects.toBeInstanceOf(UnknownUser);

    // Anne's laptop brings Lotte's caseworker row; then Anne links Lotte's sign-in to it.
    const lotte = v7();
    const pushed = await push(runAsUser, columns, 'oid-anne', {
      protocol: 1,
      schema: SERVER_SCHEMA,
      deviceId: 'anne-laptop-1',
      batches: [
        {
          sequence: 1,
          changes: [{ table: 'caseworker', op: 'put', row: caseworkerRow(lotte, 'Lotte Visser'), baseVersion: null }],
        },
      ],
    });
    expect(pushed).toMatchObject({ kind: 'applied', rejected: 0 });
    await expect(
      putMember(runAsUser, 'oid-anne', {
        subject: 'oid-lotte',
        caseworkerId: 'no-such-caseworker',
        role: 'caseworker',
      }),
    ).rejects.toMatchObject({ reason: 'unknown-caseworker' });
    await putMember(runAsUser, 'oid-anne', { subject: 'oid-lotte', caseworkerId: lotte, role: 'caseworker' });
    expect(await whoAmI(runAsUser, 'oid-lotte', SERVER_SCHEMA)).toMatchObject({
      caseworkerId: lotte,
      role: 'caseworker',
    });
    expect((await listMembers(runAsUser, 'oid-anne')).map((m) => m.subject)).toEqual(['oid-anne', 'oid-lotte']);
    // A caseworker sees only herself and manages no one.
    expect((await listMembers(runAsUser, 'oid-lotte')).map((m) => m.subject)).toEqual(['oid-lotte']);
    await expect(
      putMember(runAsUser, 'oid-lotte', { subject: 'oid-x', caseworkerId: lotte, role: 'key_person' }),
    ).rejects.toBeInstanceOf(NotKeyPerson);
    // Another team's key person cannot take Lotte's sign-in over, nor link to Noord's caseworkers.
    await expect(
      putMember(runAsUser, 'oid-mette', { subject: 'oid-lotte', caseworkerId: zuid.caseworkerId, role: 'caseworker' }),
    ).rejects.toMatchObject({ reason: 'other-team' });
    await expect(
      putMember(runAsUser, 'oid-mette', { subject: 'oid-new', caseworkerId: lotte, role: 'caseworker' }),
    ).rejects.toMatchObject({ reason: 'unknown-caseworker' });

    // Access ends: Lotte is refused from the next request on; the account stays for the audit log.
    expect(await disableMember(runAsUser, 'oid-anne', 'oid-lotte')).toBe(true);
    await expect(whoAmI(runAsUser, 'oid-lotte', SERVER_SCHEMA)).rejects.toBeInstanceOf(UnknownUser);
    const owner = connect(ownerUrl);
    const kept = await sql<{ n: string }>`select count(*) as n from account where subject = 'oid-lotte'`.execute(owner);
    await owner.destroy();
    expect(Number(kept.rows[0]?.n)).toBe(1);
  });
});
