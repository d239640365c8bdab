import { format } from 'date-fns';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { EventName, EventPayload } from './contract';
import type { Settings } from './settings';

/** Everything a handler may use. Built once in main (or in a test) and passed to every call. */
export interface Context {
  db: Kysely<Database>;
  settings: Settings;
  appVersion: string;
  /** The OS's preferred locales, most preferred first. */
  osLocales: readonly string[];
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** Today as a local calendar date, `YYYY-MM-DD`. */
export function today(ctx: Pick<Context, 'now'>): string {
  return format(ctx.now(), 'yyyy-MM-dd');
}

/** Who makes this change: recorded as `updated_by` / `created_by`. */
export function actor(ctx: Pick<Context, 'settings'>): string | null {
  return ctx.settings.get('currentCaseworkerId');
}
