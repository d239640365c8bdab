import { insertPaper } from '../../db/queries/papers';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JoinEntry } from '../../common/contract';
import { addTeam } from '../../server/team/add-team';
import { fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, createClient, ok, statusWhen } from '../helpers/seed';
import { browserPicking } from './oidc';
import { call, type RunningServer, startServer, startTeamStack, type TeamStack } from './team-stack';

/**
 * Joining a team with data on the laptop (issue 18, Must have 2): a key person's laptop brings
 * its lists, sheets and clients to an empty team; a caseworker's laptop is matched to the team's
 * lists and sheets by key and by name (the team's win), is told what the team lacks before
 * anything is sent, and then sends her clients with their notes and scorings.
 */

const KARIN = 'kp-c';
const PIET = 'cw-c';

let stack: TeamStack;
let server: RunningServer;
let team: { teamId: string; caseworkerId: string };
const open: TestKoers[] = [];

beforeAll(async () => {
  stack = await startTeamStack('team_join_data', [KARIN, PIET]);
  server = await startServer(stack);
  team = await addTeam(stack.ownerUrl, { name: 'Team Noord', keyPersonSubject: KARIN, keyPersonName: 'Karin Smit' });
}, 120_000);

afterEach(async () => {
  for (const koers of open.splice(0)) await koers.cleanup();
});

afterAll(async () => {
  await server?.close();
  await stack?.close();
});

/** A Koers used alone by `name` (a key person: she manages her own lists), signing in as `subject`. */
async function aloneAs(subject: string, name: string): Promise<TestKoers> {
  const desktop = fakeDesktop();
  desktop.browser = browserPicking(subject);
  const koers = await openTestKoers({ desktop });
  open.push(koers);
  await ok(koers.call('setup.complete', { language: 'nl', name, role: 'key_person', demo: false }));
  return koers;
}

const names = (entries: readonly JoinEntry[], kind: JoinEntry['kind']) =>
  entries
    .filter((e) => e.kind === kind)
    .map((e) => e.name ?? e.defaultKey)
    .sort();

/** The team's rows on the server, as its owner sees them. */
const onServer = async (
  table: 'client' | 'catalog_item' | 'sheet' | 'caseworker' | 'scoring' | 'note' | 'paper_sheet',
) =>
  (
    await sql<Record<string, unknown>>`select * from ${sql.table(table)} where team_id = ${team.teamId}`.execute(
      stack.owner,
    )
  ).rows;

