import type { Display } from '../../common/contract/presentation';
import type { Desktop, FileFilter } from '../../main/desktop';

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
  };
  return desktop;
}
