import type { DomainHandlers } from '../../common/contract';
import { teamSignInTexts } from '../../common/i18n/team-sign-in';
import { actor, type Context, language } from '../context';
import { conflict } from '../rpc/app-error';
import type { ReturnPage } from '../sync/sign-in';
import { JoinRefused, type TeamStatus } from '../sync/team';
import { NoticeGone, openNoticesWithRows, resolveNotice, RowGone } from '../../db/queries/sync-notices';
import { noticeView } from '../sync/notice-view';

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

/** Every window shows the new status (the first-run screen and Settings › Team alike). */
function told(ctx: Context, status: TeamStatus): TeamStatus {
  ctx.emit('sync.status', status);
  return status;
}

export const teamSyncHandlers = {
  async 'sync.status'(ctx) {
    return ctx.team.status();
  },
  async 'sync.join'(ctx, { serverUrl }) {
    return told(ctx, await refusing(() => ctx.team.join(serverUrl, returnPage(ctx))));
  },
  async 'sync.confirmJoin'(ctx) {
    try {
      const joined = told(ctx, await refusing(() => ctx.team.confirmJoin()));
      // Joining renames the laptop's lists and people to the team's: an earlier import can no longer be taken back.
      ctx.doneImports.clear();
      return joined;
    } catch (error) {
      // Refused: the preview, made afresh, says what the team lacks now.
      told(ctx, await ctx.team.status());
      throw error;
    }
  },
  async 'sync.cancelJoin'(ctx) {
    return told(ctx, await ctx.team.cancelJoin());
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
  async 'sync.notices'(ctx) {
    return noticeView(ctx.db, await openNoticesWithRows(ctx.db));
  },
  async 'sync.resolve'(ctx, { id, keep }) {
    try {
      await resolveNotice(ctx.db, id, keep, ctx.now().toISOString(), actor(ctx));
    } catch (error) {
      if (error instanceof NoticeGone) throw conflict('This conflict was decided already', { reason: 'notice_gone' });
      if (error instanceof RowGone)
        throw conflict('The row is no longer on this laptop', { reason: 'notice_row_gone' });
      throw error;
    }
    // The status line's count of conflicts goes down at once, not at the next sync.
    ctx.emit('sync.status', await ctx.team.status());
    return { ok: true as const };
  },
  async 'sync.now'(ctx) {
    ctx.team.syncNow();
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'sync'>;
