import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Cookie } from '../../../common/sync/protocol';
import { connect } from '../../../server/db/connect';
import { SERVER_SCHEMA } from '../../../server/team-server';
import { summarize } from '../measure';
import { defineScenario } from '../scenario';
import {
  caseworkerIdOf,
  clientsOf,
  subjectOf,
  TEAM_COUNTER,
  teamDataset,
  teamIdOf,
  TEAMS,
  type TeamDataset,
} from '../team-dataset';
import { Laptop, newNote, type PullResult, startBenchServer, type BenchServer } from '../team-server';

/**
 * The team server over loopback HTTP against the municipality data set (tests/bench/team-dataset.ts):
 * a real server process as koers_app, real tokens from an OpenID provider on loopback.
 */

interface State {
  data: TeamDataset;
  server: BenchServer;
}

async function open(subjects: readonly string[]): Promise<State> {
  const data = await teamDataset();
  try {
    return { data, server: await startBenchServer(data.appUrl, subjects) };
  } catch (error) {
    await data.close();
    throw error;
  }
}

async function close(state: State): Promise<void> {
  try {
    await state.server.close();
  } finally {
    await state.data.close();
  }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** A laptop already in step with its team: its cookie is the team's version when the data set was made. */
const inStep = (team: number): Cookie => ({ team: teamIdOf(team), version: TEAM_COUNTER, schema: SERVER_SCHEMA });

interface PullState extends State {
  subject: string;
  last?: PullResult;
}

/** A first pull: a new laptop (no cookie) takes every page of what its user may see. */
function initialPull(name: string, subject: string, runs: number) {
  return defineScenario<PullState>({
    name,
    runs,
    warmup: 1,
    setup: async () => ({ ...(await open([subject])), subject }),
    async run(state) {
      const laptop = new Laptop(state.server.url, state.server.tokens.get(state.subject)!);
      state.last = await laptop.pullAll();
    },
    report: ({ last, data }) => ({
      rows: last?.rows ?? 0,
      pages: last?.pages ?? 0,
      MB: mb(last?.bytes ?? 0),
      'data set built in s': Math.round(data.built.ms / 100) / 10,
    }),
    teardown: close,
  });
}

interface PushState extends State {
  writer: Laptop;
  reader: Laptop;
  client: string;
  author: string;
}

/** How long the load runs (KOERS_BENCH_LOAD_SECONDS, default the two minutes) and how many laptops. */
const LOAD_SECONDS = Number(process.env.KOERS_BENCH_LOAD_SECONDS ?? 120);
const LOAD_LAPTOPS = Number(process.env.KOERS_BENCH_LOAD_LAPTOPS ?? 20);
// Tokens live five minutes (tests/server/oidc.ts); the run must end before they do.
if (!(LOAD_SECONDS > 0 && LOAD_SECONDS <= 240)) throw new Error('KOERS_BENCH_LOAD_SECONDS must be 1…240');
if (!(LOAD_LAPTOPS >= 1 && LOAD_LAPTOPS <= 200)) throw new Error('KOERS_BENCH_LOAD_LAPTOPS must be 1…200');

interface LoadLaptop {
  laptop: Laptop;
  client: string;
  author: string;
  pushed: string[];
  received: Map<string, number>;
}

interface LoadState extends State {
  laptops: LoadLaptop[];
  latencies: number[];
  errors: string[];
  seconds: number;
}

/** Laptop i belongs to caseworker 1 + ⌊i / 20⌋ of team i mod 20: the load spreads over the teams. */
const loadPerson = (i: number) => ({ team: i % TEAMS, index: 1 + Math.floor(i / TEAMS) });

export default [
  /** First pull of one caseload (~133 clients, all their records). Target: median < 2 s. */
  initialPull('team.pull.initial.caseworker', subjectOf(0, 1), 10),
  /** First pull of a key person of a 15-caseworker team (2,000 clients; colleagues' notes hidden by default). Target: median < 10 s. */
  initialPull('team.pull.initial.keyperson', subjectOf(0, 0), 5),

  /** A caseworker writes a note on one laptop; her other laptop pulls it. Target: median < 30 ms. */
  defineScenario<PushState>({
    name: 'team.push.note',
    runs: 50,
    warmup: 5,
    async setup() {
      const subject = subjectOf(0, 1);
      const state = await open([subject]);
      const token = state.server.tokens.get(subject)!;
      return {
        ...state,
        writer: new Laptop(state.server.url, token, inStep(0)),
        reader: new Laptop(state.server.url, token, inStep(0)),
        client: clientsOf(0, 1)[0]!,
        author: caseworkerIdOf(0, 1),
      };
    },
    async run(state, round) {
      const change = newNote(state.client, state.author, `Telefonisch contact, ronde ${round}.`);
      await state.writer.push([change]);
      const pulled = await state.reader.pullAll();
      if (!pulled.noteIds.includes(String(change.row.id))) throw new Error('the other laptop did not get the note');
    },
    teardown: close,
  }),

  /**
   * Laptops over loopback, each pushing a note and pulling in a loop for LOAD_SECONDS. Reports pairs
   * per second, their p99, errors, notes lost or duplicated (checked against PostgreSQL and against
   * what each laptop pulled) and the server's peak memory. The median column is the median pair.
   */
  defineScenario<LoadState>({
    name: 'team.load',
    runs: 1,
    warmup: 0,
    selfTimed: true,
    async setup() {
      const people = Array.from({ length: LOAD_LAPTOPS }, (_, i) => loadPerson(i));
      const state = await open([...new Set(people.map((p) => subjectOf(p.team, p.index)))]);
      const laptops = people.map((p, i) => ({
        laptop: new Laptop(state.server.url, state.server.tokens.get(subjectOf(p.team, p.index))!, inStep(p.team)),
        // Laptops of the same person write on different clients of hers.
        client: clientsOf(p.team, p.index)[i % 100]!,
        author: caseworkerIdOf(p.team, p.index),
        pushed: [],
        received: new Map<string, number>(),
      }));
      return { ...state, laptops, latencies: [], errors: [], seconds: 0 };
    },
    async run(state) {
      const start = performance.now();
      const until = start + LOAD_SECONDS * 1_000;
      await Promise.all(
        state.laptops.map(async (l, i) => {
          // Bounded by time and, in case the clock misbehaves, by count.
          for (let turn = 0; turn < 1_000_000 && performance.now() < until; turn++) {
            const change = newNote(l.client, l.author, `Belafspraak ${i}/${turn}.`);
            const began = performance.now();
            try {
              await l.laptop.push([change]);
              l.pushed.push(String(change.row.id));
              const pulled = await l.laptop.pullAll();
              for (const id of pulled.noteIds) l.received.set(id, (l.received.get(id) ?? 0) + 1);
              state.latencies.push(performance.now() - began);
            } catch (error) {
              state.errors.push(error instanceof Error ? error.message : String(error));
              if (state.errors.length > 1_000) throw error;
            }
          }
        }),
      );
      state.seconds = (performance.now() - start) / 1_000;
      return summarize(state.latencies).median_ms;
    },
    async report(state) {
      const pushed = state.laptops.flatMap((l) => l.pushed);
      const owner = connect(state.data.ownerUrl, { max: 1 });
      let stored: { rows: number; distinct: number };
      let sequences: { subject: string; id: string; last_sequence: number }[];
      try {
        const counted = await sql<{ rows: number; distinct: number }>`
          select count(*)::int as rows, count(distinct id)::int as distinct from note where id = any(${pushed})`.execute(
          owner,
        );
        stored = counted.rows[0] ?? { rows: 0, distinct: 0 };
        const added = await sql<{
          rows: number;
        }>`select count(*)::int as rows from note where row_version > ${TEAM_COUNTER}`.execute(owner);
        if ((added.rows[0]?.rows ?? 0) !== stored.rows) state.errors.push('notes stored that no laptop pushed');
        sequences = (
          await sql<{ subject: string; id: string; last_sequence: number }>`
            select subject, id, last_sequence from device`.execute(owner)
        ).rows;
      } finally {
        await owner.destroy();
      }
      // Each laptop must have pulled each of its own notes exactly once, and the server applied each batch once.
      let missing = 0;
      let twice = 0;
      for (const l of state.laptops) {
        for (const id of l.pushed) if (!l.received.has(id)) missing += 1;
        for (const count of l.received.values()) if (count > 1) twice += count - 1;
        const device = sequences.find((d) => d.id === l.laptop.deviceId);
        if (Number(device?.last_sequence ?? 0) !== l.laptop.sequence) state.errors.push('device sequence differs');
      }
      const sorted = [...state.latencies].sort((a, b) => a - b);
      const at = (q: number) =>
        Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
      return {
        laptops: state.laptops.length,
        seconds: Math.round(state.seconds),
        pairs: sorted.length,
        'pairs/s': Math.round((sorted.length / state.seconds) * 10) / 10,
        'p95 ms': at(0.95),
        'p99 ms': at(0.99),
        errors: state.errors.length,
        'lost (db)': pushed.length - stored.distinct,
        'duplicated (db)': stored.rows - stored.distinct,
        'not pulled': missing,
        'pulled twice': twice,
        'server peak RSS MB': state.server.peakRssMb(),
      };
    },
    teardown: close,
  }),
];
