import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { CLOSURE_NOTES, ACTION_TITLES, TARGET_GROUPS } from '../../db/demo/texts';
import { NAME_POOLS, ORIGIN_MIX } from '../../db/demo/names';
import { NOTE_TEXTS, WRITTEN_KINDS } from '../../db/demo/note-texts';
import { composeBody } from '../../db/demo/notes';
import { Random } from '../../db/demo/random';
import { starterSheet } from '../../db/starters';
import { connect } from '../../server/db/connect';
import { migrateDatabase } from '../../server/db/migrate';
import type { ServerDatabase } from '../../server/db/schema';
import { APP_ROLE } from '../../server/db/security';
import { OWNER_ROLE } from '../server/databases';
import { asAdmin, startPostgres, type TestPostgres } from '../server/postgres';

/**
 * The municipality data set of the team-server benchmarks (issue 17): 20 teams of 15 caseworkers,
 * 40,000 clients with ~400,000 scores, ~200,000 notes and what those rows need (lists, the starter
 * sheet with its indicators and levels, scorings, households, to-dos, goals, stage history, closures,
 * handovers), an account per caseworker, and each team's row versions and counter as its pushes would
 * have left them. Names, note texts, to-do titles and the sheet come from the demo generator's pools
 * (db/demo, db/starters); the rows are generated inside PostgreSQL (generate_series, one statement per
 * table, as the owner in one transaction), which is what makes a million rows take seconds, not minutes.
 *
 * The cluster is kept in tests/bench/data/ until the migrations, the policies or this generator change;
 * each scenario works on a copy (CREATE DATABASE … TEMPLATE) so what it pushes never reaches the next run.
 */

export const TEAMS = 20;
export const CASEWORKERS_PER_TEAM = 15;
export const CLIENTS_PER_TEAM = 2_000;
/** Row versions per client: its rows were pushed in this many batches at most (see `version`). */
const SLOTS_PER_CLIENT = 20;
/** Versions below this are the team's lists, people and sheet. */
const TEAM_ROWS_VERSIONS = 100;
export const TEAM_COUNTER = TEAM_ROWS_VERSIONS + CLIENTS_PER_TEAM * SLOTS_PER_CLIENT;

const TEMPLATE = 'municipality';
const root = resolve(import.meta.dirname, '../..');
const folder = resolve(import.meta.dirname, 'data');

/** The migrations, the policies and this generator decide the data set. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(join(root, 'server/db/migrations'))
      .sort()
      .map((f) => `server/db/migrations/${f}`),
    'server/db/security.ts',
    'tests/bench/team-dataset.ts',
  ];
  for (const file of files) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 12);
}

/** Who signs in: subject of caseworker `index` (0 is the key person) of team `team`. */
export const subjectOf = (team: number, index: number) => `cw-${team}-${index}`;
/** The ids are deterministic, so a scenario can name a row without asking the database. */
export const caseworkerIdOf = (team: number, index: number) => uuidOf(`w${team * CASEWORKERS_PER_TEAM + index}`);
export const clientIdOf = (team: number, n: number) => uuidOf(`c${team * CLIENTS_PER_TEAM + n}`);
/** Client n of a team belongs to caseworker n mod 15. */
export const clientsOf = (team: number, index: number): string[] =>
  Array.from({ length: CLIENTS_PER_TEAM }, (_, n) => n)
    .filter((n) => n % CASEWORKERS_PER_TEAM === index)
    .map((n) => clientIdOf(team, n));
/** Team ids are version-4 UUIDs (the protocol checks the cookie's): the md5 with the version and variant set. */
export function teamIdOf(team: number): string {
  const h = uuidOf(`t${team}`);
  return `${h.slice(0, 14)}4${h.slice(15, 19)}8${h.slice(20)}`;
}
const teamUuid = (team: RawBuilder<unknown>) =>
  sql`overlay(overlay(md5('t' || ${team}) placing '4' from 13) placing '8' from 17)::uuid`;
