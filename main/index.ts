import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../db/connection';
import { DatabaseTooNewError } from '../db/migrate';
import { languageFromLocales } from './contract/languages';
import { createEmitter, registerRpc } from './ipc-adapter';
import { type Koers, openKoers } from './open-koers';
import { guardSession, guardWebContents, isTrustedSender } from './security';
import { createElectronDesktop } from './electron-desktop';
import { createElectronSettings } from './settings-store';
import { appOrigin, createMainWindow } from './window';
import { startupMessages } from './startup-messages';

// Lifecycle only: everything below the window lives in modules that run in plain Node.
// KOERS_USER_DATA points Koers at another data folder (the real-app test suite, support).
if (process.env.KOERS_USER_DATA) app.setPath('userData', process.env.KOERS_USER_DATA);
const rendererDir = join(import.meta.dirname, '../renderer');
const preload = join(import.meta.dirname, '../preload/index.cjs');
let koers: Koers | undefined;
let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  const settings = createElectronSettings();
  const osLocales = app.getPreferredSystemLanguages();
  const messages = startupMessages(settings.get('language') ?? languageFromLocales(osLocales));
  const origin = appOrigin(rendererDir);
  guardSession(session.defaultSession, { devServer: origin.devServerUrl !== undefined });

  const emit = createEmitter(() => BrowserWindow.getAllWindows().map((w) => w.webContents));
  const desktop = createElectronDesktop({ preload, rendererDir, settings, emit, mainWindow: () => mainWindow });

  try {
    koers = await openKoers({
      databasePath: join(app.getPath('userData'), DATABASE_FILE_NAME),
      settings,
      osLocales,
      appVersion: app.getVersion(),
      now: () => new Date(),
      emit,
      desktop,
      onInternalError: (method, error) => console.error(`[rpc] ${method} failed`, error),
      validateOutput: !app.isPackaged,
    });
  } catch (error) {
    dialog.showErrorBox(messages.title, error instanceof DatabaseTooNewError ? messages.tooNew : messages.openFailed);
    console.error('[db] open failed', error);
    app.exit(1);
    return;
  }

  registerRpc(
    ipcMain,
    koers.dispatch,
    (frame) => isTrustedSender(frame, origin),
    (error) => console.warn(`[rpc] ${error.message}`),
  );
  mainWindow = createMainWindow(settings, { preload, rendererDir }, 'Koers');
  // The presentation window belongs to the main window: closing Koers ends the meeting too.
  mainWindow.on('closed', () => {
    mainWindow = undefined;
    desktop.closePresentation();
  });
}

// Every web contents, present and future, gets the same guards.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void shell.openExternal(url)));
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void koers?.close());
app.whenReady().then(start, (error: unknown) => {
  console.error('[app] failed to start', error);
  app.exit(1);
});
