import { getCaseworker, hasCaseworkers } from '../../db/queries/caseworkers';
import type { DomainHandlers } from '../../common/contract';
import { type Context, language, today } from '../context';

export const appHandlers = {
  async 'app.info'(ctx) {
    const chosen = ctx.settings.get('language');
    const currentId = ctx.settings.get('currentCaseworkerId');
    const current = currentId ? await getCaseworker(ctx.db, currentId) : undefined;
    return {
      version: ctx.appVersion,
      language: language(ctx),
      languageChosen: chosen !== null,
      currentCaseworker: current ? { id: current.id, name: current.name, role: current.role } : null,
      setUp: current !== undefined || (await hasCaseworkers(ctx.db)),
      today: today(ctx),
    };
  },

  async 'app.openLogFolder'(ctx) {
    await ctx.desktop.openFolder(ctx.log.folder);
    return { folder: ctx.log.folder };
  },

  async 'app.print'(ctx) {
    return { printed: await ctx.desktop.print() };
  },
} satisfies DomainHandlers<Context, 'app'>;
