import { hasCaseworkers, insertCaseworker } from '../../db/queries/caseworkers';
import { generateDemo } from '../../db/demo/generate';
import { insertStarters } from '../../db/starters';
import type { DomainHandlers } from '../../common/contract';
import { type Context, today } from '../context';
import { conflict } from '../rpc/app-error';

/** The demo caseload a new user may load at first run: one caseworker's worth. */
export const DEMO_CLIENTS = 120;

export const setupHandlers = {
  async 'setup.complete'(ctx, input) {
    const at = ctx.now().toISOString();
    const result = await ctx.db.transaction().execute(async (trx) => {
      // First run happens once: a second call would add a caseworker of any role and demo clients to live data.
      if (await hasCaseworkers(trx)) throw conflict('Koers is already set up', { reason: 'already_set_up' });
      const caseworkerId = await insertCaseworker(trx, { name: input.name, role: input.role }, at, null);
      const demo = input.demo
        ? await generateDemo(trx, {
            clients: DEMO_CLIENTS,
            today: today(ctx),
            language: input.language,
            currentCaseworkerId: caseworkerId,
          })
        : null;
      // The demo has target groups and sheets of its own: starters are for a Koers that starts empty.
      const starters = !demo && input.starters ? await insertStarters(trx, input.language, at, caseworkerId) : null;
      return { caseworkerId, demoClients: demo?.clients ?? 0, starterSheets: starters?.sheets ?? 0 };
    });
    // Settings only after the data is committed: a failed setup leaves first run as it was.
    ctx.settings.set('language', input.language);
    ctx.settings.set('currentCaseworkerId', result.caseworkerId);
    return result;
  },
} satisfies DomainHandlers<Context, 'setup'>;
