import type { DomainHandlers } from '../../common/contract';
import type { Context } from '../context';

export const settingsHandlers = {
  async 'settings.setLanguage'(ctx, input) {
    ctx.settings.set('language', input.language);
    ctx.emit('settings.changed', { language: input.language });
    return { language: input.language };
  },

  async 'settings.caseloadView'(ctx) {
    return ctx.settings.get('caseloadView');
  },

  async 'settings.setCaseloadView'(ctx, input) {
    ctx.settings.set('caseloadView', input);
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'settings'>;
