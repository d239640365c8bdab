import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { summarizeChange } from '../../../main/charts/team';
import { openConnection } from '../../../db/connection';
import { migrateToLatest } from '../../../db/migrate';
import { insertCaseworker } from '../../../db/queries/caseworkers';
import { insertClient } from '../../../db/queries/clients';
import { insertScoring } from '../../../db/queries/scorings';
import { getVersion, insertDraft, insertSheet, publishVersion } from '../../../db/queries/sheets';
import { tempFolder } from '../../helpers/temp';
import { BENCH_TODAY, dataset } from '../datasets';
import { openBenchApp } from '../bench-app';
import { defineScenario } from '../scenario';

/** One client with 60 scorings on a 12-indicator sheet. */
export async function chartDatabase() {
  const temp = tempFolder('koers-bench-chart-');
  const path = join(temp.path, 'koers.sqlite');
  const connection = openConnection(path);
  await migrateToLatest(connection);
  const at = `${BENCH_TODAY}T08:00:00.000Z`;
  const clientId = await connection.db.transaction().execute(async (trx) => {
    const me = await insertCaseworker(trx, { name: 'Bench', role: 'key_person' }, at, null);
    const sheetId = await insertSheet(trx, { name: 'Twaalf indicatoren', description: null }, at, me);
    const indicators = Array.from({ length: 12 }, (_, i) => ({
      key: `k${i}`,
      name: `Indicator ${i + 1}`,
      description: null,
      scaleMin: 1,
      scaleMax: 5,
      levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Niveau ${value}`, description: null })),
    }));
    const versionId = await insertDraft(trx, sheetId, indicators, at, me);
    await publishVersion(trx, versionId, at);
    const version = (await getVersion(trx, versionId))!;
    const id = await insertClient(
      trx,
      {
        firstName: 'Bench',
        lastName: 'Client',
        reference: null,
        dateOfBirth: null,
        phone: null,
        email: null,
        targetGroupId: null,
        householdId: null,
        startDate: '2021-01-04',
        stageId: null,
        caseworkerId: me,
      },
      at,
      me,
    );
    for (let n = 0; n < 60; n++) {
      const date = new Date(Date.UTC(2021, 0, 4 + n * 28)).toISOString().slice(0, 10);
      const scores = version.indicators.map((ind, i) => ({
        indicatorId: ind.id,
        indicatorKey: ind.key,
        value: 1 + ((n + i) % 5),
        comment: null,
      }));
      await insertScoring(
        trx,
        {
          clientId: id,
          versionId,
          date,
          scoredBy: n % 4 === 3 ? 'client' : 'caseworker',
          organisation: null,
          caseworkerId: me,
          scores,
        },
        at,
        me,
      );
    }
    return id;
  });
  await connection.close();
  return { temp, path, clientId };
}

export default [
  /** Chart data for one client with 12 indicators × 60 scorings. Target: median < 20 ms. */
  defineScenario({
    name: 'chart.client',
    runs: 20,
    async setup() {
      const data = await chartDatabase();
      return {
        ...data,
        app: await openBenchApp(data.path, data.temp.path),
        raw: new BetterSqlite3(data.path, { readonly: true }),
      };
    },
    async run({ app, clientId }) {
      const result = await app.dispatch('charts.progression', { clientId });
      if (!result.ok) throw new Error('chart failed');
    },
    baseline({ raw, clientId }) {
      const rows = raw
        .prepare(
          `SELECT s.scored_on, s.scored_by, sc.indicator_key, sc.value FROM score sc JOIN scoring s ON s.id = sc.scoring_id
           WHERE s.client_id = ? AND s.deleted_at IS NULL AND sc.value IS NOT NULL ORDER BY s.scored_on`,
        )
        .all(clientId) as Array<{ scored_on: string; scored_by: string; indicator_key: string; value: number }>;
      const series = new Map<string, Array<[string, number]>>();
      for (const r of rows) {
        const id = `${r.indicator_key}|${r.scored_by === 'client' ? 'client' : 'caseworker'}`;
        (series.get(id) ?? series.set(id, []).get(id)!).push([r.scored_on, r.value]);
      }
      return series;
    },
    async teardown({ app, raw, temp }) {
      raw.close();
      await app.close();
      temp.cleanup();
    },
  }),
  /** The team view for the most used sheet over ~205,000 scores (L). Target: median < 500 ms. */
  defineScenario({
    name: 'team.view',
    runs: 7,
    warmup: 1,
    async setup() {
      const data = await dataset('L');
      const temp = tempFolder('koers-bench-team-');
      const raw = new BetterSqlite3(data.path, { readonly: true });
      const sheet = raw
        .prepare(
          'SELECT v.sheet_id AS id FROM scoring s JOIN sheet_version v ON v.id = s.version_id GROUP BY v.sheet_id ORDER BY count(*) DESC LIMIT 1',
        )
        .get() as { id: string };
      return {
        app: await openBenchApp(data.path, temp.path, { caseworkerId: data.caseworkerId }),
        raw,
        temp,
        sheetId: sheet.id,
      };
    },
    async run({ app, sheetId }) {
      const result = await app.dispatch('team.view', { sheetId });
      if (!result.ok) throw new Error('team view failed');
    },
    baseline({ raw, sheetId }) {
      const rows = raw
        .prepare(
          `SELECT s.client_id AS clientId, c.caseworker_id AS caseworkerId, sc.indicator_key AS key, s.scored_on AS date, sc.value AS value
           FROM score sc JOIN scoring s ON s.id = sc.scoring_id JOIN sheet_version v ON v.id = s.version_id JOIN client c ON c.id = s.client_id
           WHERE v.sheet_id = ? AND s.deleted_at IS NULL AND s.scored_by != 'client' AND sc.value IS NOT NULL AND c.deleted_at IS NULL`,
        )
        .all(sheetId) as Array<{
        clientId: string;
        caseworkerId: string | null;
        key: string;
        date: string;
        value: number;
      }>;
      return summarizeChange(rows, new Map());
    },
    async teardown({ app, raw, temp }) {
      raw.close();
      await app.close();
      temp.cleanup();
    },
  }),
];
