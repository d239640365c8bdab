/**
 * Case notes for the demo caseload: about five per client, written by the
 * client's caseworker on workdays within the case, and a few on households.
 * Pure like plan.ts: rows in memory, the caller inserts them.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../schema';
import { formatDay, isoMoment, momentMs, workdayOnOrBefore } from './dates';
import { demoId } from './ids';
import { itemAt } from './list';
import { NOTE_TEXTS, type NoteTexts, type WrittenKind } from './note-texts';
import type { Random } from './random';
import type { DemoLanguage } from './texts';
import { tracked } from '../tracked';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface NotesClient {
  id: string;
  firstName: string;
  caseworkerId: string;
  createdMs: number;
  startDay: number;
  closedDay: number | null;
}

export interface NotesHousehold {
  id: string;
  name: string;
  caseworkerId: string;
  createdMs: number;
  /** Members' case periods. */
  members: ReadonlyArray<{ startDay: number; closedDay: number | null }>;
}

export interface NotesInput {
  today: number;
  language: DemoLanguage;
  clients: readonly NotesClient[];
  households: readonly NotesHousehold[];
}

/** Body lengths in characters. */
export const NOTE_MIN_LENGTH = 150;
export const NOTE_MAX_LENGTH = 450;

/** Notes per client: 1–9, about 4.75 on average (household notes bring the total to ~5). */
const NOTE_COUNT_WEIGHTS: ReadonlyArray<readonly [count: number, weight: number]> = [
  [1, 6],
  [2, 9],
  [3, 13],
  [4, 16],
  [5, 17],
  [6, 14],
  [7, 11],
  [8, 8],
  [9, 6],
];
/** Household notes per household member: ~2.5, so ~5% of all notes are on households. */
const HOUSEHOLD_NOTES_PER_MEMBER = 2.5;

const KIND_WEIGHTS: ReadonlyArray<readonly [WrittenKind, number]> = [
  ['conversation', 40],
  ['phone_call', 28],
  ['home_visit', 9],
  ['agreement', 11],
  ['reflection', 8],
  ['milestone', 4],
];
const HOUSEHOLD_KIND_WEIGHTS: ReadonlyArray<readonly [WrittenKind, number]> = [
  ['conversation', 30],
  ['phone_call', 25],
  ['home_visit', 30],
  ['agreement', 8],
  ['reflection', 5],
  ['milestone', 2],
];
/** Pinned: mostly agreements and milestones; about 2% overall. */
const PIN_CHANCE: Readonly<Record<WrittenKind, number>> = {
  conversation: 0.01,
  phone_call: 0.005,
  home_visit: 0.015,
  agreement: 0.07,
  reflection: 0.02,
  milestone: 0.12,
};

