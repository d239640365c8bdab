import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface TeamScoreFilter {
  sheetId: string;
  targetGroupId?: string;
  caseworkerId?: string;
  from?: string;
  to?: string;
}

/**
 * Caseworker and joint scores (self-scores and providers' left out) on any version of one sheet,
 * for the team view (unordered: the summary picks first and latest by date). The client's current caseworker is the one who
 * carries the progress.
 */
export async function teamScores(db: Kysely<Database>, filter: TeamScoreFilter) {
  let query = db
    .selectFrom('score as sc')
    .innerJoin('scoring as s', 's.id', 'sc.scoring_id')
    .innerJoin('sheet_version as v', 'v.id', 's.version_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .select([
      's.client_id as clientId',
      'c.caseworker_id as caseworkerId',
      'sc.indicator_key as key',
      's.scored_on as date',
      'sc.value',
    ])
    .where('v.sheet_id', '=', filter.sheetId)
    .where('s.deleted_at', 'is', null)
    .where('s.scored_by', 'in', ['caseworker', 'together'])
    .where('sc.value', 'is not', null)
    .where('c.deleted_at', 'is', null);
  if (filter.targetGroupId) query = query.where('c.target_group_id', '=', filter.targetGroupId);
  if (filter.caseworkerId) query = query.where('c.caseworker_id', '=', filter.caseworkerId);
  if (filter.from) query = query.where('s.scored_on', '>=', filter.from);
  if (filter.to) query = query.where('s.scored_on', '<=', filter.to);
  // value IS NOT NULL above; the cast saves copying 200,000 rows to tell TypeScript so.
  return (await query.execute()) as Array<{
    clientId: string;
    caseworkerId: string | null;
    key: string;
    date: string;
    value: number;
  }>;
}

/** Active caseload size and summed stage weights per caseworker. */
export async function workloadByCaseworker(db: Kysely<Database>) {
  return db
    .selectFrom('client as c')
    .leftJoin('catalog_item as st', 'st.id', 'c.stage_id')
    .select((eb) => [
      'c.caseworker_id',
      eb.fn.countAll<number>().as('caseload'),
      eb.fn.sum<number>(eb.fn.coalesce('st.weight', eb.lit(1))).as('weighted'),
    ])
    .where('c.status', '=', 'active')
    .where('c.deleted_at', 'is', null)
    .groupBy('c.caseworker_id')
    .execute();
}
