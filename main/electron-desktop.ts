import {
  app,
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  dialog,
  type OpenDialogOptions,
  type SaveDialogOptions,
  safeStorage,
  screen,
  shell,
} from 'electron';
import { join } from 'node:path';
import type { Desktop } from './desktop';
import type { EventName, EventPayload } from '../common/contract';
import { secureWebPreferences } from './security';
import type { Settings } from './settings';
import { isSafeTeamUrl } from './sync/sign-in';
import { loadApp } from './window';

const REPORT_TIMEOUT_MS = 20_000;

/** Waits until the page at a route says it has drawn everything (`<html data-ready>`). */
async function whenReady(win: BrowserWindow): Promise<void> {
  const until = Date.now() + REPORT_TIMEOUT_MS;
  while (Date.now() < until) {
    const state: unknown = await win.webContents.executeJavaScript('document.documentElement.dataset.ready ?? null');
    if (state === 'true') return;
    if (state === 'failed') throw new Error('The report page could not load its data');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The report page did not finish rendering');
}

/** Dialogs, the hidden report window and the presentation window, in Electron. */
export function createElectronDesktop(options: {
  preload: string;
  rendererDir: string;
  settings: Settings;
  mainWindow(): BrowserWindow | undefined;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}): Desktop {
  let presentation: BrowserWindow | undefined;
  const notify = () => options.emit('displays.changed', {});
  screen.on('display-added', notify);
  screen.on('display-removed', notify);

  return {
    async chooseSaveFile({ defaultName, filters }) {
      const folder = options.settings.get('exportFolder') ?? app.getPath('documents');
      const parent = options.mainWindow();
      const dialogOptions: SaveDialogOptions = {
        defaultPath: join(folder, defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = parent
        ? await dialog.showSaveDialog(parent, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      if (result.canceled || !result.filePath) return null;
      options.settings.set('exportFolder', join(result.filePath, '..'));
      return result.filePath;
    },

    async openFolder(path) {
      const problem = await shell.openPath(path);
      if (problem) throw new Error('The folder could not be opened');
    },

    async chooseFolder() {
      const parent = options.mainWindow();
      const dialogOptions: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
      const result = parent
        ? await dialog.showOpenDialog(parent, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },

    async chooseOpenFile({ filters }) {
      const parent = options.mainWindow();
      const dialogOptions: OpenDialogOptions = {
        defaultPath: options.settings.get('exportFolder') ?? app.getPath('documents'),
        filters,
        properties: ['openFile'],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },

    async printToPdf(route) {
      // Hidden, and never throttled: the chart must draw although no one sees the window.
      const windowOptions: BrowserWindowConstructorOptions = {
        show: false,
        width: 794,
        height: 1123,
        webPreferences: {
          ...secureWebPreferences(options.preload, { packaged: app.isPackaged }),
          backgroundThrottling: false,
        },
      };
      const win = new BrowserWindow(windowOptions); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK — secureWebPreferences() sets contextIsolation, sandbox and disableBlinkFeatures Auxclick; security.test.ts checks it
      try {
        await loadApp(win, options.rendererDir, route);
        await whenReady(win);
        return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        win.destroy();
      }
    },

    async print() {
      const win = options.mainWindow();
      if (!win) return false;
      // The page's print stylesheet decides what is printed (no navigation, all rows of the caseload).
      return new Promise<boolean>((resolve) => win.webContents.print({ printBackground: false }, resolve));
    },

    displays() {
      const current = screen.getDisplayMatching(options.mainWindow()?.getBounds() ?? screen.getPrimaryDisplay().bounds);
      return screen.getAllDisplays().map((d) => ({
        id: d.id,
        label: d.label,
        width: d.size.width,
        height: d.size.height,
        current: d.id === current.id,
      }));
    },

    async openPresentation(displayId, onClosed) {
      const display = screen.getAllDisplays().find((d) => d.id === displayId) ?? screen.getPrimaryDisplay();
      const { x, y, width, height } = display.bounds;
      const windowOptions: BrowserWindowConstructorOptions = {
        x,
        y,
        width,
        height,
        fullscreen: true,
        backgroundColor: '#000000',
        autoHideMenuBar: true,
        webPreferences: secureWebPreferences(options.preload, { packaged: app.isPackaged }),
      };
      const win = new BrowserWindow(windowOptions); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK — secureWebPreferences() sets contextIsolation, sandbox and disableBlinkFeatures Auxclick; security.test.ts checks it
      presentation = win;
      win.on('closed', () => {
        if (presentation === win) presentation = undefined;
        onClosed();
      });
      await loadApp(win, options.rendererDir, 'present');
    },

    closePresentation() {
      presentation?.close();
    },
    async openBrowser(url) {
      // The sign-in page of the team's provider: https, or http on this machine (the demo).
      const parsed = new URL(url);
      if (!isSafeTeamUrl(parsed)) throw new Error('Only https sign-in pages are opened');
      await shell.openExternal(parsed.href); // eng-disable OPEN_EXTERNAL_JS_CHECK — https, or http on loopback only, checked above
    },
    secretCipher: {
      available: () => safeStorage.isAsyncEncryptionAvailable(),
      encrypt: (text) => safeStorage.encryptStringAsync(text),
      decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result,
    },
  };
}
