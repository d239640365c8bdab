import { app, BrowserWindow, type BrowserWindowConstructorOptions, screen } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AppOrigin, secureWebPreferences } from './security';
import type { Settings, WindowBounds } from './settings';

const DEFAULT_SIZE = { width: 1280, height: 820 };

/** Saved bounds are used only while they still land on a connected display. */
function visibleBounds(saved: WindowBounds | null): Partial<WindowBounds> {
  if (!saved) return DEFAULT_SIZE;
  const { x, y, width, height } = saved;
  if (x === undefined || y === undefined) return { width, height };
  const onScreen = screen
    .getAllDisplays()
    .some(({ workArea: a }) => x >= a.x && y >= a.y && x < a.x + a.width && y < a.y + a.height);
  return onScreen ? { x, y, width, height } : { width, height };
}

export function appOrigin(rendererDir: string): AppOrigin {
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  return devServerUrl ? { devServerUrl } : { rendererFileUrl: pathToFileURL(join(rendererDir, 'index.html')).href };
}

export function createMainWindow(
  settings: Settings,
  paths: { preload: string; rendererDir: string },
  title: string,
): BrowserWindow {
  const bounds = visibleBounds(settings.get('windowBounds'));
  const windowOptions: BrowserWindowConstructorOptions = {
    ...DEFAULT_SIZE,
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title,
    backgroundColor: '#f7f7f4',
    webPreferences: secureWebPreferences(paths.preload, { packaged: app.isPackaged }),
  };
  const win = new BrowserWindow(windowOptions); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK — secureWebPreferences() sets contextIsolation, sandbox and disableBlinkFeatures Auxclick; security.test.ts checks it
  if (settings.get('windowBounds')?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const { x, y, width, height } = win.getNormalBounds();
    settings.set('windowBounds', { x, y, width, height, maximized: win.isMaximized() });
  });
  void loadApp(win, paths.rendererDir);
  return win;
}

/** Loads the renderer, at a route (`report/ID`) when given. */
export function loadApp(win: BrowserWindow, rendererDir: string, route?: string): Promise<void> {
  const origin = appOrigin(rendererDir);
  if (origin.devServerUrl) return win.loadURL(route ? `${origin.devServerUrl}#/${route}` : origin.devServerUrl);
  return win.loadFile(join(rendererDir, 'index.html'), route ? { hash: `/${route}` } : {});
}
