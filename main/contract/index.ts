import { z } from 'zod';
import type { Envelope } from './envelope';
import { LANGUAGES } from './languages';

/**
 * The one list of everything the renderer may ask of main. Main's registry must
 * implement exactly these methods, the preload exposes exactly these names, and the
 * renderer's client is typed from them.
 */

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => text(max).min(1);

export const languageSchema = z.enum(LANGUAGES);

export const clientSchema = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  pseudonym: z.string(),
  caseworkerId: z.string().nullable(),
  createdAt: z.string(),
});

export const newClientSchema = z.strictObject({
    firstName: requiredText(100),
    lastName: requiredText(100),
    // Empty means "no reference yet": many clients are entered before the municipal number is known.
    reference: text(40)
      .optional()
      .transform((v) => (v ? v : null)),
});

const empty = z.strictObject({});

export const contract = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      language: languageSchema,
      /** False while the language still follows the OS locale. */
      languageChosen: z.boolean(),
    }),
  },
  'settings.setLanguage': {
    input: z.strictObject({ language: languageSchema }),
    output: z.object({ language: languageSchema }),
  },
  'clients.list': {
    input: z.strictObject({ search: text(200).optional() }),
    output: z.array(clientSchema),
  },
  'clients.create': {
    input: newClientSchema,
    output: clientSchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Events main pushes to the renderer, with their payloads. */
export const events = {
  'clients.changed': z.object({ ids: z.array(z.string()) }),
  'settings.changed': z.object({ language: languageSchema }),
} as const satisfies Record<string, z.ZodType>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What the renderer passes in (before defaults and transforms). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

/** `window.koers`: one function per method, each resolving to an envelope, plus `on` for events. */
export type Api = { [M in Method]: (input: Input<M>) => Promise<Envelope<Output<M>>> } & {
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
};

/** A handler for every method: main's registry must satisfy this exactly. */
export type Handlers<Ctx> = { [M in Method]: (ctx: Ctx, input: ParsedInput<M>) => Promise<Output<M>> };

/** Handlers of one domain, e.g. `clients` → `clients.list`, `clients.create`. */
export type DomainHandlers<Ctx, D extends string> = {
  [M in Method as M extends `${D}.${string}` ? M : never]: Handlers<Ctx>[M];
};

/** Fails to compile when T has keys that are not methods of the contract. */
export type NoExtraMethods<T> = Exclude<keyof T, Method> extends never ? T : never;

export const METHODS = Object.keys(contract) as Method[];
export const EVENTS = Object.keys(events) as EventName[];

export type { Envelope, ErrorCode, ErrorDetails, FieldIssue, RpcError } from './envelope';
export { ERROR_CODES } from './envelope';