function uuidOf(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface TeamDataset {
  postgres: TestPostgres;
  /** A fresh copy of the data set for this scenario, owned by koers_owner. */
  database: string;
  ownerUrl: string;
  appUrl: string;
  /** How long building the data set took when it was built (ms), and its row counts. */
  built: { ms: number; rows: Record<string, number> };
  /** Drops the copy and stops the cluster. */
  close(): Promise<void>;
}

let copies = 0;

/** Starts the kept cluster (building the data set first if needed) and makes a copy for one scenario. */
export async function teamDataset(): Promise<TeamDataset> {
  const keepIn = join(folder, `team-${fingerprint()}`);
  const readyFile = join(keepIn, 'ready.json');
  if (!existsSync(readyFile)) {
    // A half-built cluster, or those of earlier generators and schemas: ~1.5 GB each.
    mkdirSync(folder, { recursive: true });
    for (const old of readdirSync(folder, { withFileTypes: true }))
      if (old.isDirectory() && old.name.startsWith('team-'))
        rmSync(join(folder, old.name), { recursive: true, force: true });
  }
  const postgres = await startPostgres({ keepIn });
  try {
    if (!existsSync(readyFile)) {
      process.stderr.write('building the municipality data set in PostgreSQL…\n');
      const built = await build(postgres);
      writeFileSync(readyFile, `${JSON.stringify(built, null, 2)}\n`);
    }
    const built = JSON.parse(readFileSync(readyFile, 'utf8')) as TeamDataset['built'];
    const database = `run_${process.pid}_${++copies}`;
    await asAdmin(postgres, [
      `DROP DATABASE IF EXISTS ${database}`,
      `CREATE DATABASE ${database} TEMPLATE ${TEMPLATE} OWNER ${OWNER_ROLE}`,
    ]);
    return {
      postgres,
      database,
      ownerUrl: postgres.url(OWNER_ROLE, database),
      appUrl: postgres.url(APP_ROLE, database),
      built,
      async close() {
        try {
          await asAdmin(postgres, [`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`]);
        } finally {
          await postgres.stop();
        }
      },
    };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

async function build(postgres: TestPostgres): Promise<TeamDataset['built']> {
  const start = performance.now();
  await asAdmin(postgres, [
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN CREATE ROLE ${OWNER_ROLE} LOGIN CREATEROLE; END IF; END $$`,
    `CREATE DATABASE ${TEMPLATE} OWNER ${OWNER_ROLE}`,
  ]);
  const ownerUrl = postgres.url(OWNER_ROLE, TEMPLATE);
  await migrateDatabase(ownerUrl);
  const owner = connect(ownerUrl, { max: 1 });
  try {
    await owner.transaction().execute((trx) => generate(trx));
    await sql`VACUUM ANALYZE`.execute(owner);
    const rows: Record<string, number> = {};
    for (const table of [
      'client',
      'household',
      'scoring',
      'score',
      'note',
      'note_version',
      'action',
      'goal',
      'stage_change',
    ]) {
      const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
        owner,
      );
      rows[table] = counted[0]?.n ?? 0;
    }
    return { ms: Math.round(performance.now() - start), rows };
  } finally {
    await owner.destroy();
  }
}

/** The demo generator's words, as arrays the SQL below indexes into (1-based, by arithmetic on row numbers). */
function words() {
  const random = new Random(17_2026);
  const nl = ORIGIN_MIX.nl.map(([origin]) => NAME_POOLS[origin]);
  const first = nl.flatMap((p) => [...p.female, ...p.male]);
  const last = nl.flatMap((p) => p.last);
  // `{name}` stays in the text and becomes the client's first name in SQL.
  const bodies = Array.from({ length: 600 }, (_, i) =>
    composeBody(random, NOTE_TEXTS.nl, WRITTEN_KINDS[i % WRITTEN_KINDS.length]!, '{name}', null),
  );
  const householdBodies = Array.from({ length: 100 }, (_, i) =>
    composeBody(random, NOTE_TEXTS.nl, WRITTEN_KINDS[i % WRITTEN_KINDS.length]!, '{name}', '{household}'),
  );
  const titles = ACTION_TITLES.nl;
  const sheet = starterSheet('work_readiness', 'nl');
  return {
    first,
    last,
    bodies,
    householdBodies,
    kinds: [...WRITTEN_KINDS],
    taskTitles: [...titles.task, ...titles.appointment, ...titles.follow_up],
    targetGroups: TARGET_GROUPS.nl.slice(0, 4).map((g) => g.name),
    stages: ['Intake', 'Diagnose', 'Traject', 'Werkervaring', 'Uitstroom'],
    closureKeys: ['work', 'education', 'moved', 'other'],
    closureNames: ['Werk', 'Opleiding', 'Verhuisd', 'Anders'],
    closureNotes: [...CLOSURE_NOTES.nl.work, ...CLOSURE_NOTES.nl.other],
    sheet,
  };
}

const id = (prefix: string, ...parts: RawBuilder<unknown>[]) =>
  sql`md5(${sql.join([sql`${prefix}`, ...parts], sql` || '-' || `)})::uuid::text`;
const iso = (ts: RawBuilder<unknown>) => sql`to_char(${ts}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const day = (d: RawBuilder<unknown>) => sql`to_char(${d}, 'YYYY-MM-DD')`;
const pick = (list: readonly string[], index: RawBuilder<unknown>) =>
  sql`(${sql.val([...list])}::text[])[1 + (${index}) % ${list.length}]`;

/** Every row, per table: g numbers the clients 0…39,999; team g / 2000; caseworker team·15 + g mod 15. */
async function generate(trx: Kysely<ServerDatabase>): Promise<void> {
  const w = words();
  const teamOf = sql`(g / ${CLIENTS_PER_TEAM})`;
  const n = sql`(g % ${CLIENTS_PER_TEAM})`;
  const team = teamUuid(teamOf);
  const caseworkerNo = sql`(${teamOf} * ${CASEWORKERS_PER_TEAM} + ${n} % ${CASEWORKERS_PER_TEAM})`;
  const caseworker = sql`md5('w' || ${caseworkerNo})::uuid::text`;
  const client = sql`md5('c' || g)::uuid::text`;
  // The version of a client's rows: the team's rows first, then each client's batches in turn.
  const version = (slot: number | RawBuilder<unknown>) =>
    sql`(${TEAM_ROWS_VERSIONS} + ${n} * ${SLOTS_PER_CLIENT} + ${slot})`;
  // The client's first day: spread over 18 months; everything else about the client follows it.
  const since = sql`(timestamp '2025-01-06 09:00' + ((g * 7) % 540) * interval '1 day')`;
  const stamps = (at: RawBuilder<unknown>, by: RawBuilder<unknown>) => sql`${iso(at)}, ${iso(at)}, ${by}, null::text`;
  const clients = sql`generate_series(0, ${TEAMS * CLIENTS_PER_TEAM - 1}) g`;
  const teams = sql`generate_series(0, ${TEAMS - 1}) t`;
  const teamT = teamUuid(sql`t`);
  const setUp = sql`${iso(sql`timestamp '2025-01-02 08:00'`)}`;
  const firstName = pick(w.first, sql`g * 7919`);

  await sql`insert into team (id, name, row_counter)
    select ${teamT}, 'Team ' || (t + 1), ${TEAM_COUNTER} from ${teams}`.execute(trx);
  await sql`insert into caseworker (id, name, role, created_at, updated_at, updated_by, deleted_at, deactivated_at, team_id, row_version)
    select md5('w' || k)::uuid::text, ${pick(w.first, sql`k * 31`)} || ' ' || ${pick(w.last, sql`k * 17`)},
      case when k % ${CASEWORKERS_PER_TEAM} = 0 then 'key_person' else 'caseworker' end,
      ${setUp}, ${setUp}, null, null, null, ${teamUuid(sql`(k / ${CASEWORKERS_PER_TEAM})`)}, 1
    from generate_series(0, ${TEAMS * CASEWORKERS_PER_TEAM - 1}) k`.execute(trx);
  await sql`insert into account (subject, caseworker_id, team_id, role)
    select 'cw-' || (k / ${CASEWORKERS_PER_TEAM}) || '-' || (k % ${CASEWORKERS_PER_TEAM}), md5('w' || k)::uuid::text,
      ${teamUuid(sql`(k / ${CASEWORKERS_PER_TEAM})`)},
      case when k % ${CASEWORKERS_PER_TEAM} = 0 then 'key_person' else 'caseworker' end
    from generate_series(0, ${TEAMS * CASEWORKERS_PER_TEAM - 1}) k`.execute(trx);

  // The team's lists: 4 target groups, 5 stages, 4 closure reasons.
  const lists = [
    ['target_group', w.targetGroups, w.targetGroups],
    ['stage', w.stages, w.stages],
    ['closure_reason', w.closureNames, w.closureKeys],
  ] as const;
  for (const [kind, names, keys] of lists)
    await sql`insert into catalog_item (id, kind, default_key, name, position, weight, rescore_weeks,
        created_at, updated_at, updated_by, deleted_at, team_id, row_version)
      select ${id(kind, sql`t::text`, sql`i::text`)}, ${kind},
        ${kind === 'closure_reason' ? pick(keys, sql`i - 1`) : sql`null`}, (${sql.val([...names])}::text[])[i], i, 1,
        ${kind === 'target_group' ? sql`8` : sql`null`}, ${setUp}, ${setUp}, null, null, ${teamT}, 2
      from ${teams}, generate_series(1, ${names.length}) i`.execute(trx);
  const item = (kind: string, index: RawBuilder<unknown>) => id(kind, sql`${teamOf}::text`, sql`(1 + ${index})::text`);

  // The starter sheet, one published version, its indicators and levels; every target group scores with it.
  const indicators = w.sheet.indicators;
  await sql`insert into sheet (id, name, description, created_at, updated_at, updated_by, deleted_at, team_id, row_version)
    select md5('s' || t)::uuid::text, ${w.sheet.name}, ${w.sheet.description}, ${setUp}, ${setUp}, null, null, ${teamT}, 3
    from ${teams}`.execute(trx);
  await sql`insert into sheet_version (id, sheet_id, number, published_at, created_at, created_by, team_id, row_version)
    select md5('v' || t)::uuid::text, md5('s' || t)::uuid::text, 1, ${setUp}, ${setUp}, null, ${teamT}, 4
    from ${teams}`.execute(trx);
  await sql`insert into sheet_target_group (target_group_id, sheet_id, team_id, row_version)
    select ${id('target_group', sql`t::text`, sql`i::text`)}, md5('s' || t)::uuid::text, ${teamT}, 5
    from ${teams}, generate_series(1, ${w.targetGroups.length}) i`.execute(trx);
  await sql`insert into indicator (id, version_id, key, position, name, description, scale_min, scale_max, team_id, row_version)
    select ${id('i', sql`t::text`, sql`i::text`)}, md5('v' || t)::uuid::text,
      (${sql.val(indicators.map((x) => x.key))}::text[])[i], i, (${sql.val(indicators.map((x) => x.name))}::text[])[i],
      (${sql.val(indicators.map((x) => x.description))}::text[])[i], 1, 5, ${teamT}, 6
    from ${teams}, generate_series(1, ${indicators.length}) i`.execute(trx);
  const levels = indicators.flatMap((x) => x.levels);
  await sql`insert into indicator_level (indicator_id, value, label, description, team_id, row_version)
    select ${id('i', sql`t::text`, sql`i::text`)}, v, (${sql.val(levels.map((l) => l.label))}::text[])[(i - 1) * 5 + v],
      (${sql.val(levels.map((l) => l.description))}::text[])[(i - 1) * 5 + v], ${teamT}, 7
    from ${teams}, generate_series(1, ${indicators.length}) i, generate_series(1, 5) v`.execute(trx);
  await sql`insert into coverage_target (id, share, due_on, created_at, created_by, team_id, row_version)
    select md5('ct' || t)::uuid::text, 0.8, '2026-12-31', ${setUp}, null, ${teamT}, 8 from ${teams}`.execute(trx);

  // One household for every eighth client.
  await sql`insert into household (id, name, caseworker_id, created_at, updated_at, updated_by, deleted_at, team_id, row_version)
    select md5('h' || g)::uuid::text, 'Familie ' || ${pick(w.last, sql`g * 10007`)}, ${caseworker},
      ${stamps(since, caseworker)}, ${team}, ${version(0)}
    from ${clients} where ${n} % 8 = 0`.execute(trx);
  // A tenth of the clients closed; a twentieth handed over from a colleague.
  await sql`insert into client (id, reference, first_name, last_name, caseworker_id, created_at, updated_at, updated_by,
      deleted_at, pseudonym, date_of_birth, phone, email, target_group_id, stage_id, stage_since, household_id,
      start_date, status, meeting_listed_at, team_id, row_version)
    select ${client}, 'K' || lpad(g::text, 6, '0'), ${firstName}, ${pick(w.last, sql`g * 10007`)}, ${caseworker},
      ${stamps(since, caseworker)}, 'C-' || g, ${day(sql`date '1960-01-01' + (g * 37) % 18000`)},
      '06-' || lpad(((g * 7907) % 100000000)::text, 8, '0'), null, ${item('target_group', sql`g % 4`)},
      ${item('stage', sql`g % 5`)}, ${day(sql`${since}::date + 30`)},
      case when ${n} % 8 = 0 then md5('h' || g)::uuid::text end, ${day(sql`${since}::date`)},
      case when ${n} % 10 = 9 then 'closed' else 'active' end, null, ${team}, ${version(0)}
    from ${clients}`.execute(trx);
  await sql`insert into stage_change (id, client_id, from_stage_id, to_stage_id, changed_on, created_at, created_by, team_id, row_version)
    select ${id('sc', sql`g::text`, sql`j::text`)}, ${client},
      case when j = 1 then ${item('stage', sql`(g + 1) % 5`)} end,
      case when j = 0 then ${item('stage', sql`(g + 1) % 5`)} else ${item('stage', sql`g % 5`)} end,
      ${day(sql`${since}::date + j * 30`)}, ${iso(sql`${since} + j * interval '30 days'`)}, ${caseworker},
      ${team}, ${version(sql`j * 13`)}
    from ${clients}, generate_series(0, 1) j`.execute(trx);
  await sql`insert into closure (id, client_id, closed_on, reason_id, outcome_note, created_at, created_by, team_id, row_version)
    select md5('cl' || g)::uuid::text, ${client}, ${day(sql`${since}::date + 200`)}, ${item('closure_reason', sql`g % 4`)},
      ${pick(w.closureNotes, sql`g`)}, ${iso(sql`${since} + interval '200 days'`)}, ${caseworker}, ${team}, ${version(14)}
    from ${clients} where ${n} % 10 = 9`.execute(trx);
  await sql`insert into handover (id, client_id, from_caseworker_id, to_caseworker_id, handed_over_on, note, created_at, created_by, team_id, row_version)
    select md5('ho' || g)::uuid::text, ${client},
      md5('w' || (${teamOf} * ${CASEWORKERS_PER_TEAM} + (${n} + 1) % ${CASEWORKERS_PER_TEAM}))::uuid::text, ${caseworker},
      ${day(sql`${since}::date + 60`)}, 'Overgedragen wegens herverdeling caseload.', ${iso(sql`${since} + interval '60 days'`)},
      ${caseworker}, ${team}, ${version(15)}
    from ${clients} where ${n} % 20 = 3`.execute(trx);

  // Scorings: one or two per client (3 in 7 clients have two) of all 7 indicators: ~57,000 scorings, ~400,000 scores.
  const scorings = sql`${clients}, generate_series(0, 1) k`;
  const scored = sql`(k = 0 or g % 7 < 3)`;
  await sql`insert into scoring (id, client_id, version_id, scored_on, scored_by, caseworker_id, created_at, updated_at,
      updated_by, deleted_at, team_id, row_version)
    select ${id('s', sql`g::text`, sql`k::text`)}, ${client}, md5('v' || ${teamOf})::uuid::text,
      ${day(sql`${since}::date + 14 + k * 56`)}, (array['caseworker','together','client'])[1 + (g + k) % 3], ${caseworker},
      ${stamps(sql`${since} + (14 + k * 56) * interval '1 day'`, caseworker)}, ${team}, ${version(sql`1 + k`)}
    from ${scorings} where ${scored}`.execute(trx);
  await sql`insert into score (scoring_id, indicator_id, indicator_key, value, comment, team_id, row_version)
    select ${id('s', sql`g::text`, sql`k::text`)}, ${id('i', sql`${teamOf}::text`, sql`i::text`)},
      (${sql.val(indicators.map((x) => x.key))}::text[])[i], 1 + (g + k * 2 + i) % 5,
      case when (g + i) % 9 = 0 then 'Besproken in het gesprek.' end, ${team}, ${version(sql`1 + k`)}
    from ${scorings}, generate_series(1, ${indicators.length}) i where ${scored}`.execute(trx);
  await sql`insert into goal (id, client_id, indicator_key, target, target_date, created_at, updated_at, updated_by,
      deleted_at, team_id, row_version)
    select md5('g' || g)::uuid::text, ${client}, ${pick(
      indicators.map((x) => x.key),
      sql`g`,
    )}, 4, ${day(sql`${since}::date + 180`)},
      ${stamps(sql`${since} + interval '15 days'`, caseworker)}, ${team}, ${version(1)}
    from ${clients}`.execute(trx);

  // Five notes per client, one of them edited once (its earlier text kept as a version); one per household.
  const body = sql`replace(${pick(w.bodies, sql`g * 5 + j`)}, '{name}', ${firstName})`;
  const notedAt = sql`${since} + (j * 47 + g % 13) * interval '1 day' + (g % 300) * interval '1 minute'`;
  await sql`insert into note (id, client_id, household_id, kind, noted_at, body, author_id, pinned, created_at, updated_at,
      updated_by, deleted_at, team_id, row_version)
    select ${id('n', sql`g::text`, sql`j::text`)}, ${client}, null, ${pick(w.kinds, sql`g + j`)},
      to_char(${notedAt}, 'YYYY-MM-DD"T"HH24:MI'), ${body}, ${caseworker}, (j = 0 and g % 11 = 0)::int,
      ${stamps(sql`${notedAt} + interval '20 minutes'`, caseworker)}, ${team}, ${version(sql`4 + j`)}
    from ${clients}, generate_series(0, 4) j`.execute(trx);
  await sql`insert into note_version (id, note_id, kind, noted_at, body, pinned, written_at, written_by, team_id, row_version)
    select md5('nv' || g)::uuid::text, ${id('n', sql`g::text`, sql`j::text`)}, ${pick(w.kinds, sql`g + j`)},
      to_char(${notedAt}, 'YYYY-MM-DD"T"HH24:MI'), left(${body}, 120), 0, ${iso(sql`${notedAt} + interval '10 minutes'`)},
      ${caseworker}, ${team}, ${version(sql`4 + j`)}
    from ${clients}, generate_series(0, 0) j`.execute(trx);
  await sql`insert into note (id, client_id, household_id, kind, noted_at, body, author_id, pinned, created_at, updated_at,
      updated_by, deleted_at, team_id, row_version)
    select md5('hn' || g)::uuid::text, null, md5('h' || g)::uuid::text, 'home_visit',
      to_char(${since} + interval '40 days', 'YYYY-MM-DD"T"HH24:MI'),
      replace(replace(${pick(w.householdBodies, sql`g`)}, '{household}', 'Familie ' || ${pick(w.last, sql`g * 10007`)}),
        '{name}', 'het gezin'),
      ${caseworker}, 0, ${stamps(sql`${since} + interval '40 days'`, caseworker)}, ${team}, ${version(9)}
    from ${clients} where ${n} % 8 = 0`.execute(trx);

  // Three to-dos per client, the first done.
  await sql`insert into action (id, client_id, title, kind, due_date, due_time, done_at, created_at, updated_at, updated_by,
      deleted_at, note_id, team_id, row_version)
    select ${id('a', sql`g::text`, sql`j::text`)}, ${client}, ${pick(w.taskTitles, sql`g * 3 + j`)},
      (array['task','appointment','follow_up'])[1 + (g + j) % 3], ${day(sql`${since}::date + 20 + j * 60`)},
      case when (g + j) % 3 = 1 then '10:30' end,
      case when j = 0 then ${iso(sql`${since} + interval '21 days'`)} end,
      ${stamps(sql`${since} + interval '2 days'`, caseworker)}, null, ${team}, ${version(sql`10 + j`)}
    from ${clients}, generate_series(0, 2) j`.execute(trx);
}
