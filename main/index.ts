import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, session, shell } from 'electron';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../db/connection';
import { appMenuTemplate } from './app-menu';
import { language } from './context';
import type { EventName, EventPayload } from '../common/contract';
import { fill } from '../common/i18n/fill';
import { startupTexts } from '../common/i18n/startup';
import { formatDateTime } from '../common/format-dates';
import { type Language, languageFromLocales } from '../common/languages';
import { createEmitter, registerRpc } from './ipc-adapter';
import { type Koers, type KoersOptions, openKoers } from './open-koers';
import { guardSession, guardWebContents, isTrustedSender } from './security';
import { createElectronDesktop } from './electron-desktop';
import { createFileLog } from './log';
import { createElectronSettings } from './settings-store';
import { appOrigin, createMainWindow } from './window';
import { startupFailure } from './startup-messages';
import { backUpNow } from './handlers/backups';
import { lockNow } from './handlers/lock';
import { backupIfDue } from './safety/lifecycle';
import { ownBackups } from './safety/backups';
import { DamagedDatabaseError, restoreFile, setAside } from './safety/recovery';

// Lifecycle only: everything below the window lives in modules that run in plain Node.
// KOERS_USER_DATA points Koers at another data folder (the real-app test suite, support).
if (process.env.KOERS_USER_DATA) app.setPath('userData', process.env.KOERS_USER_DATA);
const rendererDir = join(import.meta.dirname, '../renderer');
const preload = join(import.meta.dirname, '../preload/index.cjs');
let koers: Koers | undefined;
// The main-process log, rotated, in the user-data folder (Settings › Open log folder).
const log = createFileLog(join(app.getPath('userData'), 'logs'));
let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  const settings = createElectronSettings();
  const osLocales = app.getPreferredSystemLanguages();
  const startLanguage = settings.get('language') ?? languageFromLocales(osLocales);
  const messages = startupTexts[startLanguage];
  const origin = appOrigin(rendererDir);
  guardSession(session.defaultSession, { devServer: origin.devServerUrl !== undefined });

  // The menu in the user's language, built again when they choose another.
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          packaged: app.isPackaged,
          platform: process.platform,
          language: language({ settings, osLocales }),
        }),
      ),
    );
  setMenu();
  const toWindows = createEmitter(() => BrowserWindow.getAllWindows().map((w) => w.webContents));
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    toWindows(event, payload);
    if (event === 'settings.changed') setMenu();
  };
  const desktop = createElectronDesktop({ preload, rendererDir, settings, emit, mainWindow: () => mainWindow });

  const options: KoersOptions = {
    databasePath: join(app.getPath('userData'), DATABASE_FILE_NAME),
    log,
    defaultBackupFolder: join(app.getPath('userData'), 'backups'),
    settings,
    osLocales,
    appVersion: app.getVersion(),
    now: () => new Date(),
    emit,
    desktop,
    onInternalError: (method, error) => log.write('error', 'rpc', `${method} failed`, error),
    validateOutput: !app.isPackaged,
  };
  try {
    koers = await openWithRecovery(options, startLanguage);
    if (!koers) {
      app.exit(1);
      return;
    }
  } catch (error) {
    dialog.showErrorBox(messages.title, messages[startupFailure(error)]);
    log.write('error', 'db', 'open failed', error);
    app.exit(1);
    return;
  }

  registerRpc(
    ipcMain,
    koers.dispatch,
    (frame) => isTrustedSender(frame, origin),
    () => log.write('warn', 'rpc', 'call from an untrusted sender refused'),
  );
  const context = koers.context;
  void backupIfDue(context).then(
    (made) => made && log.write('info', 'backup', 'made at start'),
    (error: unknown) => log.write('error', 'backup', 'at start failed', error),
  );
  // The OS locking the screen or the laptop going to sleep locks Koers too.
  powerMonitor.on('lock-screen', () => lockNow(context));
  powerMonitor.on('suspend', () => lockNow(context));
  mainWindow = createMainWindow(settings, { preload, rendererDir }, 'Koers');
  // A laptop that is a team's copy synchronises in the background from now on.
  void context.team.start().catch((error: unknown) => log.write('error', 'sync', 'start failed', error));
  // The presentation window belongs to the main window: closing Koers ends the meeting too.
  mainWindow.on('closed', () => {
    mainWindow = undefined;
    desktop.closePresentation();
  });
}

/**
 * Opens the database; when it fails its check, sets it aside and offers the newest
 * good backup. Never starts on an empty database in place of a damaged one.
 */
async function openWithRecovery(options: KoersOptions, language: Language): Promise<Koers | undefined> {
  const messages = startupTexts[language];
  try {
    return await openKoers(options);
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    log.write('error', 'db', 'damaged database set aside');
    // The database's id as last seen: its backups are found without reading the damaged file.
    const databaseId = options.settings.get('databaseId');
    const folder = options.settings.get('backupFolder') ?? options.defaultBackupFolder ?? '';
    const recovery = await setAside(
      options.databasePath,
      databaseId ? ownBackups(folder, databaseId) : null,
      new Date(),
    );
    if (!recovery.newest) {
      dialog.showErrorBox(messages.damaged, fill(messages.noBackup, { moved: recovery.movedTo }));
      return undefined;
    }
    const { backup, contents } = recovery.newest;
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: messages.title,
      message: messages.damaged,
      detail: fill(messages.restoreOffer, {
        moved: recovery.movedTo,
        date: formatDateTime(backup.createdAt, language),
        clients: contents.clients,
        scorings: contents.scorings,
        notes: contents.notes,
      }),
      buttons: [messages.restore, messages.quit],
      defaultId: 0,
      cancelId: 1,
    });
    // (A backup is offered only when the database id is known.)
    if (choice !== 0 || !databaseId) return undefined;
    try {
      await restoreFile(backup, options.databasePath, databaseId, options.settings);
    } catch (failure) {
      // Checked again while being put in place: a file changed since it was offered is refused, and nothing is put in place.
      log.write('error', 'db', 'backup refused at recovery', failure);
      dialog.showErrorBox(messages.damaged, fill(messages.restoreRefused, { moved: recovery.movedTo }));
      return undefined;
    }
    return openKoers(options);
  }
}

// One Koers per user: a second start focuses the running window instead of opening the database twice.
if (!app.requestSingleInstanceLock()) app.exit(0);
app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
});

// Every web contents, present and future, gets the same guards.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void shell.openExternal(url))); // eng-disable OPEN_EXTERNAL_JS_CHECK — guardWebContents passes only https URLs without credentials (isSafeExternalUrl, security.test.ts)
app.on('window-all-closed', () => app.quit());
// At quit: a backup, then the database is closed; the quit waits for both.
let closing = false;
app.on('before-quit', (event) => {
  if (closing || !koers) return;
  event.preventDefault();
  closing = true;
  const open = koers;
  backUpNow(open.context)
    .catch((error: unknown) => log.write('error', 'backup', 'at quit failed', error))
    .finally(() => void open.close().finally(() => app.quit()));
});
app.whenReady().then(start, (error: unknown) => {
  log.write('error', 'app', 'failed to start', error);
  app.exit(1);
});
