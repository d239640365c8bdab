import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { insertCaseworker } from '../../db/queries/caseworkers';
import { tempFolder } from '../helpers/temp';
import { prng } from '../helpers/prng';

/**
 * Crash safety, proven: a child (tests/helpers/crash-writer.ts) writes tagged groups of rows
 * through the real data layer and reports each commit; we SIGKILL it at random moments and,
 * after every kill, check the file is sound, no reported commit is lost and no group is half
 * there. All rounds share one database, so damage would accumulate.
 *
 * KOERS_CRASH_KILLS sets the number of kills (default 20 keeps `npm test` quick; the full
 * proof is KOERS_CRASH_KILLS=200); KOERS_CRASH_SEED varies sizes and kill delays.
 */
const root = resolve(import.meta.dirname, '../..');
const KILLS = positiveInteger('KOERS_CRASH_KILLS', 20);
const SEED = positiveInteger('KOERS_CRASH_SEED', 1);
/** Most rounds report a commit within a second; a slow CI machine gets this long. */
const FIRST_COMMIT_WAIT_MS = 15_000;
const MAX_EXTRA_DELAY_MS = 60;

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${name} must be a positive integer, not ${text}`);
  return Number(text);
}

interface Round {
  /** Tags the writer reported committed, with their row counts. */
  committed: Map<string, number>;
  /** The tag whose transaction was under way when the kill landed, if any. */
  inFlight: string | undefined;
}

/** Runs the writer until it has reported a commit, lets it run `delayMs` more, then SIGKILLs it. */
async function killRound(dbPath: string, seed: number, delayMs: number): Promise<Round> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/crash-writer.ts', dbPath, String(seed)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const committed = new Map<string, number>();
  let lastBegun: string | undefined;
  let pending = '';
  let stderr = '';
  const unexpected: string[] = [];
  let onCommit: (() => void) | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const begin = /^begin (\S+)$/.exec(line);
      const commit = /^committed (\S+) (\d+)$/.exec(line);
      if (begin) lastBegun = begin[1];
      else if (commit) {
        committed.set(commit[1]!, Number(commit[2]));
        onCommit?.();
      } else unexpected.push(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close' rather than 'exit': by then stdout is drained, so every reported line is counted.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );

  const firstCommit = new Promise<void>((done) => (onCommit = done));
  // Cancelled once decided, so 200 rounds leave no 15 s timers behind.
  const patience = new AbortController();
  const timedOut = sleep(FIRST_COMMIT_WAIT_MS, undefined, { signal: patience.signal }).catch(() => undefined);
  const early = await Promise.race([firstCommit.then(() => undefined), timedOut, closed]);
  patience.abort();
  if (early) throw new Error(`crash-writer exited by itself (code ${early.code}, signal ${early.signal}): ${stderr}`);
  await sleep(delayMs);
  child.kill('SIGKILL');
  const end = await closed;
  if (end.signal !== 'SIGKILL')
    throw new Error(`crash-writer ended with code ${end.code}, signal ${end.signal} instead of the kill: ${stderr}`);
  if (unexpected.length > 0) throw new Error(`crash-writer wrote unexpected lines: ${unexpected.join(' | ')}`);
  return { committed, inFlight: lastBegun !== undefined && !committed.has(lastBegun) ? lastBegun : undefined };
}

const TAG = /\[T-\d+-\d+\]/g;
const REFERENCE = /^(\[T-\d+-\d+\]) rows=(\d+)$/;

interface Check {
  problems: string[];
  /** Groups in the database, each with the row count its reference declares. */
  groups: Map<string, number>;
}

/** Reopens the database as the app would after a crash and checks it from top to bottom. */
async function checkDatabase(dbPath: string, reported: ReadonlyMap<string, number>): Promise<Check> {
  const connection = openConnection(dbPath);
  const problems: string[] = [];
  try {
    const integrity = connection.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
      problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
    const foreignKeys = connection.sqlite.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys)}`);
    // The notes' search index is kept by triggers; its own check would throw on damage.
    connection.sqlite.prepare("INSERT INTO note_fts (note_fts) VALUES ('integrity-check')").run();

    const { db } = connection;
    const clients = await db.selectFrom('client').select(['reference', 'last_name']).execute();
    const texts = [
      ...clients.map((c) => c.last_name),
      ...(await db.selectFrom('action').select('title').execute()).map((a) => a.title),
      ...(await db.selectFrom('note').select('body').execute()).map((n) => n.body),
      ...(await db.selectFrom('note_version').select('body').execute()).map((v) => v.body),
    ];
    const sequence = await db
      .selectFrom('sequence')
      .select('value')
      .where('name', '=', 'client_pseudonym')
      .executeTakeFirst();

    // Every tagged row, the client's reference included, counts once towards its group.
    const groups = new Map<string, number>();
    const found = new Map<string, number>();
    for (const { reference } of clients) {
      const match = REFERENCE.exec(reference ?? '');
      if (!match) {
        problems.push(`client with an unexpected reference ${reference}`);
        continue;
      }
      groups.set(match[1]!, Number(match[2]));
      found.set(match[1]!, (found.get(match[1]!) ?? 0) + 1);
    }
    for (const text of texts) for (const [tag] of text.matchAll(TAG)) found.set(tag, (found.get(tag) ?? 0) + 1);

    for (const [tag, rows] of groups)
      if (found.get(tag) !== rows) problems.push(`group ${tag} has ${found.get(tag)} of its ${rows} rows`);
    for (const [tag, rows] of found)
      if (!groups.has(tag)) problems.push(`${rows} rows of group ${tag} without its client`);
    for (const [tag, rows] of reported)
      if (groups.get(tag) !== rows)
        problems.push(
          `reported commit ${tag} (${rows} rows) is ${groups.has(tag) ? `recorded with ${groups.get(tag)} rows` : 'missing'}`,
        );
    // insertClient bumps the pseudonym counter in the same transaction as the client.
    if ((sequence?.value ?? 0) !== clients.length)
      problems.push(`pseudonym counter ${sequence?.value} for ${clients.length} clients`);
    return { problems, groups };
  } finally {
    await connection.close();
  }
}

