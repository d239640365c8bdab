import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openConnection } from '../../../db/connection';
import { migrateToLatest } from '../../../db/migrate';
import { SYNC_SCHEMA } from '../../../db/migrations';
import { countQueued, setCapturing } from '../../../db/queries/outbox';
import { linkTeam } from '../../../db/queries/sync-state';
import type { Koers } from '../../../main/open-koers';
import { type SyncResult, syncOnce } from '../../../main/sync/engine';
import { createTransport } from '../../../main/sync/transport';
import { tempFolder } from '../../helpers/temp';
import { openBenchApp } from '../bench-app';
import { BENCH_TODAY, dataset } from '../datasets';
import { defineScenario } from '../scenario';
import { caseworkerIdOf, subjectOf, teamDataset, teamIdOf, type TeamDataset } from '../team-dataset';
import { type BenchServer, startBenchServer } from '../team-server';

interface State {
  temp: ReturnType<typeof tempFolder>;
  /** A laptop in a team: its writes are captured. */
  inTeam: Koers;
  /** The same laptop alone: nothing captured. */
  alone: Koers;
  clientId: string;
}

/** Saves a note through its handler, as the note editor does. */
async function saveNote(app: Koers, clientId: string, round: number): Promise<void> {
  const saved = await app.dispatch('notes.create', {
    clientId,
    kind: 'conversation',
    notedAt: `${BENCH_TODAY}T09:00`,
    body: `Gesprek over werk en gezondheid, ronde ${round}. Afspraken gemaakt over de volgende stap.`,
  });
  if (!saved.ok) throw new Error(`notes.create: ${JSON.stringify(saved.error)}`);
}

interface ApplyState {
  data: TeamDataset;
  server: BenchServer;
  temp: ReturnType<typeof tempFolder>;
  /** A new, migrated, empty Koers database to copy for each run. */
  template: string;
  runs: number;
  last?: SyncResult;
  /** The longest the event loop was held up during a run (ms), over all measured runs; and the worst run's 99th percentile. */
  longestBlockMs: number;
  p99BlockMs: number;
  rows: number;
}

const KEY_PERSON = subjectOf(0, 0);

/** A key person's new laptop joins her 15-caseworker team and takes in everything she may see. */
async function firstSync(state: ApplyState): Promise<void> {
  const path = join(state.temp.path, `laptop-${++state.runs}.sqlite`);
  copyFileSync(state.template, path);
  const connection = openConnection(path);
  const blocks = monitorEventLoopDelay({ resolution: 5 });
  try {
    await linkTeam(connection.db, {
      serverUrl: state.server.url,
      teamId: teamIdOf(0),
      teamName: 'Team 0',
      caseworkerId: caseworkerIdOf(0, 0),
      role: 'key_person',
      deviceId: `koers-${randomUUID()}`,
    });
    const token = state.server.tokens.get(KEY_PERSON) ?? null;
    const transport = createTransport({ serverUrl: state.server.url, token: async () => token });
    blocks.enable();
    state.last = await syncOnce({ db: connection.db, transport, schema: SYNC_SCHEMA, now: () => new Date() });
    blocks.disable();
    // The first run is the warm-up: its block (code loaded, statements compiled) is not the user's.
    if (state.runs > 1) {
      state.longestBlockMs = Math.max(state.longestBlockMs, blocks.max / 1e6);
      state.p99BlockMs = Math.max(state.p99BlockMs, blocks.percentile(99) / 1e6);
    }
    const counted = await connection.db
      .selectFrom('client')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    state.rows = Number(counted.n);
  } finally {
    blocks.disable();
    await connection.close();
  }
}

export default [
  /**
   * A key person's first sync of a 15-caseworker team (2,000 clients with their records, colleagues'
   * notes hidden by default) into a new Koers database: pages over loopback HTTP from the real team
   * server, kept, then applied in transactions of 250 rows. Targets: median < 5 s; the longest
   * single block of the main process's event loop < 100 ms.
   */
  defineScenario<ApplyState>({
    name: 'sync.apply.initial',
    runs: 5,
    warmup: 1,
    async setup() {
      const data = await teamDataset();
      const temp = tempFolder('koers-bench-apply-');
      try {
        const server = await startBenchServer(data.appUrl, [KEY_PERSON]);
        const template = join(temp.path, 'template.sqlite');
        const connection = openConnection(template);
        await migrateToLatest(connection);
        await connection.close();
        return { data, server, temp, template, runs: 0, longestBlockMs: 0, p99BlockMs: 0, rows: 0 };
      } catch (error) {
        temp.cleanup();
        await data.close();
        throw error;
      }
    },
    run: firstSync,
    report: ({ last, longestBlockMs, p99BlockMs, rows }) => ({
      'rows applied': last?.pulled ?? 0,
      clients: rows,
      'longest block ms': Math.round(longestBlockMs * 10) / 10,
      'p99 block ms': Math.round(p99BlockMs * 10) / 10,
    }),
    async teardown({ data, server, temp }) {
      try {
        await server.close();
      } finally {
        temp.cleanup();
        await data.close();
      }
    },
  }),

  /**
   * The cost of change capture on a normal write: a note saved with capture on (the outbox row
   * written by its trigger in the same transaction) against the same save on a copy without.
   * Target: ratio ≤ 1.2.
   */
  defineScenario<State>({
    name: 'sync.outbox.overhead',
    runs: 60,
    warmup: 5,
    async setup() {
      const data = await dataset('M');
      const temp = tempFolder('koers-bench-sync-');
      const open = async (name: string) => {
        const path = join(temp.path, `${name}.sqlite`);
        copyFileSync(data.path, path);
        return openBenchApp(path, temp.path, { caseworkerId: data.caseworkerId });
      };
      const inTeam = await open('team');
      const alone = await open('alone');
      await setCapturing(inTeam.connection.db, true);
      const client = await inTeam.connection.db
        .selectFrom('client')
        .select('id')
        .where('caseworker_id', '=', data.caseworkerId)
        .where('status', '=', 'active')
        .limit(1)
        .executeTakeFirstOrThrow();
      return { temp, inTeam, alone, clientId: client.id };
    },
    run: (state, round) => saveNote(state.inTeam, state.clientId, round),
    baseline: (state, round) => saveNote(state.alone, state.clientId, round),
    report: async ({ inTeam, alone }) => ({
      'queued in team': await countQueued(inTeam.connection.db),
      'queued alone': await countQueued(alone.connection.db),
    }),
    async teardown({ temp, inTeam, alone }) {
      await inTeam.close();
      await alone.close();
      temp.cleanup();
    },
  }),
];
