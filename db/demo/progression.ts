/**
 * Progression data for the demo caseload: the two starter sheets (published, work
 * readiness in two versions), the defaults per target group, scorings with their
 * scores, and goals. Pure like plan.ts: rows in memory, the caller inserts them.
 */
import type { Insertable } from 'kysely';
import { DEFAULT_RESCORE_WEEKS } from '../../common/rhythm';
import type { Database, ScoredBy } from '../schema';
import { type Starter, starterSheet } from '../starters';
import { formatDay, isoMoment, momentMs, workdayOnOrAfter, workdayOnOrBefore } from './dates';
import { demoId } from './ids';
import { itemAt } from './list';
import type { Random } from './random';
import { type DemoLanguage, SHEET_REWORDINGS } from './texts';
import { recorded, tracked } from '../tracked';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface ScaleIndicator {
  id: string;
  key: string;
  min: number;
  max: number;
}

export interface PublishedVersion {
  id: string;
  publishedDay: number;
  /** In position order. */
  indicators: readonly ScaleIndicator[];
}

/** A sheet's published versions, oldest first (at least one). */
export type PublishedSheet = readonly PublishedVersion[];

export interface ProgressionClient {
  id: string;
  caseworkerId: string;
  createdMs: number;
  startDay: number;
  closedDay: number | null;
  targetGroupId: string;
  rescoreWeeks: number | null;
}

export interface ProgressionInput {
  today: number;
  setupDay: number;
  language: DemoLanguage;
  /** Who set the sheets up. */
  keyPersonId: string | null;
  /** Live target groups in position order; `ladder` marks the one the ladder suits best. */
  targetGroups: ReadonlyArray<{ id: string; ladder: boolean }>;
  /** Existing default sheets per target group, with their published versions. */
  defaultSheets: ReadonlyMap<string, PublishedSheet>;
  clients: readonly ProgressionClient[];
}

export interface ProgressionPlan {
  sheets: Row<'sheet'>[];
  /** Inserted as drafts; published (below) once their indicators are in. */
  versions: Row<'sheet_version'>[];
  indicators: Row<'indicator'>[];
  levels: Row<'indicator_level'>[];
  publish: Array<{ id: string; publishedAt: string }>;
  sheetTargetGroups: Row<'sheet_target_group'>[];
  scorings: Row<'scoring'>[];
  scores: Row<'score'>[];
  goals: Row<'goal'>[];
}

const NEVER_SCORED_SHARE = 0.1;
/** Of the active clients that are scored, this share is past their rhythm. */
const OVERDUE_SHARE = 0.22;
/** Caseworker scorings per scored client: 1–4, fewer more often. */
const SCORING_COUNT_WEIGHTS: ReadonlyArray<readonly [count: number, weight: number]> = [
  [1, 45],
  [2, 30],
  [3, 15],
  [4, 10],
];
const TOGETHER_SHARE = 0.2;
/** Of the scorings a caseworker makes alone, the client fills in a self-score on the same day this often. */
const SELF_SCORE_SHARE = 0.2;
const NOT_SCORED_SHARE = 0.03;
/** Of the active clients that are scored, this share has goals. */
const GOAL_SHARE = 0.36;
/** Work readiness version 2 is published this many days before today. */
const SECOND_VERSION_AGE = 70;

function officeMinute(random: Random): number {
  return random.int(7 * 60, 15 * 60 + 30);
}

interface PlannedSheet {
  id: string;
  versions: PublishedSheet;
}

/** One starter as a sheet with published versions; `reworded` adds a later version with one description changed. */
function planStarterSheet(
  random: Random,
  input: ProgressionInput,
  plan: ProgressionPlan,
  starter: Starter,
  minute: number,
  reworded: boolean,
): PlannedSheet {
  const content = starterSheet(starter, input.language);
  const createdMs = momentMs(input.setupDay + 2, minute);
  const created = isoMoment(createdMs);
  const sheetId = demoId(random, createdMs);
  plan.sheets.push({
    id: sheetId,
    name: content.name,
    description: content.description,
    retired_at: null,
    ...tracked(created, input.keyPersonId),
  });

  const versions: PublishedVersion[] = [];
  const addVersion = (
    number: number,
    createdDay: number,
    publishedDay: number,
    rewording: Readonly<Record<string, string>>,
  ) => {
    const versionMs = number === 1 ? createdMs : momentMs(createdDay, officeMinute(random));
    const versionId = demoId(random, versionMs);
    plan.versions.push({
      id: versionId,
      sheet_id: sheetId,
      number,
      published_at: null,
      ...recorded(isoMoment(versionMs), input.keyPersonId),
    });
    const indicators = content.indicators.map((indicator, position): ScaleIndicator => {
      const id = demoId(random, versionMs);
      plan.indicators.push({
        id,
        version_id: versionId,
        key: indicator.key,
        position,
        name: indicator.name,
        description: rewording[indicator.key] ?? indicator.description,
        scale_min: indicator.scaleMin,
        scale_max: indicator.scaleMax,
      });
      for (const level of indicator.levels)
        plan.levels.push({ indicator_id: id, value: level.value, label: level.label, description: level.description });
      return { id, key: indicator.key, min: indicator.scaleMin, max: indicator.scaleMax };
    });
    const publishedMs = Math.max(versionMs + 30 * 60_000, momentMs(publishedDay, officeMinute(random)));
    plan.publish.push({ id: versionId, publishedAt: isoMoment(publishedMs) });
    versions.push({ id: versionId, publishedDay, indicators });
  };
  addVersion(1, input.setupDay + 2, input.setupDay + 2, {});
  if (reworded) {
    const publishedDay = workdayOnOrBefore(input.today - SECOND_VERSION_AGE);
    addVersion(2, workdayOnOrBefore(publishedDay - random.int(3, 10)), publishedDay, SHEET_REWORDINGS[input.language]);
  }
  return { id: sheetId, versions };
}

