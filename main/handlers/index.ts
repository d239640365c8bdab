import type { Handlers, NoExtraMethods } from '../contract';
import type { Context } from '../context';
import { appHandlers } from './app';
import { clientHandlers } from './clients';
import { settingsHandlers } from './settings';

const handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...clientHandlers,
} satisfies Handlers<Context>;

/**
 * Every contract method, one domain module each. `satisfies` catches a missing
 * handler; NoExtraMethods catches one the contract does not list.
 */
export const registry: NoExtraMethods<typeof handlers> = handlers;
