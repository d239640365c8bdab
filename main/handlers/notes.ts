import {
  discardDraft,
  getDraft,
  getNote,
  insertNote,
  noteVersions,
  notesForHousehold,
  removeNote,
  saveDraft,
  updateNote,
} from '../../db/queries/notes';
import { searchNotes } from '../../db/search/notes';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { notFound } from '../rpc/app-error';
import { checkHousehold, requireClient } from './checks';

async function requireNote(ctx: Context, id: string) {
  const note = await getNote(ctx.db, id);
  if (!note) throw notFound('Note');
  return note;
}

export const noteHandlers = {
  async 'notes.get'(ctx, input) {
    const note = await requireNote(ctx, input.id);
    return { ...note, versions: await noteVersions(ctx.db, note.id) };
  },

  async 'notes.forHousehold'(ctx, input) {
    await checkHousehold(ctx.db, input.id, 'id');
    return notesForHousehold(ctx.db, input.id);
  },

  async 'notes.create'(ctx, input) {
    const id = await ctx.db.transaction().execute(async (trx) => {
      if (input.clientId) await requireClient(trx, input.clientId);
      if (input.householdId) await checkHousehold(trx, input.householdId, 'householdId');
      const note = {
        clientId: input.clientId ?? null,
        householdId: input.householdId ?? null,
        kind: input.kind,
        notedAt: input.notedAt,
        body: input.body,
        pinned: input.pinned,
      };
      const noteId = await insertNote(trx, note, ctx.now().toISOString(), actor(ctx));
      // The note is saved: what was typed for it is no longer a draft.
      await discardDraft(trx, input.clientId ? `client:${input.clientId}` : `household:${input.householdId ?? ''}`);
      return noteId;
    });
    return requireNote(ctx, id);
  },

  async 'notes.update'(ctx, input) {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await getNote(trx, input.id))) throw notFound('Note');
      await updateNote(trx, input.id, input, ctx.now().toISOString(), actor(ctx));
      await discardDraft(trx, `note:${input.id}`);
    });
    return requireNote(ctx, input.id);
  },

  async 'notes.remove'(ctx, input) {
    await requireNote(ctx, input.id);
    await removeNote(ctx.db, input.id, ctx.now().toISOString(), actor(ctx));
    return { ok: true as const };
  },

  async 'notes.search'(ctx, input) {
    return searchNotes(ctx.db, {
      text: input.text,
      ...(input.clientId ? { clientId: input.clientId } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.from ? { from: input.from } : {}),
      ...(input.to ? { to: input.to } : {}),
    });
  },
} satisfies DomainHandlers<Context, 'notes'>;

/** Unsaved notes, written as the user types so a crash or a closed window loses nothing. */
export const draftHandlers = {
  async 'drafts.get'(ctx, input) {
    return (await getDraft(ctx.db, input.key)) ?? null;
  },

  async 'drafts.save'(ctx, input) {
    await saveDraft(ctx.db, input, ctx.now().toISOString());
    return { ok: true as const };
  },

  async 'drafts.discard'(ctx, input) {
    await discardDraft(ctx.db, input.key);
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'drafts'>;
