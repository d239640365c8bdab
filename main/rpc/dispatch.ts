import type { z } from 'zod';
import {
  type Envelope,
  type EventPayload,
  type FieldIssue,
  type Handlers,
  type Method,
  contract,
} from '../../common/contract';
import { AppError } from './app-error';
import { colleaguesClientRefusal } from './colleagues-client';
import { storageFailure } from './storage-failure';

export type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** Called with every unexpected error; the renderer only learns that something failed. */
  onInternalError(method: string, error: unknown): void;
  /** Check handler results against the contract too (tests and development). */
  validateOutput?: boolean;
  /** May refuse a method before it runs (while Koers is locked, or for the wrong role). */
  guard?(method: Method): Promise<AppError | null>;
  /** Told about every call that reached a handler or the guard, with its outcome (the audit log). */
  onCall?(method: Method, input: unknown, outcome: Envelope<unknown>): void;
  /** Sends `data.changed` to the renderer: once per scope a call changed (its contract's `changes`). */
  emit(event: 'data.changed', payload: EventPayload<'data.changed'>): void;
}

function isMethod(name: string): name is Method {
  // Own keys only: `toString` or `__proto__` must not look like methods.
  return Object.hasOwn(contract, name);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path)
    value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

const CUSTOM_RULES = new Set<FieldIssue['rule']>(['date', 'time', 'email', 'future_date', 'required']);

export function toFieldIssue(issue: z.core.$ZodIssue, input: unknown): FieldIssue {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'too_big':
      return { field, rule: issue.origin === 'string' ? 'too_long' : 'too_big', limit: Number(issue.maximum) };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { field, rule: 'required' }
          : { field, rule: 'too_short', limit: Number(issue.minimum) };
      return { field, rule: 'too_small', limit: Number(issue.minimum) };
    case 'unrecognized_keys':
      return { field: issue.keys.join(', '), rule: 'unknown_field' };
    case 'invalid_type':
      return { field, rule: valueAt(input, issue.path) === undefined ? 'required' : 'invalid' };
    case 'custom': {
      const rule = issue.params?.rule as FieldIssue['rule'] | undefined;
      return { field, rule: rule && CUSTOM_RULES.has(rule) ? rule : 'invalid' };
    }
    default:
      return { field, rule: 'invalid' };
  }
}

/**
 * Turns (method, untrusted input) into an envelope: look the method up in the
 * contract, parse the input, run the handler, and make sure no error detail a user
 * should not see (stack, SQL) crosses back. After a call that changed data it tells
 * the renderer what changed, from the contract: handlers never emit `data.changed`.
 */
export function createDispatch<Ctx>(handlers: Handlers<Ctx>, ctx: Ctx, options: DispatchOptions): Dispatch {
  return async (method, input) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'not_found', message: `Unknown method ${method}`, details: { method } } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'validation',
          message: 'Invalid input',
          details: { issues: parsed.error.issues.map((issue) => toFieldIssue(issue, input)) },
        },
      };
    }
    const { outcome, committed } = await run(method, parsed.data);
    options.onCall?.(method, parsed.data, outcome);
    if (committed) for (const scope of contract[method].changes) options.emit('data.changed', { scope });
    return outcome;
  };

  /** The call's envelope, and whether its changes are saved (a refused or failed call changed nothing). */
  async function run(method: Method, input: unknown): Promise<{ outcome: Envelope<unknown>; committed: boolean }> {
    try {
      const refused = await options.guard?.(method);
      if (refused) throw refused;
      // The contract ties each method's parsed input to its handler; TypeScript cannot
      // follow that correlation through an indexed access, hence the widening.
      const handler = handlers[method] as (ctx: Ctx, input: unknown) => Promise<unknown>;
      const value = await handler(ctx, input);
      if (options.validateOutput) contract[method].output.parse(value);
      return { outcome: { ok: true, value }, committed: true };
    } catch (error) {
      // A busy, full or read-only database is not a bug, nor a colleague's client on a key person's
      // laptop: the user gets its own plain message.
      const expected = error instanceof AppError ? error : (storageFailure(error) ?? colleaguesClientRefusal(error));
      if (expected) {
        const outcome: Envelope<unknown> = {
          ok: false,
          error: {
            code: expected.code,
            message: expected.message,
            ...(expected.details ? { details: expected.details } : {}),
          },
        };
        return { outcome, committed: expected.committed };
      }
      options.onInternalError(method, error);
      return { outcome: { ok: false, error: { code: 'internal', message: 'Internal error' } }, committed: false };
    }
  }
}
