import { afterEach, describe, expect, it } from 'vitest';
import { definitionsOfRows, joinWithData, localDefinitions } from '../../db/queries/sync-join';
import { type Definitions, type LocalUse, planJoin } from '../../db/queries/sync-join-plan';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, createClient, ok, setUp } from '../helpers/seed';

/**
 * The plan of a join with data on the laptop (issue 18, Must have 2): matched by key and by name
 * (case, accents and spacing aside, shipped names in any language), the team's win; what a key
 * person adds and a caseworker lacks. And the join's transaction: all or nothing.
 */

const none: Definitions = {
  caseworkers: [],
  catalog: [],
  sheets: [],
  versions: [],
  sheetOfTargetGroup: new Map(),
  coverageTargets: 0,
};
const unused: LocalUse = { catalog: new Map(), versions: new Map(), clientsOf: new Map(), clients: 0, households: 0 };
const indicators = (keys: string[], max = 5) =>
  keys.map((key) => ({ id: `i-${key}-${max}`, key, scaleMin: 1, scaleMax: max }));

describe('planning a join', () => {
  it('matches list items by shipped key, by name in any language and by a name spelled otherwise', () => {
    const { mapping, preview } = planJoin({
      local: {
        ...none,
        catalog: [
          { id: 'l-intake', kind: 'stage', defaultKey: 'intake', name: null, deleted: false },
          { id: 'l-work', kind: 'closure_reason', defaultKey: 'work', name: null, deleted: false },
          { id: 'l-young', kind: 'target_group', defaultKey: null, name: 'Jongeren  onder 27', deleted: false },
          { id: 'l-own', kind: 'stage', defaultKey: null, name: 'Nazorg', deleted: false },
          { id: 'l-idle', kind: 'target_group', defaultKey: null, name: 'Oud', deleted: false },
        ],
      },
      team: {
        ...none,
        catalog: [
          { id: 't-intake', kind: 'stage', defaultKey: 'intake', name: 'Intake', deleted: false },
          // The team typed the Danish name: still the shipped "work".
          { id: 't-job', kind: 'closure_reason', defaultKey: null, name: 'job', deleted: false },
          { id: 't-young', kind: 'target_group', defaultKey: null, name: 'jongeren onder 27', deleted: false },
          // A removed item is no match.
          { id: 't-own', kind: 'stage', defaultKey: null, name: 'Nazorg', deleted: true },
        ],
      },
      use: { ...unused, catalog: new Map([['l-own', 3]]) },
      role: 'caseworker',
      currentLocal: null,
      me: 'cw',
    });
    expect(Object.fromEntries(mapping.catalog)).toEqual({
      'l-intake': 't-intake',
      'l-work': 't-job',
      'l-young': 't-young',
    });
    expect(preview.missing).toEqual([expect.objectContaining({ kind: 'stage', name: 'Nazorg', count: 3 })]);
    expect(preview.dropped).toEqual([expect.objectContaining({ kind: 'target_group', name: 'Oud' })]);
    expect(preview.added).toEqual([]);
  });

  it('matches a sheet version only with the same indicators on the same scales; a key person adds the rest, numbered after the team’s', () => {
    const local: Definitions = {
      ...none,
      sheets: [{ id: 'l-s', name: 'Zelfredzaamheid', deleted: false }],
      versions: [
        { id: 'l-v1', sheetId: 'l-s', number: 1, published: true, indicators: indicators(['a', 'b']) },
        { id: 'l-v2', sheetId: 'l-s', number: 2, published: true, indicators: indicators(['a', 'b'], 4) },
      ],
    };
    const team: Definitions = {
      ...none,
      sheets: [{ id: 't-s', name: 'zelfredzaamheid', deleted: false }],
      versions: [
        { id: 't-v1', sheetId: 't-s', number: 1, published: true, indicators: indicators(['x']) },
        { id: 't-v2', sheetId: 't-s', number: 2, published: true, indicators: indicators(['a', 'b']) },
      ],
    };
    const use = { ...unused, versions: new Map([['l-v2', 2]]) };
    const asCaseworker = planJoin({ local, team, use, role: 'caseworker', currentLocal: null, me: 'cw' });
    expect(Object.fromEntries(asCaseworker.mapping.versions)).toEqual({ 'l-v1': 't-v2' });
    expect(asCaseworker.mapping.indicators.get('i-a-5')).toBe('i-a-5');
    expect(asCaseworker.preview.missing).toEqual([
      expect.objectContaining({ kind: 'sheet_version', name: 'Zelfredzaamheid', number: 2, count: 2 }),
    ]);

    const asKeyPerson = planJoin({ local, team, use, role: 'key_person', currentLocal: null, me: 'kp' });
    expect(asKeyPerson.preview.missing).toEqual([]);
    expect([...asKeyPerson.mapping.added.versions]).toEqual(['l-v2']);
    expect(asKeyPerson.mapping.renumber.get('l-v2')).toBe(3);
    expect(asKeyPerson.preview.added).toEqual([expect.objectContaining({ kind: 'sheet_version', number: 3 })]);
  });

  it('makes every client hers; colleagues are matched by name, added by a key person, or hers', () => {
    const local: Definitions = {
      ...none,
      caseworkers: [
        { id: 'l-me', name: 'Anne de Vries', deleted: false },
        { id: 'l-piet', name: 'piet  jansen', deleted: false },
        { id: 'l-bram', name: 'Bram', deleted: false },
      ],
    };
    const team: Definitions = {
      ...none,
      caseworkers: [
        { id: 't-anne', name: 'A. de Vries', deleted: false },
        { id: 't-piet', name: 'Piet Jansen', deleted: false },
      ],
    };
    const use = {
      ...unused,
      clientsOf: new Map<string | null, number>([
        ['l-me', 4],
        ['l-bram', 2],
        [null, 1],
      ]),
      clients: 7,
    };
    const caseworker = planJoin({ local, team, use, role: 'caseworker', currentLocal: 'l-me', me: 't-anne' });
    expect(Object.fromEntries(caseworker.mapping.caseworkers)).toEqual({
      'l-me': 't-anne',
      'l-piet': 't-piet',
      'l-bram': 't-anne',
    });
    expect(caseworker.preview.reassigned).toEqual([
      expect.objectContaining({ name: 'Bram', count: 2 }),
      expect.objectContaining({ name: null, count: 1 }),
    ]);
    const keyPerson = planJoin({ local, team, use, role: 'key_person', currentLocal: 'l-me', me: 't-anne' });
    expect(keyPerson.mapping.caseworkers.get('l-bram')).toBe('l-bram');
    expect([...keyPerson.mapping.added.caseworkers]).toEqual(['l-bram']);
  });
});

