import { languageFromLocales } from '../contract/languages';
import type { DomainHandlers } from '../contract';
import type { Context } from '../context';

export const appHandlers = {
  async 'app.info'(ctx) {
    const chosen = ctx.settings.get('language');
    return { version: ctx.appVersion, language: chosen ?? languageFromLocales(ctx.osLocales), languageChosen: chosen !== null };
  },
} satisfies DomainHandlers<Context, 'app'>;
