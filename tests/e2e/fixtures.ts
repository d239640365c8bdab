import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Envelope, Method } from '../../common/contract';
import type { Display } from '../../common/contract/presentation';
import type { Desktop } from '../../main/desktop';
import { wireApp } from '../helpers/browser-app';
import { fakeCipher, LAPTOP, PROJECTOR } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { tempFolder } from '../helpers/temp';
import { serveFolder } from './static-server';

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');

/** Laptops and projectors: the screens every screenshot tour is taken at. */
export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** No WCAG 2.1 AA violations axe can find on the page as it is. */
export async function noViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Main's events to every page of a browser context, as the preload passes them to the window. */
export function emitToPages(context: BrowserContext): (event: string, payload: unknown) => void {
  return (event, payload) => {
    for (const p of context.pages())
      void p
        .evaluate(
          ([e, pl]) => (window as unknown as { __koersEmit(e: unknown, p: unknown): void }).__koersEmit(e, pl),
          [event, payload] as const,
        )
        .catch(() => {});
  };
}

export interface AppHarness {
  page: Page;
  koers: TestKoers;
  url: string;
  /** Where "save" dialogs save: each file under the name Koers suggested. */
  savedFolder: string;
  /** The presentation window on another display, while one is open. */
  room(): Page | undefined;
  /** The "system browser" tab Koers opened last (the team's sign-in page). */
  browserTab(): Page | undefined;
  /** The file the next "open" dialog answers with (null: the user cancels). */
  willOpen(path: string | null): void;
  /** Quits and starts again: database closed and reopened, a new window on the same data. */
  restart(): Promise<Page>;
  /**
   * From now on the page's calls of `method` get `envelope` instead of what Koers
   * answers (a failure, or a value of the wrong shape); null: Koers answers again.
   */
  answer(method: Method, envelope: Envelope<unknown> | null): void;
  /** How many times the page has called `method` since the test started. */
  calls(method: Method): number;
  /** The page's calls of `method` wait (Koers has not answered yet) until the returned function is called. */
  hold(method: Method): () => void;
}

export interface AppOptions {
  osLocales: string[];
  /** A projector is connected besides the laptop's own screen. */
  secondDisplay: boolean;
}

/**
 * The desktop of the app in Chromium: the save dialog answers with a file in a test
 * folder, a PDF is printed by Chromium from a page at the report route (as Electron's
 * hidden window does), and the presentation window is another page.
 */
function browserDesktop(
  context: BrowserContext,
  url: string,
  savedFolder: string,
  displays: Display[],
): Desktop & { room(): Page | undefined; willOpen(path: string | null): void; browserTab(): Page | undefined } {
  let room: Page | undefined;
  let browserTab: Page | undefined;
  let nextOpen: string | null = null;
  return {
    async chooseOpenFile() {
      return nextOpen;
    },
    async chooseFolder() {
      return join(savedFolder, 'backups-elsewhere');
    },
    async openFolder() {},
    willOpen(path) {
      nextOpen = path;
    },
    async chooseSaveFile({ defaultName }) {
      mkdirSync(savedFolder, { recursive: true });
      return join(savedFolder, defaultName);
    },
    async printToPdf(route) {
      const page = await context.newPage();
      try {
        await page.goto(`${url}#/${route}`);
        await page.waitForSelector('html[data-ready]');
        if ((await page.locator('html').getAttribute('data-ready')) !== 'true')
          throw new Error('The report page could not load its data');
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
    },
    // Headless Chromium has no print dialog: the page is printed as asked (tests emulate print media to look at it).
    async print() {
      return true;
    },
    displays: () => displays,
    async openPresentation(_displayId, onClosed) {
      const page = await context.newPage();
      room = page;
      page.on('close', () => {
        if (room === page) room = undefined;
        onClosed();
      });
      await page.goto(`${url}#/present`);
    },
    closePresentation() {
      void room?.close();
    },
    room: () => room,
    // The system browser is another tab: the test signs in on the provider's own page there.
    async openBrowser(url) {
      browserTab = await context.newPage();
      await browserTab.goto(url);
    },
    browserTab: () => browserTab,
    secretCipher: fakeCipher(),
  };
}

export const test = base.extend<{ app: AppHarness } & AppOptions, { server: { url: string } }>({
  osLocales: [['nl-NL'], { option: true }],
  secondDisplay: [false, { option: true }],
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
    async ({}, use) => {
      const server = await serveFolder(rendererDir);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ context, page, server, osLocales, secondDisplay }, use) => {
    const temp = tempFolder('koers-e2e-');
    const savedFolder = join(temp.path, 'saved');
    const desktop = browserDesktop(context, server.url, savedFolder, secondDisplay ? [LAPTOP, PROJECTOR] : [LAPTOP]);
    const open = async () => {
      const koers = await openTestKoers({
        folder: temp.path,
        osLocales,
        desktop,
        onEmit: emitToPages(context),
      });
      // As the app does: a laptop that is a team's copy synchronises in the background.
      await koers.context.team.start();
      return koers;
    };
    const answers = new Map<string, Envelope<unknown>>();
    const calls = new Map<string, number>();
    const held = new Map<string, Promise<void>>();
    const harness: AppHarness = {
      page,
      koers: await open(),
      url: server.url,
      savedFolder,
      room: desktop.room,
      browserTab: desktop.browserTab,
      willOpen: desktop.willOpen,
      async restart() {
        await harness.page.close();
        await harness.koers.close();
        harness.koers = await open();
        harness.page = await context.newPage();
        await harness.page.goto(server.url);
        return harness.page;
      },
      answer(method, envelope) {
        if (envelope) answers.set(method, envelope);
        else answers.delete(method);
      },
      calls: (method) => calls.get(method) ?? 0,
      hold(method) {
        let release = () => {};
        held.set(method, new Promise<void>((resolve) => (release = resolve)));
        return () => {
          held.delete(method);
          release();
        };
      },
    };
    await wireApp(context, () => ({
      dispatch: async (method, input) => {
        calls.set(method, (calls.get(method) ?? 0) + 1);
        await held.get(method);
        return answers.get(method) ?? harness.koers.dispatch(method, input);
      },
    }));
    await page.goto(server.url);
    await use(harness);
    await harness.koers.close();
    temp.cleanup();
  },
});

export { expect } from '@playwright/test';
