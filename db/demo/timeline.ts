/**
 * One client's history as plain days: when they started, how they moved through
 * the stages, whether and when the case was closed, and their to-dos. Ids and
 * timestamps are added later (plan.ts); everything here is relative to `today`.
 */
import type { ActionKind } from '../schema';
import { workdayOnOrAfter, workdayOnOrBefore } from './dates';
import { itemAt } from './list';
import type { Random } from './random';

export interface StageStep {
  stageIndex: number;
  day: number;
}

export interface Timeline {
  startDay: number;
  /** Oldest first; the first step is the start (from no stage), the last is the current stage. */
  steps: StageStep[];
  closedDay: number | null;
}

export interface PlannedAction {
  kind: ActionKind;
  dueDay: number;
  /** Minutes after midnight (local), appointments only. */
  dueMinute: number | null;
  done: boolean;
}

/** Days between two stage changes: two weeks to four months. */
const MIN_STAGE_GAP = 14;
const MAX_STAGE_GAP = 112;

/** Stage indices visited, ending at `current`: everyone starts in the first stage. */
function stagePath(random: Random, current: number): number[] {
  if (current === 0) return [0];
  const count = Math.min(current + 1, random.int(2, 3));
  if (count === 2) return [0, current];
  return [0, random.int(1, current - 1), current];
}

/** Dates backward from the day the client entered the current stage. */
function stepsBackFrom(random: Random, path: number[], stageSince: number): StageStep[] {
  let day = stageSince;
  return path
    .toReversed()
    .map((stageIndex, i) => {
      if (i > 0) day = workdayOnOrBefore(day - random.int(MIN_STAGE_GAP, MAX_STAGE_GAP));
      return { stageIndex, day };
    })
    .reverse();
}

/** Active clients spread over the cycle, a few fresh in the first stage. */
export function activeTimeline(random: Random, today: number, stageCount: number): Timeline {
  const current = random.weighted(
    Array.from({ length: stageCount }, (_, i) => i),
    (i) => (i === 0 ? 0.6 : 1),
  );
  // Intake is short; later stages last up to 40 weeks.
  const stageSince = workdayOnOrBefore(today - (current === 0 ? random.int(0, 42) : random.int(0, 280)));
  const steps = stepsBackFrom(random, stagePath(random, current), stageSince);
  return { startDay: itemAt(steps, 0).day, steps, closedDay: null };
}

/** Closed clients mostly got far in the cycle before leaving. */
export function closedTimeline(random: Random, today: number, stageCount: number): Timeline {
  const current = random.weighted(
    Array.from({ length: stageCount }, (_, i) => i),
    (i) => i + 1,
  );
  const closedDay = workdayOnOrBefore(today - random.int(1, 200));
  const stageSince = workdayOnOrBefore(closedDay - random.int(7, 120));
  const steps = stepsBackFrom(random, stagePath(random, current), stageSince);
  return { startDay: itemAt(steps, 0).day, steps, closedDay };
}

function pickKind(random: Random): ActionKind {
  const r = random.next();
  return r < 0.4 ? 'task' : r < 0.75 ? 'appointment' : 'follow_up';
}

/** Appointments between 08:30 and 16:00, on the quarter hour. */
function dueMinute(random: Random, kind: ActionKind): number | null {
  return kind === 'appointment' ? 8 * 60 + 30 + 15 * random.int(0, 30) : null;
}

/** A workday in [from, to], never before `from` (a Monday start has no Friday before it). */
function pastWorkday(random: Random, from: number, to: number): number {
  return Math.max(from, workdayOnOrBefore(random.int(from, to)));
}

function action(random: Random, dueDay: number, done: boolean): PlannedAction {
  const kind = pickKind(random);
  return { kind, dueDay, dueMinute: dueMinute(random, kind), done };
}

/**
 * About three to-dos per client. Active: some done in the past, roughly one in
 * seven with an overdue one, a few due today, the rest this week or later.
 * Closed: only done ones, before the closing date.
 */
export function plannedActions(random: Random, today: number, timeline: Timeline): PlannedAction[] {
  const actions: PlannedAction[] = [];
  if (timeline.closedDay !== null) {
    const count = random.int(2, 4);
    for (let i = 0; i < count; i++)
      actions.push(action(random, pastWorkday(random, timeline.startDay, timeline.closedDay), true));
    return actions;
  }

  const pastFrom = Math.max(timeline.startDay, today - 180);
  const pastTo = today - 1;
  if (pastFrom <= pastTo) {
    const done = random.int(0, 3);
    for (let i = 0; i < done; i++) actions.push(action(random, pastWorkday(random, pastFrom, pastTo), true));
    if (random.chance(0.15))
      actions.push(action(random, pastWorkday(random, Math.max(pastFrom, today - 21), pastTo), false));
  }
  if (random.chance(0.08)) actions.push(action(random, today, false));
  const r = random.next();
  const open = r < 0.1 ? 0 : r < 0.65 ? 1 : 2;
  for (let i = 0; i < open; i++) {
    const ahead = random.chance(0.4) ? random.int(1, 6) : random.int(7, 70);
    actions.push(action(random, workdayOnOrAfter(today + ahead), false));
  }
  return actions;
}
