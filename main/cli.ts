import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_LINE_LOCK_WAIT } from '../db/lock-wait';
import { cliTexts } from '../common/i18n/cli';
import { common } from '../common/i18n/common';
import { fill, plural } from '../common/i18n/fill';
import type { Envelope, FieldIssue, Method, Output, RpcError } from '../common/contract';
import { type Language, languageFromLocales } from '../common/languages';
import type { Desktop } from './desktop';
import { COMMAND_LINE_SIGN_IN_FILE_NAME, openKoers } from './open-koers';
import { COMMAND_LINE_CIPHER } from './sync/secrets';
import { SyncError } from './sync/transport';
import { createFileLog } from './log';
import { createFileSettings } from './settings';

/**
 * Koers on the command line, for IT staff and scheduled quarterly exports: the same
 * handlers as the app, with the file dialogs answered by the arguments.
 *
 *   npm run koers -- import-caseload --db FILE --input FILE [--mapping auto|FILE] [--sheet NAME] [--create-missing]
 *   npm run koers -- export-scores --db FILE --out FILE.xlsx|FILE.csv [--format long|wide] [--sheet NAME] [--pseudonymize]
 *   npm run koers -- export-caseload --db FILE --out FILE.xlsx|FILE.csv [--status active|closed|all] [--pseudonymize]
 *   npm run koers -- sign-in --db FILE      (a team's copy: sign in for the command line, once)
 *   npm run koers -- sync --db FILE         (one push and pull with that sign-in, e.g. before a scripted export)
 *   npm run koers -- sign-out --db FILE
 *
 * Exit codes: 0 done, 1 the data or file was refused (nothing changed), 2 wrong use.
 */

const COMMANDS = `  npm run koers -- import-caseload --db FILE --input FILE [--mapping auto|FILE] [--sheet NAME] [--create-missing]
  npm run koers -- export-scores   --db FILE --out FILE.xlsx|FILE.csv [--format long|wide] [--sheet NAME] [--pseudonymize]
  npm run koers -- export-caseload --db FILE --out FILE.xlsx|FILE.csv [--status active|closed|all] [--pseudonymize]
  npm run koers -- sign-in  --db FILE
  npm run koers -- sync     --db FILE
  npm run koers -- sign-out --db FILE`;

const COMMAND_NAMES = ['import-caseload', 'export-scores', 'export-caseload', 'sign-in', 'sync', 'sign-out'];

const usage = (language: Language) => `${cliTexts[language].usage}\n${COMMANDS}\n${cliTexts[language].options}`;

/** --lang, else the environment's LANG. */
const cliLanguage = (lang: string | undefined) => languageFromLocales([lang ?? process.env.LANG ?? 'en']);

class UsageError extends Error {
  constructor(
    message: string,
    readonly language: Language,
  ) {
    super(message);
  }
}

