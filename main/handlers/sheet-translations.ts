import type { DomainHandlers, FieldIssue } from '../../common/contract';
import { getVersion } from '../../db/queries/sheets';
import { listTranslations, removeTranslation, saveTranslation } from '../../db/queries/sheet-translations';
import { actor, type Context } from '../context';
import { conflict, found, invalidInput, notFound } from '../rpc/app-error';

/** Translations of sheet versions into the clients' languages (issue 19, Must have 2): the key persons'. */
export const sheetTranslationHandlers = {
  async 'sheets.translations'(ctx, input) {
    found(await getVersion(ctx.db, input.versionId), 'Sheet version');
    return listTranslations(ctx.db, input.versionId);
  },

  async 'sheets.saveTranslation'(ctx, input) {
    const language = input.language ?? '';
    const id = await ctx.db.transaction().execute(async (trx) => {
      const version = found(await getVersion(trx, input.versionId), 'Sheet version');
      if (!version.published) throw conflict('Translations are of published versions', { reason: 'not_published' });
      // Every text belongs to an indicator and level of this version; empty ones are left out.
      const issues: FieldIssue[] = [];
      const indicators = input.indicators.flatMap((texts, i) => {
        const indicator = version.indicators.find((ind) => ind.key === texts.key);
        if (!indicator) {
          issues.push({ field: `indicators.${i}.key`, rule: 'unavailable' });
          return [];
        }
        texts.levels.forEach((level, l) => {
          if (!indicator.levels.some((own) => own.value === level.value))
            issues.push({ field: `indicators.${i}.levels.${l}.value`, rule: 'out_of_scale' });
        });
        const levels = texts.levels.filter((l) => l.label !== null || l.description !== null);
        return texts.name === null && texts.description === null && levels.length === 0
          ? []
          : [{ key: texts.key, name: texts.name, description: texts.description, levels }];
      });
      if (issues.length > 0) throw invalidInput(...issues);
      return saveTranslation(trx, { versionId: version.id, language, indicators }, ctx.now().toISOString(), actor(ctx));
    });
    return found(
      (await listTranslations(ctx.db, input.versionId)).find((t) => t.id === id),
      'Sheet translation',
    );
  },

  async 'sheets.removeTranslation'(ctx, input) {
    if (!(await removeTranslation(ctx.db, input.id, ctx.now().toISOString(), actor(ctx))))
      throw notFound('Sheet translation');
    return { ok: true as const };
  },
} satisfies Pick<
  DomainHandlers<Context, 'sheets'>,
  'sheets.translations' | 'sheets.saveTranslation' | 'sheets.removeTranslation'
>;