/**
 * The sheet each target group scores with. Without any default sheet yet, the demo
 * brings its own (work readiness for most groups, the ladder for one); otherwise
 * groups keep their default, and those without one use the most common default.
 */
function sheetsPerGroup(random: Random, input: ProgressionInput, plan: ProgressionPlan): Map<string, PublishedSheet> {
  const result = new Map<string, PublishedSheet>();
  const existing = input.targetGroups.flatMap((g) => {
    const sheet = input.defaultSheets.get(g.id);
    return sheet ? [[g.id, sheet] as const] : [];
  });
  if (existing.length > 0) {
    const uses = new Map<PublishedSheet, number>();
    for (const [, sheet] of existing) uses.set(sheet, (uses.get(sheet) ?? 0) + 1);
    const [common] = [...uses].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    for (const group of input.targetGroups) result.set(group.id, input.defaultSheets.get(group.id) ?? common);
    return result;
  }
  if (input.targetGroups.length === 0) return result;
  const workReadiness = planStarterSheet(random, input, plan, 'work_readiness', 9 * 60, true);
  const ladder = planStarterSheet(random, input, plan, 'ladder', 9 * 60 + 20, false);
  const groups = input.targetGroups;
  const ladderGroup = groups.find((g) => g.ladder) ?? (groups.length >= 2 ? groups.at(-1) : undefined);
  for (const group of groups) {
    const sheet = group === ladderGroup ? ladder : workReadiness;
    result.set(group.id, sheet.versions);
    plan.sheetTargetGroups.push({ target_group_id: group.id, sheet_id: sheet.id });
  }
  return result;
}

/** The version in use on `day`: the latest published by then (or the first, for older dates). */
function versionOn(sheet: PublishedSheet, day: number): PublishedVersion {
  let found = itemAt(sheet, 0);
  for (const version of sheet) if (version.publishedDay <= day) found = version;
  return found;
}

/** Scoring days, oldest first, between the start of the case and today or its closing. */
function scoringDays(random: Random, today: number, client: ProgressionClient): number[] {
  const rhythm = (client.rescoreWeeks ?? DEFAULT_RESCORE_WEEKS) * 7;
  const end = client.closedDay ?? today;
  const span = end - client.startDay;
  let last: number;
  if (client.closedDay === null && span > rhythm + 1 && random.chance(OVERDUE_SHARE)) {
    // Overdue: the last scoring lies more than one rhythm back.
    last = today - random.int(rhythm + 1, Math.min(span, rhythm + 60));
  } else {
    // Within the rhythm (a couple of days of slack for the move to a workday).
    last = end - random.int(0, Math.max(0, Math.min(span, rhythm - 3)));
  }
  const days = [Math.max(client.startDay, workdayOnOrBefore(last))];
  const count = random.weighted(SCORING_COUNT_WEIGHTS, ([, weight]) => weight)[0];
  while (days.length < count) {
    // Roughly one rhythm earlier: sometimes a little early, more often late.
    const day = workdayOnOrBefore(itemAt(days, days.length - 1) - Math.round(rhythm * (0.85 + 0.5 * random.next())));
    if (day < client.startDay) break;
    days.push(day);
  }
  return days.reverse();
}

/** A client's trajectory: where they start on each indicator and how fast they move up. */
interface Trajectory {
  ability: number;
  growth: number;
  offsets: Map<string, number>;
}

function trajectory(random: Random): Trajectory {
  return {
    ability: 0.1 + 0.8 * ((random.next() + random.next()) / 2),
    growth: -0.02 + 0.18 * random.next(),
    offsets: new Map(),
  };
}

