import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listCaseload } from '../../../db/queries/clients';
import { type Koers, openKoers } from '../../../main/open-koers';
import { createFileLog } from '../../../main/log';
import { createFileSettings } from '../../../main/settings';
import { wireApp } from '../../helpers/browser-app';
import { fakeDesktop } from '../../helpers/fake-desktop';
import { tempFolder } from '../../helpers/temp';
import { serveFolder } from '../../e2e/static-server';
import { BENCH_TODAY, dataset } from '../datasets';
import { defineScenario } from '../scenario';
import { chartDatabase } from './charts';

/**
 * The renderer in Debian's Chromium, wired to the real handlers as in the end-to-end
 * tests, timed inside the page: `performance.mark` in the renderer (caseload rows on
 * screen, chart drawn) against a mark set just before the user's action.
 */
interface UiState {
  temp: ReturnType<typeof tempFolder>;
  koers: Koers;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  url: string;
  close(): Promise<void>;
  clientId?: string;
  n: number;
}

function chromiumPath(): string {
  return (
    process.env.CHROMIUM_PATH ??
    execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim()
  );
}

/** Koers on a copy of `databasePath`, working as `caseworkerId`, and a Chromium page on it. */
async function openUi(databasePath: string, caseworkerId: string): Promise<UiState> {
  const temp = tempFolder('koers-bench-ui-');
  const path = join(temp.path, 'koers.sqlite');
  copyFileSync(databasePath, path);
  const settings = createFileSettings(temp.path);
  settings.set('language', 'nl');
  settings.set('currentCaseworkerId', caseworkerId);
  const koers = await openKoers({
    databasePath: path,
    settings,
    osLocales: ['nl-NL'],
    appVersion: 'bench',
    now: () => new Date(`${BENCH_TODAY}T09:00:00Z`),
    emit: () => {},
    desktop: fakeDesktop(),
    log: createFileLog(join(temp.path, 'logs')),
    onInternalError: (m, e) => console.error(m, e),
  });
  const server = await serveFolder(resolve(import.meta.dirname, '../../../out/renderer'));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await wireApp(context, () => koers);
  const page = await context.newPage();
  return {
    temp,
    koers,
    browser,
    context,
    page,
    url: server.url,
    n: 0,
    async close() {
      await browser.close();
      await server.close();
      await koers.close();
      temp.cleanup();
    },
  };
}

/**
 * Milliseconds from the mark `from` to the first `to` mark after it; for the caseload, the
 * first with exactly `rows` rows (a table still showing the rows before is not done).
 */
async function between(page: Page, from: string, to: string, rows: number | null = null): Promise<number> {
  const handle = await page.waitForFunction(
    ([start, end, count]) => {
      const begin = performance.getEntriesByName(start, 'mark').at(-1);
      if (!begin) return null;
      const done = performance
        .getEntriesByName(end, 'mark')
        .find((m) => m.startTime >= begin.startTime && (count === null || (m as PerformanceMark).detail === count));
      return done ? done.startTime - begin.startTime : null;
    },
    [from, to, rows] as const,
    { timeout: 30_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

async function caseloadUi(): Promise<UiState & { caseworkerId: string }> {
  const data = await dataset('M');
  const state = await openUi(data.path, data.caseworkerId);
  // The whole M caseload on one caseworker: a caseload of about 2,000 rows.
  await state.koers.connection.db.updateTable('client').set({ caseworker_id: data.caseworkerId }).execute();
  return { ...state, caseworkerId: data.caseworkerId };
}

const KEYS = ['j', 'a', 'n', 's'];

export default [
  /** First render of a caseload of ~2,000 rows: from navigation start to the rows on screen. */
  defineScenario<UiState>({
    name: 'ui.caseload.first-render',
    runs: 10,
    warmup: 2,
    selfTimed: true,
    setup: caseloadUi,
    async run(state) {
      // A fresh document each run: a new query string is a full navigation (a new hash would not be).
      await state.page.goto(`${state.url}?run=${state.n++}#/`);
      // From the page's own start (navigation, boot, app.info, clients.list) to the rows painted.
      const handle = await state.page.waitForFunction(
        () =>
          performance
            .getEntriesByName('koers:caseload-rendered', 'mark')
            .find((m) => ((m as PerformanceMark).detail as number) >= 1000)?.startTime ?? null,
        undefined,
        { timeout: 30_000, polling: 50 },
      );
      return (await handle.jsonValue()) as number;
    },
    teardown: (state) => state.close(),
  }),
  /**
   * One keystroke in the caseload search, until the table shows the matching rows. Each
   * run empties the box and waits for the whole caseload to be back on screen first, so
   * the clock stops at the keystroke's own rows, not at the emptied box's rows arriving
   * after the keystroke.
   */
  defineScenario<UiState & { rows: Map<string, number> }>({
    name: 'ui.caseload.search-keystroke',
    runs: 20,
    warmup: 3,
    selfTimed: true,
    async setup() {
      const state = await caseloadUi();
      // How many rows the table shows for the empty box and for each keystroke.
      const rows = new Map<string, number>();
      for (const search of ['', ...KEYS]) {
        const filter = { caseworkerId: state.caseworkerId, status: 'active', search, today: BENCH_TODAY } as const;
        rows.set(search, (await listCaseload(state.koers.connection.db, filter)).length);
      }
      await state.page.goto(state.url);
      await state.page.waitForFunction(
        (all) =>
          performance
            .getEntriesByName('koers:caseload-rendered', 'mark')
            .some((m) => (m as PerformanceMark).detail === all),
        rows.get(''),
      );
      return { ...state, rows };
    },
    async run(state, round) {
      const box = state.page.getByRole('searchbox').first();
      if (await box.inputValue()) {
        await state.page.evaluate(() => performance.mark('koers:clear'));
        await box.fill('');
        await between(state.page, 'koers:clear', 'koers:caseload-rendered', state.rows.get('')!);
      }
      await state.page.waitForTimeout(50);
      const key = KEYS[round % KEYS.length]!;
      await state.page.evaluate(() => performance.mark('koers:key'));
      await box.press(key);
      return between(state.page, 'koers:key', 'koers:caseload-rendered', state.rows.get(key)!);
    },
    teardown: (state) => state.close(),
  }),
  /** The progression chart with 12 indicators × 60 scorings: from opening the client to the chart drawn. */
  defineScenario<UiState>({
    name: 'ui.chart.render',
    runs: 10,
    warmup: 2,
    selfTimed: true,
    async setup() {
      const data = await chartDatabase();
      const raw = new BetterSqlite3(data.path, { readonly: true });
      const me = raw.prepare('SELECT id FROM caseworker LIMIT 1').get() as { id: string };
      raw.close();
      const state = await openUi(data.path, me.id);
      data.temp.cleanup();
      await state.page.goto(`${state.url}#/my-day`);
      return { ...state, clientId: data.clientId };
    },
    async run(state) {
      await state.page.goto(`${state.url}#/my-day`);
      await state.page.evaluate(() => performance.mark('koers:open-client'));
      await state.page.evaluate((id) => (window.location.hash = `#/clients/${id}`), state.clientId ?? '');
      return between(state.page, 'koers:open-client', 'koers:chart-rendered');
    },
    teardown: (state) => state.close(),
  }),
];
