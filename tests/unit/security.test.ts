import type { Event, HandlerDetails, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  guardSession,
  guardWebContents,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../main/security';

/** A fake WebContents that records its listeners and window-open handler. */
function fakeContents() {
  const listeners = new Map<string, (event: Event) => void>();
  let openHandler: ((details: HandlerDetails) => { action: 'allow' | 'deny' }) | undefined;
  const contents = {
    on: (name: string, listener: (event: Event) => void) => void listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
  } as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
  const fire = (name: string) => {
    const event = { preventDefault: vi.fn() } as unknown as Event;
    listeners.get(name)?.(event);
    return event.preventDefault as ReturnType<typeof vi.fn>;
  };
  const open = (url: string) => openHandler!({ url } as HandlerDetails);
  return { contents, fire, open };
}

describe('window security', () => {
  it('runs the renderer isolated and sandboxed, without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs', { packaged: true })).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      disableBlinkFeatures: 'Auxclick',
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('offers DevTools only in development, never in the packaged app', () => {
    expect(secureWebPreferences('/app/preload.cjs', { packaged: true }).devTools).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs', { packaged: false }).devTools).toBe(true);
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(DEV_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('blocks %s', (name) => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, vi.fn());
    expect(fire(name)).toHaveBeenCalledOnce();
  });

  it('denies every new window and opens only https links in the system browser', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    guardWebContents(contents, openExternal);
    expect(open('https://www.divosa.nl/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://www.divosa.nl/');
    for (const url of [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'https://user:pw@example.org/',
      'not a url',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledOnce();
  });

  it('denies every permission request and check', () => {
    const request = vi.fn();
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((...args: unknown[]) => boolean) | undefined;
    const onHeadersReceived = vi.fn();
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => void (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => void (checkHandler = h),
      webRequest: { onHeadersReceived },
    } as unknown as Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;
    guardSession(session, { devServer: false });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      requestHandler!({}, permission, request);
      expect(checkHandler!({}, permission)).toBe(false);
    }
    expect(request.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(onHeadersReceived).not.toHaveBeenCalled();
  });

  it('sends the development policy as a header only for the dev server', () => {
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: (h: typeof headers) => void (headers = h) },
    } as unknown as Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;
    guardSession(session, { devServer: true });
    const callback = vi.fn();
    headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [DEV_CONTENT_SECURITY_POLICY] },
    });
  });

  it('trusts only the app page in the main frame', () => {
    const origin = { rendererFileUrl: 'file:///opt/Koers/out/renderer/index.html' };
    expect(isTrustedSender({ url: 'file:///opt/Koers/out/renderer/index.html?x#y', parent: null }, origin)).toBe(true);
    expect(isTrustedSender({ url: 'file:///opt/Koers/out/renderer/other.html', parent: null }, origin)).toBe(false);
    expect(isTrustedSender({ url: 'file:///opt/Koers/out/renderer/index.html', parent: {} as never }, origin)).toBe(
      false,
    );
    expect(isTrustedSender(null, origin)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null }, origin)).toBe(false);

    const dev = { devServerUrl: 'http://localhost:5173/' };
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('file:///opt/Koers/out/renderer/index.html', dev)).toBe(false);
  });

  it('accepts only https links without credentials as external', () => {
    expect(isSafeExternalUrl('https://borger.dk/')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://borger.dk/')).toBe(true);
    expect(isSafeExternalUrl('http://borger.dk/')).toBe(false);
    expect(isSafeExternalUrl('ms-msdt:/id')).toBe(false);
  });
});
