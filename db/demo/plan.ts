/**
 * Builds every demo row in memory, without touching the database: the caller
 * (generate.ts) reads what already exists, calls planDemo, and bulk-inserts the
 * result. Keeping this pure is what makes the output reproducible.
 */
import type { Insertable } from 'kysely';
import { formatPseudonym } from '../queries/clients';
import type { Database } from '../schema';
import { formatDay, isoMoment, momentMs, yearOf } from './dates';
import { demoId } from './ids';
import { CASEWORKER_ORIGIN_MIX, type Country, ORIGIN_MIX, type Origin } from './names';
import { dateOfBirth, emailAddress, phoneNumber, pickFirstName, pickLastName, pickOrigin } from './people';
import { itemAt } from './list';
import { type NotesClient, type NotesHousehold, planNotes } from './notes';
import { type ProgressionClient, type ProgressionPlan, type PublishedSheet, planProgression } from './progression';
import type { Random } from './random';
import {
  ACTION_TITLES,
  CLOSURE_NOTES,
  type DemoLanguage,
  TARGET_GROUPS,
  type TargetGroupSpec,
  householdName,
} from './texts';
import { type PlannedAction, type Timeline, activeTimeline, closedTimeline, plannedActions } from './timeline';
import { recorded, tracked } from '../tracked';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Clients per caseworker: the usual full caseload. */
export const CASELOAD_SIZE = 120;
const CLOSED_SHARE = 0.08;
/** Chance that a new unit is a household of 2–4: gives about 10% of clients in households. */
const HOUSEHOLD_CHANCE = 0.036;
/** Catalog items and caseworkers predate every client (the longest history is ~1.5 years). */
const SETUP_DAYS_BEFORE_TODAY = 730;

export interface PlanInput {
  today: number;
  clients: number;
  language: DemoLanguage;
  currentCaseworkerId: string | null;
  /** Live target groups in position order; empty → the demo creates its own. */
  targetGroups: ReadonlyArray<{ id: string; rescoreWeeks: number | null }>;
  /** Published versions of the live default sheet of target groups that have one. */
  defaultSheets: ReadonlyMap<string, PublishedSheet>;
  /** Live stages in position order (at least one). */
  stageIds: readonly string[];
  /** Live closure reasons; `key` is the shipped default_key, if any. */
  closureReasons: ReadonlyArray<{ id: string; key: string | null }>;
  /** Value of the client_pseudonym sequence: the demo continues after it. */
  lastPseudonym: number;
  /** References already in use, to be skipped. */
  takenReferences: ReadonlySet<string>;
}

export interface DemoPlan {
  caseworkers: Row<'caseworker'>[];
  targetGroups: Row<'catalog_item'>[];
  households: Row<'household'>[];
  clients: Row<'client'>[];
  stageChanges: Row<'stage_change'>[];
  closures: Row<'closure'>[];
  actions: Row<'action'>[];
  /** Sheets, scorings and goals. */
  progression: ProgressionPlan;
  /** Case notes on clients and households. */
  notes: Row<'note'>[];
  lastPseudonym: number;
  /** Active caseworkers carrying the demo caseload, currentCaseworkerId included. */
  activeCaseworkers: number;
}

interface TargetGroupChoice {
  id: string;
  spec: TargetGroupSpec;
  rescoreWeeks: number | null;
}

interface DraftClient {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string | null;
  targetGroup: TargetGroupChoice;
  household: DraftHousehold | null;
  caseworker: number;
  timeline: Timeline;
  actions: PlannedAction[];
  createdMs: number;
}

interface DraftHousehold {
  /** Set once the household row is planned. */
  id: string | null;
  lastName: string;
  members: DraftClient[];
}

