import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_LINE_LOCK_WAIT } from '../db/lock-wait';
import { common } from '../common/i18n/common';
import type { Envelope, FieldIssue, Method, Output, RpcError } from '../common/contract';
import { type Language, languageFromLocales } from '../common/languages';
import type { Desktop } from './desktop';
import { openKoers } from './open-koers';
import { createFileLog } from './log';
import { createFileSettings } from './settings';

/**
 * Koers on the command line, for IT staff and scheduled quarterly exports: the same
 * handlers as the app, with the file dialogs answered by the arguments.
 *
 *   npm run koers -- import-caseload --db FILE --input FILE [--mapping auto|FILE] [--sheet NAME] [--create-missing]
 *   npm run koers -- export-scores --db FILE --out FILE.xlsx|FILE.csv [--format long|wide] [--sheet NAME] [--pseudonymize]
 *   npm run koers -- export-caseload --db FILE --out FILE.xlsx|FILE.csv [--status active|closed|all] [--pseudonymize]
 *
 * Exit codes: 0 done, 1 the data or file was refused (nothing changed), 2 wrong use.
 */

const USAGE = `Usage:
  npm run koers -- import-caseload --db FILE --input FILE [--mapping auto|FILE] [--sheet NAME] [--create-missing]
  npm run koers -- export-scores   --db FILE --out FILE.xlsx|FILE.csv [--format long|wide] [--sheet NAME] [--pseudonymize]
  npm run koers -- export-caseload --db FILE --out FILE.xlsx|FILE.csv [--status active|closed|all] [--pseudonymize]
Options: --lang nl|da|en (messages and CSV profile; default from LANG)`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function explain(language: Language, error: RpcError): string {
  const messages = common[language].errors;
  const fields: Record<string, string> = common[language].fields;
  if (error.code === 'validation') {
    return (error.details?.issues ?? [])
      .map((issue: FieldIssue) =>
        messages.rule[issue.rule]
          .replace('{{field}}', fields[issue.field] ?? issue.field)
          .replace('{{limit}}', String(issue.limit ?? '')),
      )
      .join('\n');
  }
  if (error.code === 'conflict' && error.details?.reason === 'import_errors') {
    const count = error.details.count ?? 0;
    return (count === 1 ? messages.conflict.import_errors_one : messages.conflict.import_errors_other).replace(
      '{{count}}',
      String(count),
    );
  }
  if (error.code === 'not_found') return messages.not_found;
  if (error.code === 'busy' || error.code === 'disk_full' || error.code === 'read_only') return messages[error.code];
  return messages.internal;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      input: { type: 'string' },
      out: { type: 'string' },
      mapping: { type: 'string', default: 'auto' },
      sheet: { type: 'string' },
      format: { type: 'string', default: 'long' },
      status: { type: 'string', default: 'active' },
      pseudonymize: { type: 'boolean', default: false },
      'create-missing': { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
    strict: true,
  });
  if (!command || !['import-caseload', 'export-scores', 'export-caseload'].includes(command))
    fail(`Unknown command ${command ?? '(none)'}.`);
  if (!values.db) fail('--db FILE is required.');
  const databasePath = resolve(values.db);
  if (!existsSync(databasePath)) fail(`There is no Koers database at ${databasePath}.`);
  const language = languageFromLocales(values.lang ? [values.lang] : [process.env.LANG ?? 'en']);

  const input = values.input ? resolve(values.input) : null;
  const out = values.out ? resolve(values.out) : null;
  const desktop: Desktop = {
    chooseOpenFile: async () => input,
    chooseFolder: async () => null,
    openFolder: async () => undefined,
    chooseSaveFile: async () => out,
    printToPdf: async () => fail('PDF reports are made in the app.'),
    displays: () => [],
    openPresentation: async () => fail('Presenting is done in the app.'),
    closePresentation: () => undefined,
  };
  // The CLI keeps no settings of its own: a throwaway folder for the language.
  const settingsFolder = mkdtempSync(join(tmpdir(), 'koers-cli-'));
  const settings = createFileSettings(settingsFolder);
  settings.set('language', language);
  const koers = await openKoers({
    databasePath,
    log: createFileLog(join(settingsFolder, 'logs')),
    settings,
    osLocales: [language],
    appVersion: 'cli',
    now: () => new Date(),
    emit: () => undefined,
    desktop,
    onInternalError: (method, error) => console.error(`[${method}]`, error),
    // No window to keep responsive: wait inside SQLite while the app writes.
    lockWait: COMMAND_LINE_LOCK_WAIT,
  });
  const call = async <M extends Method>(method: M, payload: unknown): Promise<Output<M>> => {
    const envelope = (await koers.dispatch(method, payload)) as Envelope<Output<M>>;
    if (!envelope.ok) throw envelope.error;
    return envelope.value;
  };

  try {
    if (command === 'import-caseload') {
      if (!input) fail('--input FILE is required.');
      const file = await call('imports.open', { kind: 'caseload' });
      if (!file) return 1;
      const worksheet = values.sheet
        ? file.worksheets.find((w) => w.name === values.sheet)
        : file.worksheets.find((w) => w.rows > 0);
      if (!worksheet)
        fail(
          values.sheet
            ? `The file has no worksheet "${values.sheet}". It has: ${file.worksheets.map((w) => w.name).join(', ')}.`
            : 'The file has no worksheet with rows.',
        );
      let mapping: Record<string, number> | undefined;
      if (values.mapping !== 'auto') {
        // A mapping file: {"reference": "Klantnummer", "fullName": 1, …} by header name or column number.
        const given = JSON.parse(readFileSync(resolve(values.mapping), 'utf8')) as Record<string, string | number>;
        mapping = Object.fromEntries(
          Object.entries(given).map(([field, column]) => {
            const index = typeof column === 'number' ? column : worksheet.headers.indexOf(column);
            if (index < 0) fail(`Mapping: the file has no column "${String(column)}".`);
            return [field, index];
          }),
        );
      }
      const options = {
        token: file.token,
        worksheet: worksheet.name,
        createTargetGroups: values['create-missing'],
        createStages: values['create-missing'],
      };
      const preview = await call('imports.caseloadPreview', { ...options, ...(mapping ? { mapping } : {}) });
      console.log(
        `${basename(input)} › ${worksheet.name}: ${worksheet.rows} rows; columns ${Object.entries(preview.mapping)
          .map(([field, i]) => `${field}=${preview.headers[i] ?? i}`)
          .join(', ')}`,
      );
      if (preview.counts.error > 0) {
        for (const row of preview.rows.filter((r) => r.action === 'error').slice(0, 20)) {
          console.error(
            `row ${row.line} (${row.label}): ${row.issues.map((i) => explain(language, { code: 'validation', message: '', details: { issues: [i] } }) + (i.value ? ` [${i.value}]` : '')).join(' ')}`,
          );
        }
        if (preview.unknown.targetGroups.length + preview.unknown.stages.length > 0)
          console.error('Unknown target groups or stages can be created with --create-missing.');
        throw {
          code: 'conflict',
          message: '',
          details: { reason: 'import_errors', count: preview.counts.error },
        } satisfies RpcError;
      }
      const report = await call('imports.caseloadRun', { ...options, mapping: preview.mapping });
      console.log(
        `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, skipped ${report.skipped.length} (empty rows)`,
      );
      if (report.createdTargetGroups.length + report.createdStages.length > 0)
        console.log(
          `new target groups: ${report.createdTargetGroups.join(', ') || '-'}; new stages: ${report.createdStages.join(', ') || '-'}`,
        );
      return 0;
    }

    if (!out) fail('--out FILE.xlsx or FILE.csv is required.');
    const fileType = out.toLowerCase().endsWith('.csv')
      ? 'csv'
      : out.toLowerCase().endsWith('.xlsx')
        ? 'xlsx'
        : fail('--out must end in .xlsx or .csv.');
    if (command === 'export-scores') {
      if (values.format !== 'long' && values.format !== 'wide') fail('--format is long or wide.');
      let sheetId: string | undefined;
      if (values.sheet) {
        const sheet = (await call('sheets.list', {})).find((s) => s.name === values.sheet);
        if (!sheet) fail(`There is no scoring sheet "${values.sheet}".`);
        sheetId = sheet.id;
      }
      const result = await call('exports.scores', {
        format: values.format,
        fileType,
        pseudonymised: values.pseudonymize,
        ...(sheetId ? { sheetId } : {}),
      });
      console.log(
        `${result.rows} ${values.format === 'long' ? 'scores' : 'scorings'} written to ${result.path}${values.pseudonymize ? ' (pseudonymised)' : ''}`,
      );
      return 0;
    }
    if (values.status !== 'active' && values.status !== 'closed' && values.status !== 'all')
      fail('--status is active, closed or all.');
    const result = await call('exports.caseload', {
      fileType,
      status: values.status,
      pseudonymised: values.pseudonymize,
    });
    console.log(`${result.rows} clients written to ${result.path}${values.pseudonymize ? ' (pseudonymised)' : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (typeof error === 'object' && error !== null && 'code' in error) {
      console.error(explain(language, error as RpcError));
      return 1;
    }
    throw error;
  } finally {
    await koers.close();
    rmSync(settingsFolder, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof Error &&
        'code' in error &&
        String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
