import type { DomainHandlers } from '../../common/contract';
import { fileTexts } from '../../common/i18n/files';
import { type Context, language, today } from '../context';
import { writeFileAtomic } from '../files';
import { invalidInput } from '../rpc/app-error';
import { saveName } from '../save-name';
import { requireClient } from './checks';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** "Voortgang P-7KQ2 2026-11-23.png": the pseudonym unless names were chosen. */
function fileName(ctx: Context, word: string, who: string, extension: string) {
  return saveName(`${word} ${who} ${today(ctx)}`, extension);
}

async function subject(ctx: Context, clientId: string, pseudonymised: boolean): Promise<string> {
  const client = await requireClient(ctx.db, clientId);
  return pseudonymised ? client.pseudonym : `${client.firstName} ${client.lastName}`;
}

export const reportHandlers = {
  async 'reports.chartPng'(ctx, input) {
    const who = await subject(ctx, input.clientId, input.pseudonymised);
    const png = Buffer.from(input.png, 'base64');
    if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte)) throw invalidInput({ field: 'png', rule: 'invalid' });
    const files = fileTexts[language(ctx)];
    const path = await ctx.desktop.chooseSaveFile({
      defaultName: fileName(ctx, files.names.chart, who, 'png'),
      filters: [{ name: files.types.image, extensions: ['png'] }],
    });
    if (path) writeFileAtomic(path, png);
    return { path };
  },

  async 'reports.progressPdf'(ctx, input) {
    const who = await subject(ctx, input.clientId, input.pseudonymised);
    const files = fileTexts[language(ctx)];
    const path = await ctx.desktop.chooseSaveFile({
      defaultName: fileName(ctx, files.names.report, who, 'pdf'),
      filters: [{ name: files.types.pdf, extensions: ['pdf'] }],
    });
    if (!path) return { path };
    const pdf = await ctx.desktop.printToPdf(
      `report/${encodeURIComponent(input.clientId)}${input.pseudonymised ? '/pseudonymised' : ''}`,
    );
    writeFileAtomic(path, pdf);
    return { path };
  },
} satisfies DomainHandlers<Context, 'reports'>;
