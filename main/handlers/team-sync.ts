import type { DomainHandlers } from '../../common/contract';
import { teamSignInTexts } from '../../common/i18n/team-sign-in';
import { type Context, language } from '../context';
import { conflict } from '../rpc/app-error';
import type { ReturnPage } from '../sync/sign-in';
import { JoinRefused } from '../sync/team';

/** What the browser tab says after signing in, in the user's language. */
function returnPage(ctx: Context): ReturnPage {
  const lang = language(ctx);
  const texts = teamSignInTexts[lang];
  return { language: lang, done: texts.done, failed: texts.failed };
}

/** A refused join or sign-in as a conflict the window translates; nothing on the laptop changed. */
async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof JoinRefused) throw conflict(error.message, { reason: `team_${error.problem}` });
    throw error;
  }
}

export const teamSyncHandlers = {
  async 'sync.status'(ctx) {
    return ctx.team.status();
  },
  async 'sync.join'(ctx, { serverUrl }) {
    return refusing(() => ctx.team.join(serverUrl, returnPage(ctx)));
  },
  async 'sync.signIn'(ctx) {
    return refusing(() => ctx.team.signIn(returnPage(ctx)));
  },
  async 'sync.cancelSignIn'(ctx) {
    ctx.team.cancelSignIn();
    return { ok: true as const };
  },
  async 'sync.signOut'(ctx) {
    return ctx.team.signOut();
  },
  async 'sync.leave'(ctx) {
    return ctx.team.leave();
  },
  async 'sync.now'(ctx) {
    ctx.team.syncNow();
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'sync'>;