function valueFor(
  random: Random,
  path: Trajectory,
  indicator: ScaleIndicator,
  step: number,
  selfScore: boolean,
): number | null {
  if (random.chance(NOT_SCORED_SHARE)) return null;
  let offset = path.offsets.get(indicator.key);
  if (offset === undefined) path.offsets.set(indicator.key, (offset = (random.next() - 0.5) * 0.5));
  const position = Math.min(1, Math.max(0, path.ability + offset + path.growth * step));
  // Noise of about ±half a level; clients see themselves a little more positively.
  const noise = (random.next() - 0.5) * (selfScore ? 1.6 : 1.1) + (selfScore ? 0.4 : 0);
  const value = Math.round(indicator.min + position * (indicator.max - indicator.min) + noise);
  return Math.min(indicator.max, Math.max(indicator.min, value));
}

function pushScoring(
  random: Random,
  plan: ProgressionPlan,
  client: ProgressionClient,
  version: PublishedVersion,
  day: number,
  ms: number,
  scoredBy: ScoredBy,
  values: (indicator: ScaleIndicator) => number | null,
): void {
  const at = isoMoment(ms);
  const id = demoId(random, ms);
  plan.scorings.push({
    id,
    client_id: client.id,
    version_id: version.id,
    scored_on: formatDay(day),
    scored_by: scoredBy,
    caseworker_id: client.caseworkerId,
    ...tracked(at, client.caseworkerId),
  });
  for (const indicator of version.indicators)
    plan.scores.push({
      scoring_id: id,
      indicator_id: indicator.id,
      indicator_key: indicator.key,
      value: values(indicator),
      comment: null,
    });
}

function planGoals(
  random: Random,
  today: number,
  plan: ProgressionPlan,
  client: ProgressionClient,
  version: PublishedVersion,
  latest: ReadonlyMap<string, number>,
  afterMs: number,
): void {
  const candidates = version.indicators.filter((indicator) => {
    const current = latest.get(indicator.key);
    return current !== undefined && current < indicator.max;
  });
  const wanted = Math.min(candidates.length, random.int(1, 3));
  for (let i = 0; i < wanted; i++) {
    const [indicator] = candidates.splice(random.int(0, candidates.length - 1), 1);
    if (!indicator) break;
    const current = latest.get(indicator.key) ?? indicator.min;
    const ms = afterMs + (i + 1) * 60_000;
    const at = isoMoment(ms);
    plan.goals.push({
      id: demoId(random, ms),
      client_id: client.id,
      indicator_key: indicator.key,
      target: Math.min(indicator.max, current + (random.chance(0.7) ? 1 : 2)),
      target_date: formatDay(workdayOnOrAfter(today + random.int(4, 26) * 7)),
      ...tracked(at, client.caseworkerId),
    });
  }
}

export function planProgression(random: Random, input: ProgressionInput): ProgressionPlan {
  const plan: ProgressionPlan = {
    sheets: [],
    versions: [],
    indicators: [],
    levels: [],
    publish: [],
    sheetTargetGroups: [],
    scorings: [],
    scores: [],
    goals: [],
  };
  const sheets = sheetsPerGroup(random, input, plan);

  for (const client of input.clients) {
    const sheet = sheets.get(client.targetGroupId);
    if (!sheet || random.chance(NEVER_SCORED_SHARE)) continue;
    const path = trajectory(random);
    const latest = new Map<string, number>();
    let lastMs = client.createdMs;
    let lastVersion = itemAt(sheet, 0);
    for (const [step, day] of scoringDays(random, input.today, client).entries()) {
      const version = versionOn(sheet, day);
      // Never before the client was entered, and in date order.
      const ms = Math.max(momentMs(day, officeMinute(random)), client.createdMs + 60_000);
      const scoredBy: ScoredBy = random.chance(TOGETHER_SHARE) ? 'together' : 'caseworker';
      pushScoring(random, plan, client, version, day, ms, scoredBy, (indicator) => {
        const value = valueFor(random, path, indicator, step, false);
        if (value !== null) latest.set(indicator.key, value);
        return value;
      });
      lastMs = ms;
      lastVersion = version;
      if (scoredBy === 'caseworker' && random.chance(SELF_SCORE_SHARE)) {
        lastMs = ms + random.int(5, 20) * 60_000;
        pushScoring(random, plan, client, version, day, lastMs, 'client', (indicator) =>
          valueFor(random, path, indicator, step, true),
        );
      }
    }
    if (client.closedDay === null && latest.size > 0 && random.chance(GOAL_SHARE))
      planGoals(random, input.today, plan, client, lastVersion, latest, lastMs);
  }
  return plan;
}