/** Everything of the database file that could hold a row: the tables a join touches. */
async function snapshot(koers: TestKoers) {
  const db = koers.connection.db;
  const all = async (table: 'client' | 'catalog_item' | 'caseworker' | 'sheet' | 'scoring' | 'note' | 'sync_outbox') =>
    (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by rowid`.execute(db)).rows;
  return {
    clients: await all('client'),
    catalog: await all('catalog_item'),
    caseworkers: await all('caseworker'),
    sheets: await all('sheet'),
    scorings: await all('scoring'),
    notes: await all('note'),
    outbox: await all('sync_outbox'),
    link: await db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow(),
  };
}

describe('joining a team with clients on the laptop', () => {
  it('a key person brings her lists, sheets, colleagues and clients to an empty team; a caseworker is matched to them, told what is missing, and joins', async () => {
    // Karin kept the team's caseload alone: her own lists, a sheet, a colleague's client.
    const karin = await aloneAs(KARIN, 'Karin Smit');
    const youth = await ok(karin.call('catalog.create', { kind: 'target_group', name: 'Jongeren' }));
    const sheet = await ok(karin.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    const version = (await ok(karin.call('sheets.publish', { id: sheet.id }))).published!;
    const bram = await ok(karin.call('caseworkers.create', { name: 'Bram de Wit', role: 'caseworker' }));
    const mine = await createClient(karin, { firstName: 'Fatima', lastName: 'El Amrani', targetGroupId: youth.id });
    await ok(
      karin.call('scorings.create', {
        clientId: mine.id,
        versionId: version.id,
        date: '2026-11-30',
        scoredBy: 'together',
        scores: version.indicators.map((i) => ({ indicatorId: i.id, value: i.scaleMin + 1, comment: null })),
      }),
    );
    await ok(
      karin.call('notes.create', {
        clientId: mine.id,
        kind: 'conversation',
        notedAt: '2026-11-30T10:00',
        body: 'Eerste gesprek bij Karin',
      }),
    );
    const bramsClient = await createClient(karin, { firstName: 'Jens', lastName: 'Østergaard', caseworkerId: bram.id });

    const preview = await ok(karin.call('sync.join', { serverUrl: server.url }));
    // Nothing is sent or written before she says yes.
    expect(preview.team).toBeNull();
    expect(await onServer('client')).toEqual([]);
    const joining = preview.joining!;
    expect(joining).toMatchObject({ teamName: 'Team Noord', role: 'key_person', clients: 2, missing: [] });
    expect(names(joining.added, 'target_group')).toEqual(['Jongeren']);
    expect(names(joining.added, 'sheet')).toContain(sheet.name);
    expect(names(joining.added, 'caseworker')).toEqual(['Bram de Wit']);
    expect(joining.reassigned).toEqual([expect.objectContaining({ name: 'Bram de Wit', count: 1 })]);

    const joined = await ok(karin.call('sync.confirmJoin', { confirm: true }));
    expect(joined).toMatchObject({ joining: null, team: { teamName: 'Team Noord', role: 'key_person' } });
    await statusWhen(karin, (s) => s.waiting === 0 && !s.syncing && s.problem === null);
    expect(karin.settings.get('currentCaseworkerId')).toBe(team.caseworkerId);

    // On the server: her lists and sheet are the team's; both clients are hers (to hand over later).
    const serverClients = await onServer('client');
    expect(serverClients.map((c) => c.id).sort()).toEqual([mine.id, bramsClient.id].sort());
    expect(new Set(serverClients.map((c) => c.caseworker_id))).toEqual(new Set([team.caseworkerId]));
    expect((await onServer('catalog_item')).some((c) => c.name === 'Jongeren')).toBe(true);
    expect((await onServer('sheet')).map((s) => s.name)).toEqual([sheet.name]);
    expect((await onServer('caseworker')).map((c) => c.name).sort()).toEqual(['Bram de Wit', 'Karin Smit']);
    expect(await onServer('scoring')).toHaveLength(1);
    expect((await onServer('note')).map((n) => n.body)).toEqual(['Eerste gesprek bij Karin']);
    expect(await karin.connection.db.selectFrom('sync_notice').select('id').execute()).toEqual([]);

    // Piet worked alone too, with the same sheet and shipped stages, a target group spelled his way,
    // and a stage of his own the team does not have.
    const piet = await aloneAs(PIET, 'Piet Jansen');
    const bramOnTeam = (await onServer('caseworker')).find((c) => c.name === 'Bram de Wit')!;
    // Karin gives him an account as the team's Bram? No: as a new caseworker she adds on her laptop.
    const pietOnTeam = await ok(karin.call('caseworkers.create', { name: 'Piet Jansen', role: 'caseworker' }));
    await ok(karin.call('sync.now', {}));
    await statusWhen(karin, (s) => s.waiting === 0 && !s.syncing);
    const member = await call(server.url, '/v1/members', {
      method: 'PUT',
      token: stack.tokens[KARIN],
      body: { subject: PIET, caseworkerId: pietOnTeam.id, role: 'caseworker' },
    });
    expect(member.status).toBe(200);
    expect(bramOnTeam.id).toBe(bram.id);

    const pietsGroup = await ok(piet.call('catalog.create', { kind: 'target_group', name: 'JONGEREN' }));
    const aftercare = await ok(piet.call('catalog.create', { kind: 'stage', name: 'Nazorg' }));
    const pietsSheet = await ok(piet.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    const pietsVersion = (await ok(piet.call('sheets.publish', { id: pietsSheet.id }))).published!;
    const { stages } = await catalog(piet);
    const shipped = stages.find((s) => s.defaultKey === 'plan')!;
    const his = await createClient(piet, {
      firstName: 'Öznur',
      lastName: 'Yılmaz',
      targetGroupId: pietsGroup.id,
      stageId: aftercare.id,
    });
    const other = await createClient(piet, { firstName: 'Rosa', lastName: 'Bakker', stageId: shipped.id });
    const scoring = await ok(
      piet.call('scorings.create', {
        clientId: his.id,
        versionId: pietsVersion.id,
        date: '2026-12-01',
        scoredBy: 'client',
        scores: pietsVersion.indicators.map((i) => ({ indicatorId: i.id, value: i.scaleMax, comment: null })),
      }),
    );

    // His own translation of his version, and a paper sheet printed on it for his client (issue 19).
    await ok(
      piet.call('sheets.saveTranslation', {
        versionId: pietsVersion.id,
        language: 'tr',
        indicators: [{ key: pietsVersion.indicators[0]!.key, name: 'Katılım', description: null, levels: [] }],
      }),
    );
    await insertPaper(
      piet.connection.db,
      { code: 'PIE-T001', clientId: his.id, versionId: pietsVersion.id, printedOn: '2026-12-01' },
      '2026-12-01T09:00:00.000Z',
      null,
    );

    const before = await snapshot(piet);
    const asked = (await ok(piet.call('sync.join', { serverUrl: server.url }))).joining!;
    expect(asked.role).toBe('caseworker');
    expect(names(asked.missing, 'stage')).toEqual(['Nazorg']);
    expect(asked.missing[0]!.count).toBeGreaterThan(0);
    expect(names(asked.matched, 'target_group')).toEqual(['JONGEREN']);
    expect(names(asked.matched, 'sheet')).toEqual([pietsSheet.name]);
    expect(names(asked.matched, 'stage')).toContain('plan');
    // Refused while the team lacks what his clients use: nothing changed, nothing sent.
    expect(await piet.call('sync.confirmJoin', { confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'team_missing-on-team' } },
    });
    expect(await snapshot(piet)).toEqual(before);
    expect((await onServer('client')).map((c) => c.id)).not.toContain(his.id);
    // Cancelled: still alone, and the sign-in is gone.
    expect(await ok(piet.call('sync.cancelJoin', {}))).toMatchObject({ team: null, joining: null, signedIn: false });
    expect(await piet.call('sync.confirmJoin', { confirm: true })).toMatchObject({
      ok: false,
      error: { details: { reason: 'team_no-join-waiting' } },
    });

    // Karin adds the stage to the team; Piet joins again and everything of his goes up.
    await ok(karin.call('catalog.create', { kind: 'stage', name: 'nazorg' }));
    await ok(karin.call('sync.now', {}));
    await statusWhen(karin, (s) => s.waiting === 0 && !s.syncing);
    const again = (await ok(piet.call('sync.join', { serverUrl: server.url }))).joining!;
    expect(again.missing).toEqual([]);
    expect(await snapshot(piet)).toEqual(before);
    await ok(piet.call('sync.confirmJoin', { confirm: true }));
    await statusWhen(piet, (s) => s.waiting === 0 && !s.syncing && s.problem === null);
    expect(await piet.connection.db.selectFrom('sync_notice').select(['id', 'reason']).execute()).toEqual([]);

    // On the server, his clients use the team's lists and sheet, and are his.
    const teamCatalog = await onServer('catalog_item');
    const teamStage = teamCatalog.find((c) => c.name === 'nazorg')!;
    const teamYouth = teamCatalog.find((c) => c.name === 'Jongeren')!;
    const uploaded = (await onServer('client')).find((c) => c.id === his.id)!;
    expect(uploaded).toMatchObject({
      caseworker_id: pietOnTeam.id,
      stage_id: teamStage.id,
      target_group_id: teamYouth.id,
    });
    expect((await onServer('client')).find((c) => c.id === other.id)).toMatchObject({ caseworker_id: pietOnTeam.id });
    const uploadedScoring = (await onServer('scoring')).find((s) => s.id === scoring.id)!;
    expect(uploadedScoring.version_id).toBe(version.id);
    // His paper sheet now names the team's version; his translation of the version it replaced is gone.
    expect((await onServer('paper_sheet')).map((p) => [p.code, p.version_id])).toEqual([['PIE-T001', version.id]]);
    expect(await piet.connection.db.selectFrom('sheet_translation').select('language').execute()).toEqual([]);
    expect(uploadedScoring.caseworker_id).toBe(pietOnTeam.id);
    // Only the team's lists and sheets are left on his laptop.
    const db = piet.connection.db;
    expect(await db.selectFrom('sheet').select('id').execute()).toEqual([{ id: sheet.id }]);
    expect(
      await db.selectFrom('catalog_item').select('id').where('id', 'in', [pietsGroup.id, aftercare.id]).execute(),
    ).toEqual([]);
    expect(piet.settings.get('currentCaseworkerId')).toBe(pietOnTeam.id);
    const chart = await ok(piet.call('charts.progression', { clientId: his.id }));
    // His scoring shows on the team's sheet.
    expect(chart.indicators.map((i) => i.sheetName)).toEqual([sheet.name]);
    expect(chart.series.flatMap((series) => series.points)).toEqual([
      expect.objectContaining({ date: '2026-12-01', scoredBy: 'client' }),
    ]);

    // Karin's laptop sees his clients after her next sync (the team view works on them).
    await ok(karin.call('sync.now', {}));
    await statusWhen(karin, (s) => !s.syncing && s.problem === null);
    await expect
      .poll(async () => (await karin.connection.db.selectFrom('client').select('id').execute()).map((c) => c.id), {
        timeout: 10_000,
      })
      .toContain(his.id);
  });
});
