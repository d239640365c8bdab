import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plusDays, weeksBetween } from '../../common/dates';
import {
  ACTION_KINDS,
  CATALOG_KINDS,
  CONSENT_FORMS,
  LEGAL_BASES,
  NOTE_KINDS,
  SCORED_BY,
  SYNC_NOTICE_KINDS,
} from '../../common/enums';
import { type Connection, openConnection } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { preparedQuery } from '../../db/prepared';
import { insertCaseworker } from '../../db/queries/caseworkers';
import { insertClient } from '../../db/queries/clients';
import { addHouseholdMembers, insertHousehold, listHouseholds } from '../../db/queries/households';
import { getVersion, insertDraft, insertSheet } from '../../db/queries/sheets';
import type { Database } from '../../db/schema';
import { AppError, found } from '../../main/rpc/app-error';
import { tempFolder } from '../helpers/temp';

const AT = '2026-11-23T09:00:00.000Z';

const facts = (firstName: string, lastName: string, caseworkerId: string) => ({
  firstName,
  lastName,
  reference: null,
  dateOfBirth: null,
  phone: null,
  email: null,
  targetGroupId: null,
  householdId: null,
  startDate: '2026-01-05',
  stageId: null,
  caseworkerId,
});

describe('data layer helpers', () => {
  let temp: ReturnType<typeof tempFolder>;
  let connection: Connection;
  let anne: string;
  let bram: string;
  beforeEach(async () => {
    temp = tempFolder();
    connection = openConnection(join(temp.path, 'koers.sqlite'));
    await migrateToLatest(connection);
    anne = await insertCaseworker(connection.db, { name: 'Anne', role: 'key_person' }, AT, null);
    bram = await insertCaseworker(connection.db, { name: 'Bram', role: 'caseworker' }, AT, anne);
    await connection.db.transaction().execute(async (trx) => {
      for (const [first, last, worker] of [
        ['Jan', 'Jansen', anne],
        ['Els', 'de Vries', anne],
        ['Piet', 'Jansma', bram],
        ['Fatma', 'Yilmaz', bram],
      ] as const)
        await insertClient(trx, facts(first, last, worker), AT, anne);
    });
  });
  afterEach(async () => {
    await connection.close();
    temp.cleanup();
  });

  describe('preparedQuery', () => {
    /** The same query built plainly, for comparison. */
    const plain = (db: Kysely<Database>, filter: { caseworkerId?: string; prefix?: string }) =>
      db
        .selectFrom('client')
        .select(['id', 'last_name as lastName'])
        .$if(filter.caseworkerId !== undefined, (q) => q.where('caseworker_id', '=', filter.caseworkerId ?? ''))
        .$if(filter.prefix !== undefined, (q) => q.where('last_name', 'like', `${filter.prefix ?? ''}%`))
        .orderBy('last_name')
        .limit(10)
        .execute();

    function counted() {
      let builds = 0;
      const query = preparedQuery(
        (
          db,
          shape: { caseworker: boolean; prefix: boolean },
          v: { caseworkerId: string | null; pattern: string | null },
        ) => {
          builds += 1;
          return db
            .selectFrom('client')
            .select(['id', 'last_name as lastName'])
            .$if(shape.caseworker, (q) => q.where('caseworker_id', '=', v.caseworkerId))
            .$if(shape.prefix, (q) => q.where('last_name', 'like', v.pattern ?? ''))
            .orderBy('last_name')
            .limit(10);
        },
      );
      const run = (db: Kysely<Database>, filter: { caseworkerId?: string; prefix?: string }) =>
        query(
          db,
          { caseworker: filter.caseworkerId !== undefined, prefix: filter.prefix !== undefined },
          {
            caseworkerId: filter.caseworkerId ?? null,
            pattern: filter.prefix === undefined ? null : `${filter.prefix}%`,
          },
        );
      return { run, builds: () => builds };
    }

    it('returns what the plain query returns, for other values and other shapes, compiling each shape once', async () => {
      const { run, builds } = counted();
      const filters = [
        { caseworkerId: anne },
        { caseworkerId: bram },
        { caseworkerId: 'nobody' },
        {},
        { prefix: 'Jans' },
        { prefix: 'de' },
        { caseworkerId: anne, prefix: 'Jans' },
        { caseworkerId: bram, prefix: 'Jans' },
      ];
      for (const filter of filters) {
        const expected = await plain(connection.db, filter);
        expect(await run(connection.db, filter)).toEqual(expected);
      }
      expect((await run(connection.db, { caseworkerId: bram })).map((r) => r.lastName)).toEqual(['Jansma', 'Yilmaz']);
      // Four shapes: no filter, caseworker, prefix, both.
      expect(builds()).toBe(4);
    });

    it('keeps the compiled query for another connection and runs inside a transaction', async () => {
      const { run, builds } = counted();
      await run(connection.db, { caseworkerId: anne });
      const second = openConnection(connection.path);
      try {
        expect(await run(second.db, { caseworkerId: bram })).toEqual(await plain(second.db, { caseworkerId: bram }));
      } finally {
        await second.close();
      }
      const inside = await connection.db.transaction().execute(async (trx) => {
        await insertClient(trx, facts('Noor', 'Jansen', bram), AT, anne);
        return run(trx, { caseworkerId: bram, prefix: 'Jans' });
      });
      expect(inside.map((r) => r.lastName)).toEqual(['Jansen', 'Jansma']);
      expect(builds()).toBe(2);
    });

    it('refuses a value used to compute or decide on while building: it would be baked into the SQL', async () => {
      const baked = preparedQuery((db, _shape: object, v: { name: string }) =>
        db.selectFrom('caseworker').select('id').where('name', 'like', `${v.name}%`),
      );
      await expect(baked(connection.db, {}, { name: 'An' })).rejects.toThrow(/bound value/);
      const query = preparedQuery((db, _shape: object, v: { name: string }) =>
        db.selectFrom('caseworker').select('id').where('name', '=', v.name),
      );
      expect(await query(connection.db, {}, { name: 'Anne' })).toEqual([{ id: anne }]);
      await expect(query(connection.db, {}, {} as { name: string })).rejects.toThrow(/no value for "name"/);
    });
  });

  it('found() returns what a lookup found and throws not_found naming what is missing', () => {
    expect(found({ id: 'x' }, 'Client')).toEqual({ id: 'x' });
    expect(found(0, 'Count')).toBe(0);
    for (const missing of [undefined, null]) {
      let error: unknown;
      try {
        found(missing, 'Client');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'not_found', message: 'Client not found' });
    }
  });

  it('parses the JSON of nested lists and leaves text that looks like JSON alone', async () => {
    const names = ['[1, 2]', '{"a": 1}'] as const;
    const household = await connection.db.transaction().execute(async (trx) => {
      const client = await insertClient(trx, facts(names[0], names[1], anne), AT, anne);
      const id = await insertHousehold(trx, { name: '["family"]', caseworkerId: anne }, AT, anne);
      await addHouseholdMembers(trx, id, [client], AT, anne);
      return id;
    });
    const [listed] = await listHouseholds(connection.db, [household]);
    expect(listed).toMatchObject({ name: '["family"]', members: [{ firstName: names[0], lastName: names[1] }] });
    // A list in a list: the levels of each indicator of a version.
    const versionId = await connection.db.transaction().execute(async (trx) => {
      const sheetId = await insertSheet(trx, { name: '{}', description: null }, AT, anne);
      const levels = [1, 2].map((value) => ({ value, label: `[${value}]`, description: '{"x": 1}' }));
      return insertDraft(
        trx,
        sheetId,
        [{ key: 'k', name: '[]', description: null, scaleMin: 1, scaleMax: 2, levels }],
        AT,
        anne,
      );
    });
    expect(await getVersion(connection.db, versionId)).toMatchObject({
      sheetName: '{}',
      indicators: [
        {
          name: '[]',
          levels: [
            { value: 1, label: '[1]', description: '{"x": 1}' },
            { value: 2, label: '[2]', description: '{"x": 1}' },
          ],
        },
      ],
    });
  });

  it('the migrations check the enums of common/enums.ts, value for value', async () => {
    const tables = await connection.db
      .selectFrom('sqlite_master' as never)
      .select(['name' as never, 'sql' as never])
      .where('type' as never, '=', 'table' as never)
      .execute();
    const checks: Record<string, string[]> = {};
    for (const table of tables as Array<{ name: string; sql: string | null }>) {
      for (const match of (table.sql ?? '').matchAll(/check \((\w+) IN \(([^)]*)\)\)/gi))
        checks[`${table.name}.${match[1]}`] = [...match[2]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    }
    expect(checks).toEqual({
      'catalog_item.kind': [...CATALOG_KINDS],
      'action.kind': [...ACTION_KINDS],
      'scoring.scored_by': [...SCORED_BY],
      'consent.legal_basis': [...LEGAL_BASES],
      'consent.given_as': [...CONSENT_FORMS],
      'note.kind': [...NOTE_KINDS],
      'sync_notice.kind': [...SYNC_NOTICE_KINDS],
    });
  });

  it('date arithmetic read and written by hand agrees with Date for every day from 1900 to 2100', () => {
    const DAY_MS = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += DAY_MS) {
      const date = iso(ms);
      for (const days of [-400, -1, 0, 1, 28, 84, 366]) expect(plusDays(date, days)).toBe(iso(ms + days * DAY_MS));
      expect(weeksBetween(date, iso(ms + 20 * DAY_MS))).toBe(2);
    }
    expect(() => plusDays('not a date', 1)).toThrow(RangeError);
  });

  it('a write that needs a transaction does not take a plain connection (checked by the type check)', () => {
    const db = connection.db;
    // @ts-expect-error insertClient counts pseudonyms and inserts: only inside a transaction.
    const outside = () => insertClient(db, facts('Eva', 'Smit', anne), AT, anne);
    expect(outside).toBeTypeOf('function');
  });
});
