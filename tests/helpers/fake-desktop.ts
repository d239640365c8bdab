import type { Display } from '../../common/contract/presentation';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Desktop, FileFilter } from '../../main/desktop';
import type { SecretCipher } from '../../main/sync/secrets';

/** A desktop without Electron: records what handlers asked of it and answers as told. */
export interface FakeDesktop extends Desktop {
  /** What the next save dialog answers; null: the user cancels. */
  saveAs: string | null;
  /** What the next open dialog answers. */
  openPath: string | null;
  /** What the next folder dialog answers. */
  folder: string | null;
  /** Folders shown in the file manager. */
  opened: string[];
  dialogs: Array<{ defaultName: string; filters: FileFilter[] }>;
  pdfRoutes: string[];
  /** How many times the page was printed. */
  printed: number;
  screens: Display[];
  presenting: number | null;
  /** The room closes the presentation window (the OS, Alt+F4). */
  closeFromRoom(): void;
  /** Pages opened in the "system browser", and what the browser does with the next one. */
  browsed: string[];
  browser: (url: string) => Promise<void>;
}

export const LAPTOP: Display = { id: 1, label: 'Built-in', width: 1920, height: 1080, current: true };
export const PROJECTOR: Display = { id: 2, label: 'Projector', width: 1280, height: 720, current: false };

export function fakeDesktop(
  pdf: (route: string) => Promise<Uint8Array> = async () => new TextEncoder().encode('%PDF-1.7\n%fake\n'),
): FakeDesktop {
  let onClosed: (() => void) | undefined;
  const desktop: FakeDesktop = {
    saveAs: null,
    openPath: null,
    folder: null,
    opened: [],
    dialogs: [],
    pdfRoutes: [],
    printed: 0,
    screens: [LAPTOP],
    presenting: null,
    async chooseSaveFile(options) {
      desktop.dialogs.push(options);
      return desktop.saveAs;
    },
    async openFolder(path) {
      desktop.opened.push(path);
    },
    async chooseFolder() {
      return desktop.folder;
    },
    async chooseOpenFile() {
      return desktop.openPath;
    },
    async printToPdf(route) {
      desktop.pdfRoutes.push(route);
      return pdf(route);
    },
    async print() {
      desktop.printed += 1;
      return true;
    },
    displays: () => desktop.screens,
    async openPresentation(displayId, closed) {
      desktop.presenting = displayId;
      onClosed = closed;
    },
    closePresentation() {
      desktop.closeFromRoom();
    },
    closeFromRoom() {
      if (desktop.presenting === null) return;
      desktop.presenting = null;
      onClosed?.();
    },
    browsed: [],
    browser: async () => undefined,
    async openBrowser(url) {
      desktop.browsed.push(url);
      // Not awaited: the system browser goes its own way while Koers waits for the answer.
      void desktop.browser(url).catch(() => undefined);
    },
    secretCipher: fakeCipher(),
  };
  return desktop;
}

/** Encryption as the OS keychain gives it: a key this "machine" keeps, AES-GCM. */
export function fakeCipher(key = randomBytes(32)): SecretCipher {
  return {
    available: async () => true,
    async encrypt(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