describe('crash safety', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder('koers-crash-');
  });
  afterEach(() => temp.cleanup());

  it(
    `loses no reported commit and applies no transaction halfway across ${KILLS} SIGKILLs`,
    async () => {
      const started = Date.now();
      const dbPath = join(temp.path, 'koers.sqlite');
      const setup = openConnection(dbPath);
      await migrateToLatest(setup);
      await insertCaseworker(setup.db, { name: 'Crash Tester', role: 'caseworker' }, new Date().toISOString(), null);
      await setup.close();

      const random = prng(SEED);
      const reported = new Map<string, number>();
      let kills = 0;
      let inFlightKills = 0;
      let inFlightApplied = 0;
      let groupChecks = 0;
      let groups = 0;
      for (let round = 1; round <= KILLS; round++) {
        // Unique per round, so the writer's tags never repeat on this database.
        const seed = SEED * 1_000_000 + round;
        const result = await killRound(dbPath, seed, Math.floor(random() * (MAX_EXTRA_DELAY_MS + 1)));
        kills++;
        for (const [tag, rows] of result.committed) reported.set(tag, rows);
        const check = await checkDatabase(dbPath, reported);
        expect(check.problems, `after kill ${round} (writer seed ${seed})`).toEqual([]);
        if (result.inFlight) {
          // Killed between begin and report: the group may have committed, whole, or not at all.
          inFlightKills++;
          if (check.groups.has(result.inFlight)) inFlightApplied++;
        }
        groupChecks += check.groups.size;
        groups = check.groups.size;
      }

      expect(kills).toBe(KILLS);
      expect(reported.size).toBeGreaterThan(0);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `crash safety: ${kills} SIGKILLs (${inFlightKills} with a transaction under way, ${inFlightApplied} of those found committed whole, the rest absent), ` +
          `${reported.size} reported commits all present and whole, ${groups} groups in the database, ${groupChecks} group checks in all, ` +
          `integrity_check ok after every kill; seed ${SEED}, ${seconds} s`,
      );
    },
    KILLS * 3_000 + 30_000,
  );
});