type Pool = 'topics' | 'visit' | 'household' | 'agreements' | 'reflections';
/** Where the sentences after the opener come from, in turn, per kind. */
const POOLS: Readonly<Record<WrittenKind, readonly Pool[]>> = {
  conversation: ['topics', 'topics', 'agreements', 'reflections'],
  phone_call: ['topics', 'agreements', 'topics'],
  home_visit: ['visit', 'topics', 'agreements', 'reflections'],
  agreement: ['agreements', 'agreements', 'topics', 'agreements'],
  reflection: ['reflections', 'topics', 'reflections'],
  milestone: ['reflections', 'agreements', 'topics'],
};

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function fill(sentence: string, name: string, household: string): string {
  // "The Jansen household" takes a small letter inside a sentence.
  const inSentence = sentence.startsWith('{household}') ? household : household.replace(/^The /, 'the ');
  const text = sentence.replaceAll('{name}', name).replaceAll('{household}', inSentence);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An opener and then sentences from the kind's pools until the body is about `target` characters long. */
export function composeBody(
  random: Random,
  texts: NoteTexts,
  kind: WrittenKind,
  name: string,
  household: string | null,
): string {
  // Stops at the first sentence that reaches the target, so aim a little short: ~300 on average.
  const target = random.int(NOTE_MIN_LENGTH - 20, NOTE_MAX_LENGTH - 50);
  const openers = household === null ? texts.openers[kind] : texts.householdOpeners[kind];
  const used = new Set<string>();
  let body = fill(random.pick(openers), name, household ?? '');
  const pools = POOLS[kind];
  for (let turn = 0; turn < 60 && (body.length < target || body.length < NOTE_MIN_LENGTH); turn++) {
    let pool = itemAt(pools, turn % pools.length);
    if (household !== null && pool === 'topics') pool = 'household';
    const sentence = random.pick(texts[pool]);
    if (used.has(sentence)) continue;
    const text = fill(sentence, name, household ?? '');
    if (body.length + 1 + text.length > NOTE_MAX_LENGTH) continue;
    used.add(sentence);
    body += ` ${text}`;
  }
  return body;
}

interface NoteMoment {
  day: number;
  /** Local minutes after midnight. */
  minute: number;
}

/** Local office hours by kind: home visits in the middle of the day, calls and meetings 08:30–16:45. */
function localMinute(random: Random, kind: WrittenKind): number {
  return kind === 'home_visit' ? 9 * 60 + 30 + 15 * random.int(0, 22) : 8 * 60 + 30 + 5 * random.int(0, 99);
}

/** `count` workdays in [from, to], oldest first; the first is the start of the case when `intake`. */
function noteDays(random: Random, from: number, to: number, count: number, intake: boolean): number[] {
  const days: number[] = [];
  for (let i = 0; i < count; i++)
    days.push(i === 0 && intake ? from : Math.max(from, workdayOnOrBefore(random.int(from, to))));
  return days.sort((a, b) => a - b);
}

function pickKind(random: Random, weights: ReadonlyArray<readonly [WrittenKind, number]>): WrittenKind {
  return random.weighted(weights, ([, weight]) => weight)[0];
}

function noteRow(
  random: Random,
  plan: Row<'note'>[],
  owner: { clientId: string | null; householdId: string | null; authorId: string; createdMs: number },
  kind: WrittenKind,
  moment: NoteMoment,
  body: string,
): void {
  // Written right after the contact (UTC is about an hour behind local time), never before the owner existed.
  const createdMs = Math.max(momentMs(moment.day, moment.minute - 60 + random.int(5, 45)), owner.createdMs + 60_000);
  const at = isoMoment(createdMs);
  plan.push({
    id: demoId(random, createdMs),
    client_id: owner.clientId,
    household_id: owner.householdId,
    kind,
    noted_at: `${formatDay(moment.day)}T${hhmm(moment.minute)}`,
    body,
    author_id: owner.authorId,
    pinned: random.chance(PIN_CHANCE[kind]) ? 1 : 0,
    ...tracked(at, owner.authorId),
  });
}

export function planNotes(random: Random, input: NotesInput): Row<'note'>[] {
  const texts = NOTE_TEXTS[input.language];
  const notes: Row<'note'>[] = [];

  for (const client of input.clients) {
    const end = client.closedDay ?? input.today;
    // A case of a few days has had a note or two, not nine.
    const cap = 1 + Math.floor((end - client.startDay) / 5);
    const count = Math.min(cap, random.weighted(NOTE_COUNT_WEIGHTS, ([, weight]) => weight)[0]);
    const days = noteDays(random, client.startDay, end, count, random.chance(0.6));
    for (const [i, day] of days.entries()) {
      // Milestones come after a while, not at the intake.
      let kind = i === 0 ? (random.chance(0.8) ? 'conversation' : 'phone_call') : pickKind(random, KIND_WEIGHTS);
      if (kind === 'milestone' && day - client.startDay < 21) kind = 'conversation';
      const moment = { day, minute: localMinute(random, kind) };
      const owner = {
        clientId: client.id,
        householdId: null,
        authorId: client.caseworkerId,
        createdMs: client.createdMs,
      };
      noteRow(random, notes, owner, kind, moment, composeBody(random, texts, kind, client.firstName, null));
    }
  }

  for (const household of input.households) {
    const from = Math.min(...household.members.map((m) => m.startDay));
    const to = household.members.some((m) => m.closedDay === null)
      ? input.today
      : Math.max(...household.members.map((m) => m.closedDay ?? input.today));
    const count = Math.max(
      1,
      Math.round(household.members.length * HOUSEHOLD_NOTES_PER_MEMBER * (0.5 + random.next())),
    );
    for (const day of noteDays(random, from, to, count, false)) {
      const kind = pickKind(random, HOUSEHOLD_KIND_WEIGHTS);
      const moment = { day, minute: localMinute(random, kind) };
      const owner = {
        clientId: null,
        householdId: household.id,
        authorId: household.caseworkerId,
        createdMs: household.createdMs,
      };
      noteRow(random, notes, owner, kind, moment, composeBody(random, texts, kind, texts.family, household.name));
    }
  }
  return notes;
}
