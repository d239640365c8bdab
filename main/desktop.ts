import type { Display } from '../common/contract/presentation';
import type { SaveName } from './save-name';
import type { SecretCipher } from './sync/secrets';

/** A file type offered in the save dialog. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What handlers need from the desktop around them: dialogs, other windows, screens.
 * Electron implements it at the edge (electron-desktop.ts); tests drive Chromium or fakes.
 */
export interface Desktop {
  /** Asks where to save, suggesting a name made by `saveName`; null when the user cancels. */
  chooseSaveFile(options: { defaultName: SaveName; filters: FileFilter[] }): Promise<string | null>;
  /** Shows a folder in the system's file manager (the log folder, for support). */
  openFolder(path: string): Promise<void>;
  /** Asks for a folder; null when the user cancels. */
  chooseFolder(): Promise<string | null>;
  /** Asks which file to open; null when the user cancels. */
  chooseOpenFile(options: { filters: FileFilter[] }): Promise<string | null>;
  /** Renders a renderer route (the hash, e.g. `report/ID`) as an A4 PDF. */
  printToPdf(route: string): Promise<Uint8Array>;
  /** Prints the main window's page through the system's print dialog; false when the user cancels. */
  print(): Promise<boolean>;
  displays(): Display[];
  /** Opens the presentation window full screen on a display; `onClosed` runs however it closes. */
  openPresentation(displayId: number, onClosed: () => void): Promise<void>;
  closePresentation(): void;
  /** Opens a web page in the system browser: the team's sign-in (RFC 8252: never inside Koers). */
  openBrowser(url: string): Promise<void>;
  /** The OS's encryption for secrets kept on disk (the team sign-in). */
  secretCipher: SecretCipher;
}
