import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron';

/**
 * The window's security rules, written against the few Electron members they
 * touch so tests can check each rule with small fakes.
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string, options: { packaged: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    // DevTools read and change everything in the page, the lock included: development only.
    devTools: !options.packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    // A middle click must not open a new window (they are denied anyway).
    disableBlinkFeatures: 'Auxclick',
  };
}

/** Only plain web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Where the app's own pages come from: the packaged renderer folder (file URLs)
 * or, in development, the Vite dev server's origin.
 */
export interface AppOrigin {
  rendererFileUrl?: string;
  devServerUrl?: string;
}

export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (origin.devServerUrl) {
    return parsed.origin === new URL(origin.devServerUrl).origin;
  }
  if (origin.rendererFileUrl && parsed.protocol === 'file:') {
    // Compare the path only: a query or hash on the page is fine.
    return parsed.pathname === new URL(origin.rendererFileUrl).pathname;
  }
  return false;
}

/** A sender is trusted only when it is the app's own main frame. */
export function isTrustedSender(
  frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined,
  origin: AppOrigin,
): boolean {
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, origin);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** No navigation away from the app, no new windows, no webviews; safe links go to the browser. */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;

/** Koers needs no camera, microphone, notifications or location: refuse every request. */
export function guardSession(session: GuardedSession, options: { devServer: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Pages from the dev server arrive over HTTP; give them the same policy as a header.
  // The packaged app loads files, where the policy is in index.html's meta tag.
  if (options.devServer) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DEV_CONTENT_SECURITY_POLICY] },
      });
    });
  }
}

/** Vite's dev server needs inline scripts (React refresh) and a websocket; development only. */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
)
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws:");
