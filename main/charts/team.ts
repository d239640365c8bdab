import type { TeamView } from '../../common/contract';

export interface TeamScore {
  clientId: string;
  caseworkerId: string | null;
  key: string;
  date: string;
  value: number;
}

export interface ChangeSummary {
  indicators: TeamView['indicators'];
  /** Per client, the mean change over its indicators (for the compass). */
  clientProgress: Map<string, { caseworkerId: string | null; change: number }>;
}

/**
 * Change per indicator between each client's first and latest score (rows in any
 * order; the earliest and latest dates win), how many improved, stayed the same or declined, and per client the mean
 * change across indicators. A client needs two scores on different dates to count.
 */
export function summarizeChange(rows: readonly TeamScore[], names: ReadonlyMap<string, string>): ChangeSummary {
  const firstLast = new Map<
    string,
    { client: string; caseworkerId: string | null; key: string; first: TeamScore; last: TeamScore }
  >();
  for (const row of rows) {
    const id = `${row.clientId}|${row.key}`;
    const entry = firstLast.get(id);
    if (!entry)
      firstLast.set(id, { client: row.clientId, caseworkerId: row.caseworkerId, key: row.key, first: row, last: row });
    else if (row.date < entry.first.date) entry.first = row;
    else if (row.date >= entry.last.date) entry.last = row;
  }
  const perKey = new Map<string, number[]>();
  const perClient = new Map<string, { caseworkerId: string | null; changes: number[] }>();
  for (const { client, caseworkerId, key, first, last } of firstLast.values()) {
    if (first.date === last.date) continue;
    const change = last.value - first.value;
    const changes = perKey.get(key) ?? [];
    changes.push(change);
    perKey.set(key, changes);
    const progress = perClient.get(client) ?? { caseworkerId, changes: [] };
    progress.changes.push(change);
    perClient.set(client, progress);
  }
  const mean = (values: readonly number[]) =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    indicators: [...names].map(([key, name]) => {
      const changes = perKey.get(key) ?? [];
      return {
        key,
        name,
        clients: changes.length,
        averageChange: mean(changes),
        improved: changes.filter((c) => c > 0).length,
        same: changes.filter((c) => c === 0).length,
        declined: changes.filter((c) => c < 0).length,
      };
    }),
    clientProgress: new Map(
      [...perClient].map(([client, p]) => [client, { caseworkerId: p.caseworkerId, change: mean(p.changes) ?? 0 }]),
    ),
  };
}

/** Mean of the clients' progress per caseworker. */
export function progressByCaseworker(clientProgress: ChangeSummary['clientProgress']): Map<string, number> {
  const sums = new Map<string, { total: number; n: number }>();
  for (const { caseworkerId, change } of clientProgress.values()) {
    if (!caseworkerId) continue;
    const sum = sums.get(caseworkerId) ?? { total: 0, n: 0 };
    sum.total += change;
    sum.n += 1;
    sums.set(caseworkerId, sum);
  }
  return new Map([...sums].map(([id, { total, n }]) => [id, total / n]));
}
