import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { tempFolder } from '../helpers/temp';

const root = resolve(import.meta.dirname, '../..');

const DEFAULT_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * The Electron binary, or why there is none. Looked up the way the electron package
 * does it, without calling it: its index.js would try to download a missing binary.
 */
function findElectron(): { path: string } | { reason: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (DEFAULT_EXECUTABLE[process.platform] ?? 'electron');
  const path = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable)
    : join(packageDir, 'dist', executable);
  return existsSync(path)
    ? { path }
    : {
        reason: `no Electron binary at ${path} (the npm package installs without it where Electron's downloads are unreachable)`,
      };
}

const found = findElectron();
if ('reason' in found) console.log(`[electron suite] skipped: ${found.reason}`);
test.skip(
  'reason' in found,
  `Real-app suite skipped: ${'reason' in found ? found.reason : ''}. It runs wherever the binary is installed (npx install-electron, or set ELECTRON_OVERRIDE_DIST_PATH).`,
);

test('the real app: secure window, add a client, still there after a restart', async () => {
  if (!('path' in found)) return;
  const userData = tempFolder('koers-electron-');
  const launch = () =>
    electron.launch({
      executablePath: found.path,
      args: [root],
      cwd: root,
      env: { ...process.env, KOERS_USER_DATA: userData.path, LANG: 'nl_NL.UTF-8' },
    });
  try {
    let app = await launch();
    let page = await app.firstWindow();
    // Sandboxed and isolated: the page sees window.koers and nothing of Node or Electron.
    const exposed = await page.evaluate(() => {
      const g = globalThis as { require?: unknown; process?: unknown; ipcRenderer?: unknown; koers?: object };
      return {
        require: typeof g.require,
        process: typeof g.process,
        ipcRenderer: typeof g.ipcRenderer,
        koers: typeof g.koers,
      };
    });
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', koers: 'object' });
    // At run time too: no Node in the page (above), and no webview tag (webviewTag: false leaves it unknown).
    expect(await page.evaluate(() => document.createElement('webview') instanceof HTMLUnknownElement)).toBe(true);
    // The database is created in the user-data folder.
    expect(existsSync(join(userData.path, 'koers.sqlite'))).toBe(true);

    // Named inputs and the grid role: the window's language follows the machine's locale here.
    await page.locator('input[name=name]').fill('Lotte Visser');
    await page.locator('form button[type=submit]').click();
    await page.locator('.page-heading button').click();
    await page.locator('dialog input[name=firstName]').fill('Lotte');
    await page.locator('dialog input[name=lastName]').fill('Visser');
    await page.locator('dialog button[type=submit]').click();
    await expect(page.locator('h1')).toContainText('Lotte Visser');
    await page.locator('nav a').first().click();
    await expect(page.getByRole('row', { name: /Visser, Lotte/ })).toBeVisible();

    // Navigation away from the app and new windows are refused.
    await page.evaluate(() => {
      globalThis.location.href = 'https://example.org/';
    });
    await expect(page.getByRole('row', { name: /Visser, Lotte/ })).toBeVisible();
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);

    // A second start focuses this window instead of opening the database twice.
    const second = await launch().catch(() => null);
    if (second) {
      await second.waitForEvent('close', { timeout: 10_000 }).catch(() => undefined);
    }
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isFocused() ?? false)).toBe(
      true,
    );

    await app.close();
    app = await launch();
    page = await app.firstWindow();
    await expect(page.getByRole('row', { name: /Visser, Lotte/ })).toBeVisible();
    await app.close();
  } finally {
    userData.cleanup();
  }
});