function explain(language: Language, error: RpcError): string {
  const messages = common[language].errors;
  const fields: Record<string, string> = common[language].fields;
  if (error.code === 'validation') {
    return (error.details?.issues ?? [])
      .map((issue: FieldIssue) =>
        fill(messages.rule[issue.rule], { field: fields[issue.field] ?? issue.field, limit: issue.limit ?? '' }),
      )
      .join('\n');
  }
  if (error.code === 'conflict' && error.details?.reason === 'import_errors')
    return plural(messages.conflict, 'import_errors', error.details.count ?? 0);
  // A refused sign-in (cancelled, timed out, not a member…) and the like say why in the user's words.
  const conflicts: Record<string, string> = messages.conflict;
  const reason = error.code === 'conflict' ? error.details?.reason : undefined;
  if (reason && conflicts[reason]) return conflicts[reason];
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
  const language = cliLanguage(values.lang);
  const t = cliTexts[language];
  // Typed out, so that TypeScript knows the code after a failed check does not run.
  const fail: (message: string) => never = (message) => {
    throw new UsageError(message, language);
  };
  if (!command || !COMMAND_NAMES.includes(command)) fail(fill(t.unknownCommand, { command: command ?? t.noCommand }));
  if (!values.db) fail(t.dbRequired);
  const databasePath = resolve(values.db);
  if (!existsSync(databasePath)) fail(fill(t.noDatabase, { path: databasePath }));

  const input = values.input ? resolve(values.input) : null;
  const out = values.out ? resolve(values.out) : null;
  const desktop: Desktop = {
    chooseOpenFile: async () => input,
    chooseFolder: async () => null,
    openFolder: async () => undefined,
    chooseSaveFile: async () => out,
    printToPdf: async () => fail(t.pdfInApp),
    print: async () => false,
    displays: () => [],
    openPresentation: async () => fail(t.presentInApp),
    closePresentation: () => undefined,
    // No system browser to open from here: the address is shown, and Koers waits for the answer.
    openBrowser: async (url) => console.log(fill(t.signInOpen, { url })),
    // The app's sign-in is encrypted with the OS keychain through Electron, which the command line
    // has not: it keeps a sign-in of its own, in a file of its own (see COMMAND_LINE_CIPHER).
    secretCipher: COMMAND_LINE_CIPHER,
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
    signInFileName: COMMAND_LINE_SIGN_IN_FILE_NAME,
  });
  const call = async <M extends Method>(method: M, payload: unknown): Promise<Output<M>> => {
    const envelope = (await koers.dispatch(method, payload)) as Envelope<Output<M>>;
    if (!envelope.ok) throw envelope.error;
    return envelope.value;
  };

  try {
    if (command === 'sign-in' || command === 'sync' || command === 'sign-out') {
      const status = await call('sync.status', {});
      if (!status.team) {
        console.error(t.notATeam);
        return 1;
      }
      if (command === 'sign-out') {
        await call('sync.signOut', {});
        console.log(t.signedOut);
        return 0;
      }
      if (command === 'sign-in') {
        await call('sync.signIn', {});
        const path = join(dirname(databasePath), COMMAND_LINE_SIGN_IN_FILE_NAME);
        console.log(fill(t.signedIn, { team: status.team.teamName, path }));
        return 0;
      }
      if (!status.signedIn) {
        console.error(t.signInFirst);
        return 1;
      }
      try {
        const result = await koers.context.team.syncOnce();
        console.log(fill(t.synced, { team: status.team.teamName, pushed: result.pushed, pulled: result.pulled }));
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
        console.error(t.problem[error.problem]);
        return 1;
      }
      const notices = (await call('sync.status', {})).notices;
      if (notices > 0) console.log(plural(t, 'notices', notices));
      return 0;
    }
    if (command === 'import-caseload') {
      if (!input) fail(t.inputRequired);
      const file = await call('imports.open', { kind: 'caseload' });
      if (!file) return 1;
      const worksheet = values.sheet
        ? file.worksheets.find((w) => w.name === values.sheet)
        : file.worksheets.find((w) => w.rows > 0);
      if (!worksheet)
        fail(
          values.sheet
            ? fill(t.noSuchWorksheet, { name: values.sheet, names: file.worksheets.map((w) => w.name).join(', ') })
            : t.noRows,
        );
      let mapping: Record<string, number> | undefined;
      if (values.mapping !== 'auto') {
        // A mapping file: {"reference": "Klantnummer", "fullName": 1, …} by header name or column number.
        const given = JSON.parse(readFileSync(resolve(values.mapping), 'utf8')) as Record<string, string | number>;
        mapping = Object.fromEntries(
          Object.entries(given).map(([field, column]) => {
            const index = typeof column === 'number' ? column : worksheet.headers.indexOf(column);
            if (index < 0) fail(fill(t.noSuchColumn, { column }));
            return [field, index];
          }),
        );
      }
      const options = {
        token: file.token,
        worksheet: worksheet.name,
        createTargetGroups: values['create-missing'],
        createStages: values['create-missing'],
        createCaseworkers: values['create-missing'],
      };
      const preview = await call('imports.caseloadPreview', { ...options, ...(mapping ? { mapping } : {}) });
      console.log(
        plural(t, 'preview', worksheet.rows, {
          file: basename(input),
          worksheet: worksheet.name,
          columns: Object.entries(preview.mapping)
            .map(([field, i]) => `${field}=${preview.headers[i] ?? i}`)
            .join(', '),
        }),
      );
      if (preview.counts.error > 0) {
        for (const row of preview.rows.filter((r) => r.action === 'error').slice(0, 20)) {
          const issues = row.issues.map(
            (i) =>
              explain(language, { code: 'validation', message: '', details: { issues: [i] } }) +
              (i.value ? ` [${i.value}]` : ''),
          );
          console.error(fill(t.rowError, { line: row.line, label: row.label, issues: issues.join(' ') }));
        }
        const unknown = preview.unknown;
        if (unknown.targetGroups.length + unknown.stages.length + unknown.caseworkers.length > 0)
          console.error(t.createMissing);
        throw {
          code: 'conflict',
          message: '',
          details: { reason: 'import_errors', count: preview.counts.error },
        } satisfies RpcError;
      }
      const report = await call('imports.caseloadRun', { ...options, mapping: preview.mapping });
      console.log(
        fill(t.imported, {
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          skipped: report.skipped.length,
        }),
      );
      if (report.createdTargetGroups.length + report.createdStages.length + report.createdCaseworkers.length > 0)
        console.log(
          fill(t.createdItems, {
            targetGroups: report.createdTargetGroups.join(', ') || '-',
            stages: report.createdStages.join(', ') || '-',
            caseworkers: report.createdCaseworkers.join(', ') || '-',
          }),
        );
      if (report.todosAdded + report.remarksAdded > 0)
        console.log(fill(t.added, { todos: report.todosAdded, remarks: report.remarksAdded }));
      return 0;
    }

    if (!out) fail(t.outRequired);
    const fileType = out.toLowerCase().endsWith('.csv')
      ? 'csv'
      : out.toLowerCase().endsWith('.xlsx')
        ? 'xlsx'
        : fail(t.outType);
    if (command === 'export-scores') {
      if (values.format !== 'long' && values.format !== 'wide') fail(t.formatValues);
      let sheetId: string | undefined;
      if (values.sheet) {
        const sheet = (await call('sheets.list', {})).find((s) => s.name === values.sheet);
        if (!sheet) fail(fill(t.noSuchSheet, { name: values.sheet }));
        sheetId = sheet.id;
      }
      const result = await call('exports.scores', {
        format: values.format,
        fileType,
        pseudonymised: values.pseudonymize,
        ...(sheetId ? { sheetId } : {}),
      });
      const written = plural(t, values.format === 'long' ? 'scoresWritten' : 'scoringsWritten', result.rows, {
        path: result.path ?? '',
      });
      console.log(values.pseudonymize ? `${written} ${t.pseudonymised}` : written);
      return 0;
    }
    if (values.status !== 'active' && values.status !== 'closed' && values.status !== 'all') fail(t.statusValues);
    const result = await call('exports.caseload', {
      fileType,
      status: values.status,
      pseudonymised: values.pseudonymize,
    });
    const written = plural(t, 'clientsWritten', result.rows, { path: result.path ?? '' });
    console.log(values.pseudonymize ? `${written} ${t.pseudonymised}` : written);
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
      const language = error instanceof UsageError ? error.language : cliLanguage(undefined);
      console.error(`${error.message}\n\n${usage(language)}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
