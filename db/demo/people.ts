/** Names and contact details of demo clients and caseworkers. */
import { birthDay, formatDay } from './dates';
import { type Country, NAME_POOLS, type Origin } from './names';
import type { Random } from './random';

export interface Person {
  firstName: string;
  lastName: string;
}

export function pickOrigin(random: Random, mix: ReadonlyArray<readonly [Origin, number]>): Origin {
  return random.weighted(mix, ([, weight]) => weight)[0];
}

export function pickFirstName(random: Random, origin: Origin): string {
  const pool = NAME_POOLS[origin];
  return random.pick(random.chance(0.5) ? pool.female : pool.male);
}

export function pickLastName(random: Random, origin: Origin): string {
  return random.pick(NAME_POOLS[origin].last);
}

export function dateOfBirth(random: Random, today: number, minAge: number, maxAge: number): string {
  return formatDay(birthDay(today, random.int(minAge, maxAge), random.int(0, 364)));
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

/** Mobile numbers as people write them: NL 06-12345678, DK +45 12 34 56 78. */
export function phoneNumber(random: Random, country: Country): string {
  if (country === 'nl') return `06-${random.int(1, 9)}${digits(random, 7)}`;
  const d = `${random.int(2, 9)}${digits(random, 7)}`;
  return `+45 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`;
}

const ASCII: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa', ı: 'i', ß: 'ss' };

/** "Søren Østergaard" → "soeren.oestergaard": mailbox names are plain ASCII. */
function mailboxPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/[æøåıß]/g, (c) => ASCII[c] ?? c)
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

// Reserved example domains (RFC 2606): demo data must never reach a real mailbox.
const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

export function emailAddress(random: Random, person: Person): string {
  const first = mailboxPart(person.firstName);
  const last = mailboxPart(person.lastName);
  const style = random.int(0, 3);
  const local =
    style === 0
      ? `${first}.${last}`
      : style === 1
        ? `${first.charAt(0)}.${last}`
        : style === 2
          ? `${first}${last}`
          : `${first}${random.int(70, 99)}`;
  return `${local}@${random.pick(MAIL_DOMAINS)}`;
}
