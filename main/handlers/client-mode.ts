import type { DomainHandlers, Output } from '../../common/contract';
import { LEAVE_WORD } from '../../common/contract/client-mode';
import { textDirection } from '../../common/languages';
import { getClient } from '../../db/queries/clients';
import { insertScoring, previousValues } from '../../db/queries/scorings';
import { indicatorLanguage, translatedVersion, translationFor } from '../../db/queries/sheet-translations';
import { getVersion } from '../../db/queries/sheets';
import { actor, type ClientModeState, type Context, today } from '../context';
import { conflict, found, invalidInput } from '../rpc/app-error';
import { checkScoringVersion } from './checks';
import { rightPin } from './lock';

/** The mode's state; `clientId` names the client in the audit log of the calls that answer with it. */
function status(ctx: Context): Output<'clientmode.status'> {
  const state = ctx.clientMode.state;
  return { active: state !== null, hasPin: ctx.settings.get('pinHash') !== null, clientId: state?.clientId ?? null };
}

function setState(ctx: Context, state: ClientModeState | null): void {
  const was = ctx.clientMode.state !== null;
  ctx.clientMode.state = state;
  if (was !== (state !== null)) ctx.emit('clientmode.changed', { active: state !== null });
}

function current(ctx: Context): ClientModeState {
  const state = ctx.clientMode.state;
  if (!state) throw conflict('Client mode is off', { reason: 'client_mode' });
  return state;
}

/** The client's answers as a self-score of today on the mode's version; the scoring's id. */
async function saveAnswers(
  ctx: Context,
  state: ClientModeState,
  answers: ReadonlyArray<{ indicatorId: string; value: number | null }>,
): Promise<string> {
  const version = await checkScoringVersion(ctx.db, state.versionId);
  if (new Set(answers.map((a) => a.indicatorId)).size !== answers.length)
    throw invalidInput({ field: 'scores', rule: 'invalid' });
  const scores = answers.map((score, i) => {
    const indicator = version.indicators.find((ind) => ind.id === score.indicatorId);
    if (!indicator) throw invalidInput({ field: `scores.${i}.indicatorId`, rule: 'unavailable' });
    if (score.value !== null && (score.value < indicator.scaleMin || score.value > indicator.scaleMax))
      throw invalidInput({ field: `scores.${i}.value`, rule: 'out_of_scale', limit: indicator.scaleMax });
    return { indicatorId: indicator.id, indicatorKey: indicator.key, value: score.value, comment: null };
  });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const client = found(await getClient(trx, state.clientId), 'Client');
    return insertScoring(
      trx,
      {
        clientId: client.id,
        versionId: version.id,
        date: today(ctx),
        scoredBy: 'client',
        organisation: null,
        caseworkerId: client.caseworkerId,
        scores,
      },
      ctx.now().toISOString(),
      actor(ctx),
    );
  });
  return id;
}

/** Client mode (issue 19, Must have 1): one client, one sheet, nothing else until the caseworker leaves. */
export const clientModeHandlers = {
  async 'clientmode.start'(ctx, input) {
    // On already: the screen is the client's, and only the caseworker's leaving ends it.
    if (ctx.clientMode.state) throw conflict('Client mode is on', { reason: 'client_mode' });
    found(await getClient(ctx.db, input.clientId), 'Client');
    await checkScoringVersion(ctx.db, input.versionId);
    setState(ctx, { ...input, savedScoringId: null, saving: false });
    return status(ctx);
  },

  async 'clientmode.status'(ctx) {
    return status(ctx);
  },

  async 'clientmode.sheet'(ctx) {
    const state = current(ctx);
    const client = found(await getClient(ctx.db, state.clientId), 'Client');
    const version = found(await getVersion(ctx.db, state.versionId), 'Sheet version');
    const translation = client.language ? await translationFor(ctx.db, version.id, client.language) : undefined;
    const read = translatedVersion(version, translation);
    const previous = state.showPrevious ? await previousValues(ctx.db, client.id, 'client') : {};
    return {
      clientId: client.id,
      firstName: client.firstName,
      sheetName: version.sheetName,
      clientLanguage: client.language,
      textLanguage: translation?.language ?? null,
      direction: translation ? textDirection(translation.language) : 'ltr',
      indicators: read.indicators.map((indicator) => ({
        id: indicator.id,
        name: indicator.name,
        description: indicator.description,
        levels: indicator.levels,
        previous: previous[indicator.key]?.value ?? null,
        ...indicatorLanguage(translation, indicator.key),
      })),
      saved: state.savedScoringId !== null,
    };
  },

  async 'clientmode.save'(ctx, input) {
    const state = current(ctx);
    // Marked before the first wait: a second Enter while the first is being saved is refused, not saved twice.
    if (state.savedScoringId || state.saving) throw conflict('Saved already', { reason: 'client_mode_saved' });
    state.saving = true;
    try {
      state.savedScoringId = await saveAnswers(ctx, state, input.scores);
    } finally {
      state.saving = false;
    }
    // Still on (the end screen shows): its answer names the client for the audit log.
    return status(ctx);
  },

  async 'clientmode.leave'(ctx, input) {
    if (!ctx.clientMode.state) return status(ctx);
    const stored = ctx.settings.get('pinHash');
    if (stored !== null) await rightPin(ctx, input.pin ?? '', stored, 'pin');
    else if ((input.confirm ?? '').trim().toUpperCase() !== LEAVE_WORD)
      throw invalidInput({ field: 'confirm', rule: 'invalid' });
    setState(ctx, null);
    return status(ctx);
  },
} satisfies DomainHandlers<Context, 'clientmode'>;
