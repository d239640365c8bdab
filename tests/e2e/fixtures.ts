import { type BrowserContext, test as base, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RPC_CHANNEL } from '../../main/ipc-adapter';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { tempFolder } from '../helpers/temp';
import { serveFolder } from './static-server';

const root = resolve(import.meta.dirname, '../..');
const rendererDir = resolve(root, 'out/renderer');
const preloadBundle = resolve(root, 'out/preload/index.cjs');

/**
 * Runs the built preload bundle in the page, exactly as Electron would run it in a
 * sandbox: `require` offers only 'electron', whose ipcRenderer forwards to a page
 * binding that reaches the real dispatcher in this Node process.
 */
function preloadInitScript(): string {
  if (!existsSync(preloadBundle)) throw new Error('out/preload/index.cjs is missing: run `npm run build` first');
  return `(() => {
    const listeners = new Set();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api }) },
      ipcRenderer: {
        invoke: (channel, method, input) => window.__koersInvoke(channel, method, input),
        on: (channel, listener) => { listeners.add(listener); },
        removeListener: (channel, listener) => { listeners.delete(listener); },
      },
    };
    window.__koersEmit = (name, payload) => { for (const l of listeners) l({}, name, payload); };
    const sandboxRequire = (name) => {
      if (name === 'electron') return fakeElectron;
      throw new Error('A sandboxed preload cannot require ' + name);
    };
    const sandboxModule = { exports: {} };
    // Electron wraps a preload the same way: its own require, module and exports.
    (function (require, module, exports) {
      ${readFileSync(preloadBundle, 'utf8')}
    })(sandboxRequire, sandboxModule, sandboxModule.exports);
  })();`;
}

export interface AppHarness {
  page: Page;
  koers: TestKoers;
  url: string;
  /** Quits and starts again: database closed and reopened, a new window on the same data. */
  restart(): Promise<Page>;
}

export interface AppOptions {
  osLocales: string[];
}

export const test = base.extend<{ app: AppHarness } & AppOptions, { server: { url: string } }>({
  osLocales: [['nl-NL'], { option: true }],
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
    async ({}, use) => {
      const server = await serveFolder(rendererDir);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ context, page, server, osLocales }, use) => {
    const temp = tempFolder('koers-e2e-');
    const open = () =>
      openTestKoers({
        folder: temp.path,
        osLocales,
        onEmit: (event, payload) => {
          for (const p of context.pages()) void p.evaluate(([e, pl]) => (window as unknown as { __koersEmit(e: unknown, p: unknown): void }).__koersEmit(e, pl), [event, payload] as const).catch(() => {});
        },
      });
    const harness: AppHarness = {
      page,
      koers: await open(),
      url: server.url,
      async restart() {
        await harness.page.close();
        await harness.koers.close();
        harness.koers = await open();
        harness.page = await context.newPage();
        await harness.page.goto(server.url);
        return harness.page;
      },
    };
    await wire(context, () => harness.koers);
    await page.goto(server.url);
    await use(harness);
    await harness.koers.close();
    temp.cleanup();
  },
});

async function wire(context: BrowserContext, current: () => TestKoers): Promise<void> {
  await context.exposeBinding('__koersInvoke', async (_source, channel: string, method: string, input: unknown) => {
    if (channel !== RPC_CHANNEL) throw new Error(`unexpected channel ${channel}`);
    return current().dispatch(method, input);
  });
  await context.addInitScript({ content: preloadInitScript() });
}

export { expect } from '@playwright/test';