describe('the join transaction', () => {
  let koers: TestKoers | undefined;
  afterEach(async () => {
    await koers?.cleanup();
    koers = undefined;
  });

  it("numbers a key person's own versions after the team's, also when her numbers are the new ones", async () => {
    koers = await openTestKoers();
    const me = await setUp(koers);
    const db = koers.connection.db;
    const sheet = await ok(koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    await ok(koers.call('sheets.publish', { id: sheet.id }));
    // Her versions 2 and 3 each add an indicator: the team has neither.
    for (const extra of ['Gezondheid', 'Schulden']) {
      const draft = (await ok(koers.call('sheets.edit', { id: sheet.id }))).draft!;
      const kept = draft.indicators.map(({ key, name, description, scaleMin, scaleMax, levels }) => ({
        key,
        name,
        description,
        scaleMin,
        scaleMax,
        levels: levels.map(({ value, label, description }) => ({ value, label, description })),
      }));
      const levels = [1, 2, 3].map((value) => ({ value, label: `Niveau ${value}`, description: '' }));
      await ok(
        koers.call('sheets.saveDraft', {
          sheetId: sheet.id,
          name: sheet.name,
          description: '',
          targetGroupIds: [],
          indicators: [...kept, { name: extra, description: '', scaleMin: 1, scaleMax: 3, levels }],
        }),
      );
      await ok(koers.call('sheets.publish', { id: sheet.id }));
    }
    // The team has the same sheet at versions 1 (as hers) and 2 (another indicator).
    const rowsOf = async (table: 'sheet' | 'sheet_version' | 'indicator' | 'indicator_level') =>
      (await db.selectFrom(table).selectAll().execute()) as unknown as Record<string, string | number | null>[];
    const mine1 = (await rowsOf('sheet_version')).find((v) => v.number === 1)!;
    const teamRows = [
      { table: 'sheet' as const, row: { ...(await rowsOf('sheet'))[0]!, id: 'team-sheet' }, version: 1 },
      ...[1, 2].map((number) => ({
        table: 'sheet_version' as const,
        row: { ...mine1, id: `team-v${number}`, sheet_id: 'team-sheet', number },
        version: 1,
      })),
      ...(await rowsOf('indicator'))
        .filter((i) => i.version_id === mine1.id)
        .flatMap((i) => [
          { table: 'indicator' as const, row: { ...i, id: 'team-i1', version_id: 'team-v1' }, version: 1 },
          {
            table: 'indicator' as const,
            row: { ...i, id: 'team-i2', version_id: 'team-v2', key: 'other' },
            version: 1,
          },
        ]),
    ];
    const here = await localDefinitions(db);
    const { mapping, preview } = planJoin({
      local: here.definitions,
      team: definitionsOfRows(teamRows),
      use: here.use,
      role: 'key_person',
      currentLocal: me,
      me: 'kp-team',
    });
    expect(preview.added.filter((e) => e.kind === 'sheet_version').map((e) => e.number)).toEqual([3, 4]);
    const link = {
      serverUrl: 'https://koers.example.org',
      teamId: '0190b6c4-5f0e-7000-8000-000000000001',
      teamName: 'Team',
      caseworkerId: 'kp-team',
      role: 'key_person' as const,
      deviceId: 'koers-test',
    };
    await joinWithData(db, { mapping, teamRows, link });
    const versions = await db
      .selectFrom('sheet_version')
      .select(['id', 'sheet_id', 'number'])
      .orderBy('number')
      .execute();
    expect(versions.map((v) => [v.sheet_id, v.number])).toEqual([
      ['team-sheet', 1],
      ['team-sheet', 2],
      ['team-sheet', 3],
      ['team-sheet', 4],
    ]);
  });

  it('changes nothing when a reference would be left dangling', async () => {
    koers = await openTestKoers();
    const me = await setUp(koers);
    const stageId = (await catalog(koers)).stages[0]!.id;
    await createClient(koers, { caseworkerId: me, stageId });
    const { stages } = await catalog(koers);
    const db = koers.connection.db;
    const before = await db.selectFrom('client').selectAll().execute();
    const here = await localDefinitions(db);
    // A team without stages: the plan says "missing"; forced through, the foreign keys refuse at commit.
    const { mapping, preview } = planJoin({
      local: here.definitions,
      team: none,
      use: here.use,
      role: 'caseworker',
      currentLocal: me,
      me: 'cw-team',
    });
    expect(preview.missing.length).toBeGreaterThan(0);
    const link = {
      serverUrl: 'https://koers.example.org',
      teamId: '0190b6c4-5f0e-7000-8000-000000000001',
      teamName: 'Team',
      caseworkerId: 'cw-team',
      role: 'caseworker' as const,
      deviceId: 'koers-test',
    };
    await expect(joinWithData(db, { mapping, teamRows: [], link })).rejects.toThrow(/FOREIGN KEY/);
    expect(await db.selectFrom('client').selectAll().execute()).toEqual(before);
    expect((await catalog(koers)).stages).toEqual(stages);
    expect(await db.selectFrom('sync_outbox').select('seq').execute()).toEqual([]);
    expect(
      (await db.selectFrom('sync_state').select(['server_url', 'capturing']).executeTakeFirstOrThrow()).capturing,
    ).toBe(0);
    expect((await ok(koers.call('app.info', {}))).currentCaseworker?.id).toBe(me);
  });
});