/** A minute within office hours, 08:00–16:30 local; timestamps are stored as UTC (≈ one hour earlier). */
function officeMinute(random: Random): number {
  return random.int(7 * 60, 15 * 60 + 30);
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function countryFor(random: Random, language: DemoLanguage): Country {
  const dutchShare = language === 'nl' ? 0.9 : language === 'da' ? 0.1 : 0.5;
  return random.chance(dutchShare) ? 'nl' : 'dk';
}

function ageRange(spec: TargetGroupSpec): [number, number] {
  return [Math.max(18, spec.minAge ?? 18), Math.min(64, spec.maxAge ?? 64)];
}

function originFor(random: Random, spec: TargetGroupSpec, country: Country): Origin {
  return spec.origins ? random.pick(spec.origins) : pickOrigin(random, ORIGIN_MIX[country]);
}

function planTargetGroups(
  random: Random,
  input: PlanInput,
  setupDay: number,
): { choices: TargetGroupChoice[]; rows: Row<'catalog_item'>[] } {
  if (input.targetGroups.length > 0) {
    // A key person's own list: no demographic hints, equal shares, their own rhythm.
    return {
      choices: input.targetGroups.map(({ id, rescoreWeeks }) => ({
        id,
        spec: { name: '', weight: 1, rescoreWeeks: 0 },
        rescoreWeeks,
      })),
      rows: [],
    };
  }
  const choices: TargetGroupChoice[] = [];
  const rows = TARGET_GROUPS[input.language].map((spec, position): Row<'catalog_item'> => {
    const ms = momentMs(setupDay, 8 * 60 + position);
    const at = isoMoment(ms);
    const id = demoId(random, ms);
    choices.push({ id, spec, rescoreWeeks: spec.rescoreWeeks });
    return {
      id,
      kind: 'target_group',
      default_key: null,
      name: spec.name,
      position,
      weight: 1,
      rescore_weeks: spec.rescoreWeeks,
      retired_at: null,
      ...tracked(at, null),
    };
  });
  return { choices, rows };
}

function planCaseworkers(
  random: Random,
  input: PlanInput,
  setupDay: number,
): { ids: string[]; rows: Row<'caseworker'>[] } {
  const total = Math.max(1, Math.ceil(input.clients / CASELOAD_SIZE));
  const ids: string[] = input.currentCaseworkerId ? [input.currentCaseworkerId] : [];
  const rows: Row<'caseworker'>[] = [];
  const names = new Set<string>();
  // One extra, deactivated colleague (left the team) so that state shows up too.
  for (let i = ids.length; i <= total; i++) {
    // The team is local: a Danish jobcentre's colleagues have Danish-register names, and vice versa.
    const country: Country =
      input.language === 'nl' ? 'nl' : input.language === 'da' ? 'dk' : countryFor(random, input.language);
    const origin = pickOrigin(random, CASEWORKER_ORIGIN_MIX[country]);
    let name: string;
    do name = `${pickFirstName(random, origin)} ${pickLastName(random, origin)}`;
    while (names.has(name));
    names.add(name);
    const ms = momentMs(setupDay + i, 8 * 60);
    const at = isoMoment(ms);
    const deactivated = i === total;
    const row: Row<'caseworker'> = {
      id: demoId(random, ms),
      name,
      role: i === 1 && !deactivated ? 'key_person' : 'caseworker',
      deactivated_at: deactivated ? isoMoment(momentMs(input.today - random.int(30, 200), officeMinute(random))) : null,
      ...tracked(at, null),
    };
    rows.push(row);
    if (!deactivated) ids.push(row.id);
  }
  return { ids, rows };
}

function draftClient(
  random: Random,
  input: PlanInput,
  country: Country,
  origin: Origin,
  lastName: string,
  group: TargetGroupChoice,
): DraftClient {
  const [minAge, maxAge] = ageRange(group.spec);
  const firstName = pickFirstName(random, origin);
  const timeline = random.chance(CLOSED_SHARE)
    ? closedTimeline(random, input.today, input.stageIds.length)
    : activeTimeline(random, input.today, input.stageIds.length);
  return {
    firstName,
    lastName,
    dateOfBirth: dateOfBirth(random, input.today, minAge, maxAge),
    phone: phoneNumber(random, country),
    email: random.chance(0.5) ? emailAddress(random, { firstName, lastName }) : null,
    targetGroup: group,
    household: null,
    caseworker: 0,
    timeline,
    actions: plannedActions(random, input.today, timeline),
    createdMs: momentMs(timeline.startDay, officeMinute(random)),
  };
}

/** Clients come in units: a single client, or a household of 2–4 sharing a last name and caseworker. */
function draftUnits(random: Random, input: PlanInput, groups: TargetGroupChoice[]): DraftClient[][] {
  const units: DraftClient[][] = [];
  const familyGroups = groups.filter((g) => g.spec.family);
  const householdGroups = groups.filter((g) => g.spec.households !== false);
  let count = 0;
  while (count < input.clients) {
    const remaining = input.clients - count;
    const country = countryFor(random, input.language);
    if (remaining >= 2 && householdGroups.length > 0 && random.chance(HOUSEHOLD_CHANCE)) {
      const size = Math.min(random.int(2, 4), remaining);
      const group =
        familyGroups.length > 0 && random.chance(0.6)
          ? random.pick(familyGroups)
          : random.weighted(householdGroups, (g) => g.spec.weight);
      const origin = originFor(random, group.spec, country);
      const household: DraftHousehold = { id: null, lastName: pickLastName(random, origin), members: [] };
      for (let i = 0; i < size; i++) {
        const member = draftClient(random, input, country, origin, household.lastName, group);
        member.household = household;
        household.members.push(member);
      }
      units.push(household.members);
      count += size;
    } else {
      const group = random.weighted(groups, (g) => g.spec.weight);
      const origin = originFor(random, group.spec, country);
      units.push([draftClient(random, input, country, origin, pickLastName(random, origin), group)]);
      count += 1;
    }
  }
  return units;
}

/**
 * Whole units go to one caseworker. The current user's caseworker (index 0, when
 * given) fills up to a full caseload of active clients first; the rest are dealt
 * round-robin, so caseloads come out even.
 */
function assignCaseworkers(units: DraftClient[][], caseworkerCount: number, current: boolean): void {
  const others = Array.from({ length: caseworkerCount }, (_, i) => i).slice(current && caseworkerCount > 1 ? 1 : 0);
  let currentActive = 0;
  let turn = 0;
  for (const unit of units) {
    let caseworker: number;
    if (current && currentActive < CASELOAD_SIZE) caseworker = 0;
    else caseworker = itemAt(others, turn++ % others.length);
    if (caseworker === 0) currentActive += unit.filter((c) => c.timeline.closedDay === null).length;
    for (const client of unit) client.caseworker = caseworker;
  }
}

/** Reference numbers like 2026-004512: start year, then a counter with gaps (other clients in between). */
function referenceGenerator(random: Random, taken: ReadonlySet<string>): (startDay: number) => string {
  let counter = random.int(1000, 5000);
  return (startDay) => {
    let reference: string;
    do {
      counter += random.int(1, 30);
      reference = `${yearOf(startDay)}-${String(counter).padStart(6, '0')}`;
    } while (taken.has(reference));
    return reference;
  };
}

function closureNote(random: Random, language: DemoLanguage, key: string | null): string {
  const notes = CLOSURE_NOTES[language];
  return random.pick(key === 'work' || key === 'education' || key === 'moved' ? notes[key] : notes.other);
}

/** Shipped reasons get realistic shares; renamed or added ones share the rest. */
function closureReasonWeight(key: string | null): number {
  return key === 'work' ? 45 : key === 'education' ? 20 : key === 'moved' ? 15 : 20;
}

export function planDemo(random: Random, input: PlanInput): DemoPlan {
  if (input.stageIds.length === 0) throw new Error('The demo caseload needs at least one stage');
  if (input.closureReasons.length === 0) throw new Error('The demo caseload needs at least one closure reason');
  const setupDay = input.today - SETUP_DAYS_BEFORE_TODAY;
  const targetGroups = planTargetGroups(random, input, setupDay);
  const caseworkers = planCaseworkers(random, input, setupDay);
  const units = draftUnits(random, input, targetGroups.choices);
  assignCaseworkers(units, caseworkers.ids.length, input.currentCaseworkerId !== null);

  // Pseudonyms and references in creation order, as if the clients had been entered over time.
  const drafts = units
    .flat()
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => a.draft.createdMs - b.draft.createdMs || a.index - b.index)
    .map(({ draft }) => draft);

  const households: Row<'household'>[] = [];
  const notesHouseholds: NotesHousehold[] = [];
  for (const unit of units) {
    const { household, caseworker } = itemAt(unit, 0);
    if (!household) continue;
    const ms = Math.min(...household.members.map((m) => m.createdMs));
    const at = isoMoment(ms);
    const caseworkerId = itemAt(caseworkers.ids, caseworker);
    household.id = demoId(random, ms);
    const name = householdName(input.language, household.lastName);
    households.push({
      id: household.id,
      name,
      caseworker_id: caseworkerId,
      ...tracked(at, caseworkerId),
    });
    notesHouseholds.push({
      id: household.id,
      name,
      caseworkerId,
      createdMs: ms,
      members: household.members.map((m) => ({ startDay: m.timeline.startDay, closedDay: m.timeline.closedDay })),
    });
  }

  const nextReference = referenceGenerator(random, input.takenReferences);
  const titles = ACTION_TITLES[input.language];
  const progressionClients: ProgressionClient[] = [];
  const notesClients: NotesClient[] = [];
  const plan: Omit<DemoPlan, 'progression' | 'notes'> = {
    caseworkers: caseworkers.rows,
    targetGroups: targetGroups.rows,
    households,
    clients: [],
    stageChanges: [],
    closures: [],
    actions: [],
    lastPseudonym: input.lastPseudonym + drafts.length,
    activeCaseworkers: caseworkers.ids.length,
  };

  drafts.forEach((draft, n) => {
    const { timeline } = draft;
    const caseworkerId = itemAt(caseworkers.ids, draft.caseworker);
    const clientId = demoId(random, draft.createdMs);
    const created = isoMoment(draft.createdMs);
    const current = itemAt(timeline.steps, timeline.steps.length - 1);

    let previousStage: string | null = null;
    let lastEventMs = draft.createdMs;
    for (const [i, step] of timeline.steps.entries()) {
      const ms = i === 0 ? draft.createdMs : momentMs(step.day, officeMinute(random));
      const stageId = itemAt(input.stageIds, step.stageIndex);
      plan.stageChanges.push({
        id: demoId(random, ms),
        client_id: clientId,
        from_stage_id: previousStage,
        to_stage_id: stageId,
        changed_on: formatDay(step.day),
        ...recorded(isoMoment(ms), caseworkerId),
      });
      previousStage = stageId;
      lastEventMs = ms;
    }

    if (timeline.closedDay !== null) {
      const ms = momentMs(timeline.closedDay, officeMinute(random));
      const reason = random.weighted(input.closureReasons, (r) => closureReasonWeight(r.key));
      plan.closures.push({
        id: demoId(random, ms),
        client_id: clientId,
        closed_on: formatDay(timeline.closedDay),
        reason_id: reason.id,
        outcome_note: closureNote(random, input.language, reason.key),
        reopened_on: null,
        ...recorded(isoMoment(ms), caseworkerId),
        reopened_by: null,
      });
      lastEventMs = ms;
    }

    for (const action of draft.actions)
      plan.actions.push(actionRow(random, input.today, draft, action, clientId, caseworkerId, titles));

    plan.clients.push({
      id: clientId,
      reference: nextReference(timeline.startDay),
      first_name: draft.firstName,
      last_name: draft.lastName,
      pseudonym: formatPseudonym(input.lastPseudonym + n + 1),
      caseworker_id: caseworkerId,
      date_of_birth: draft.dateOfBirth,
      phone: draft.phone,
      email: draft.email,
      target_group_id: draft.targetGroup.id,
      stage_id: itemAt(input.stageIds, current.stageIndex),
      stage_since: formatDay(current.day),
      household_id: draft.household?.id ?? null,
      start_date: formatDay(timeline.startDay),
      status: timeline.closedDay === null ? 'active' : 'closed',
      created_at: created,
      updated_at: isoMoment(lastEventMs),
      updated_by: caseworkerId,
      deleted_at: null,
    });
    progressionClients.push({
      id: clientId,
      caseworkerId,
      createdMs: draft.createdMs,
      startDay: timeline.startDay,
      closedDay: timeline.closedDay,
      targetGroupId: draft.targetGroup.id,
      rescoreWeeks: draft.targetGroup.rescoreWeeks,
    });
    notesClients.push({
      id: clientId,
      firstName: draft.firstName,
      caseworkerId,
      createdMs: draft.createdMs,
      startDay: timeline.startDay,
      closedDay: timeline.closedDay,
    });
  });

  // Last, so that adding progression left every earlier row of a seed as it was.
  const keyPerson = caseworkers.rows.find((c) => c.role === 'key_person' && c.deactivated_at === null);
  const progression = planProgression(random, {
    today: input.today,
    setupDay,
    language: input.language,
    keyPersonId: keyPerson?.id ?? caseworkers.ids[0] ?? null,
    targetGroups: targetGroups.choices.map((g) => ({ id: g.id, ladder: g.spec.ladder === true })),
    defaultSheets: input.defaultSheets,
    clients: progressionClients,
  });
  // After progression, for the same reason.
  const notes = planNotes(random, {
    today: input.today,
    language: input.language,
    clients: notesClients,
    households: notesHouseholds,
  });
  return { ...plan, progression, notes };
}

