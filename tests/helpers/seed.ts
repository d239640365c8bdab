import type { CatalogItem, Input, TeamSyncStatus } from '../../common/contract';
import type { TestKoers } from './koers';

/** Unwraps an envelope in a test: the value, or a thrown error saying what failed. */
export async function ok<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** First run done (a key person), so handlers have a current caseworker. */
export async function setUp(koers: TestKoers, name = 'Anne de Vries'): Promise<string> {
  const { caseworkerId } = await ok(
    koers.call('setup.complete', { language: 'nl', name, role: 'key_person', demo: false }),
  );
  return caseworkerId;
}

export async function catalog(
  koers: TestKoers,
): Promise<{ stages: CatalogItem[]; reasons: CatalogItem[]; targetGroups: CatalogItem[] }> {
  const items = await ok(koers.call('catalog.list', {}));
  return {
    stages: items.filter((i) => i.kind === 'stage'),
    reasons: items.filter((i) => i.kind === 'closure_reason'),
    targetGroups: items.filter((i) => i.kind === 'target_group'),
  };
}

/** The three-indicator sheet (Financiën, Wonen, Dagbesteding on 1–5) that the spreadsheet fixtures score on, published. */
export async function publishSheet(koers: TestKoers, targetGroupIds: string[] = []) {
  const levels = [1, 2, 3, 4, 5].map((value) => ({ value, label: `Niveau ${value}`, description: null }));
  const created = await ok(koers.call('sheets.createFromStarter', { starter: 'empty', language: 'nl' }));
  await ok(
    koers.call('sheets.saveDraft', {
      sheetId: created.id,
      name: 'Zelfredzaamheid',
      targetGroupIds,
      indicators: ['Financiën', 'Wonen', 'Dagbesteding'].map((name) => ({
        name,
        description: null,
        scaleMin: 1,
        scaleMax: 5,
        levels,
      })),
    }),
  );
  return ok(koers.call('sheets.publish', { id: created.id }));
}

export async function createClient(koers: TestKoers, input: Partial<Input<'clients.create'>> = {}) {
  return ok(koers.call('clients.create', { firstName: 'Fatima', lastName: 'El Amrani', ...input }));
}

/** The team sync status once it satisfies `done` (asked every 50 ms, for at most 10 s). */
export async function statusWhen(koers: TestKoers, done: (s: TeamSyncStatus) => boolean): Promise<TeamSyncStatus> {
  for (let i = 0; i < 200; i++) {
    const status = await ok(koers.call('sync.status', {}));
    if (done(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The sync status did not get there within 10 s');
}