function actionRow(
  random: Random,
  today: number,
  client: DraftClient,
  action: PlannedAction,
  clientId: string,
  caseworkerId: string,
  titles: (typeof ACTION_TITLES)[DemoLanguage],
): Row<'action'> {
  // Entered a few days to four weeks ahead; far-off ones in the past fortnight; never before the client.
  let createdDay = action.dueDay - random.int(3, 28);
  if (createdDay > today) createdDay = today - random.int(1, 14);
  createdDay = Math.max(client.timeline.startDay, createdDay);
  const createdMs = Math.max(momentMs(createdDay, officeMinute(random)), client.createdMs + 60_000);
  let doneAt: string | null = null;
  if (action.done) {
    // Appointments are ticked off just after they end; tasks on or a little before the due date.
    const doneMs =
      action.dueMinute !== null
        ? momentMs(action.dueDay, action.dueMinute - 60 + 45)
        : momentMs(Math.max(createdDay, action.dueDay - random.int(0, 3)), officeMinute(random));
    doneAt = isoMoment(Math.max(doneMs, createdMs + 15 * 60_000));
  }
  const createdAt = isoMoment(createdMs);
  return {
    id: demoId(random, createdMs),
    client_id: clientId,
    title: random.pick(titles[action.kind]),
    kind: action.kind,
    due_date: formatDay(action.dueDay),
    due_time: action.dueMinute === null ? null : hhmm(action.dueMinute),
    done_at: doneAt,
    created_at: createdAt,
    updated_at: doneAt ?? createdAt,
    updated_by: caseworkerId,
    deleted_at: null,
  };
}
