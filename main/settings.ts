import Conf from 'conf';
import { isDatabaseId } from '../db/queries/meta';
import type { Language } from '../common/languages';
import { type CaseloadView, caseloadViewSchema } from '../common/contract/caseload-view';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface SettingsData {
  /** null: follow the OS locale. */
  language: Language | null;
  windowBounds: WindowBounds | null;
  currentCaseworkerId: string | null;
  /** Where the last export was saved: the save dialog opens there. */
  exportFolder: string | null;
  /** Where backups go; null: the backups folder next to the database. */
  backupFolder: string | null;
  /** The unlock PIN as a salted scrypt hash; null: none set yet (no auto-lock). */
  pinHash: string | null;
  /** Wrong PINs in a row and when the last one came: the back-off (safety/pin-attempts.ts). */
  pinFailures: PinFailures;
  /** Idle minutes before Koers locks itself. */
  lockMinutes: number;
  /** The newest audit entry, kept outside the database: a cut-off log is noticed. */
  auditHead: { seq: number; hash: string } | null;
  /** The id of the database last opened: where its backups are when the database itself is damaged. */
  databaseId: string | null;
  /** The caseload's filters, sort and hidden columns as last left; null: never changed. */
  caseloadView: CaseloadView | null;
}

export interface PinFailures {
  count: number;
  /** ISO time of the last wrong PIN; null while count is 0. */
  lastAt: string | null;
}

export const SETTINGS_DEFAULTS: SettingsData = {
  language: null,
  windowBounds: null,
  currentCaseworkerId: null,
  exportFolder: null,
  backupFolder: null,
  pinHash: null,
  pinFailures: { count: 0, lastAt: null },
  lockMinutes: 10,
  auditHead: null,
  databaseId: null,
  caseloadView: null,
};

/** The small surface the app uses; electron-store in the app, plain `conf` in tests. */
export interface Settings {
  get<K extends keyof SettingsData>(key: K): SettingsData[K];
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void;
}

/** The part of Conf / electron-store this adapter needs (electron-store extends Conf). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * Wraps a store and falls back to the default for a missing or hand-edited value
 * of the wrong type, so a damaged settings file never stops Koers from starting.
 */
export function settingsFrom(
  store: KeyValueStore,
  validate: { [K in keyof SettingsData]: (v: unknown) => v is SettingsData[K] },
): Settings {
  return {
    get(key) {
      const value = store.get(key);
      return validate[key](value) ? value : SETTINGS_DEFAULTS[key];
    },
    set(key, value) {
      store.set(key, value);
    },
  };
}

const isLanguage = (v: unknown): v is Language | null => v === null || v === 'nl' || v === 'da' || v === 'en';
const isBounds = (v: unknown): v is WindowBounds | null =>
  v === null ||
  (typeof v === 'object' &&
    typeof (v as WindowBounds).width === 'number' &&
    typeof (v as WindowBounds).height === 'number' &&
    typeof (v as WindowBounds).maximized === 'boolean');
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isMinutes = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 240;
const isHead = (v: unknown): v is { seq: number; hash: string } | null =>
  v === null ||
  (typeof v === 'object' &&
    typeof (v as { seq: unknown }).seq === 'number' &&
    typeof (v as { hash: unknown }).hash === 'string');
const isPinFailures = (v: unknown): v is PinFailures => {
  if (typeof v !== 'object' || v === null) return false;
  const { count, lastAt } = v as Record<keyof PinFailures, unknown>;
  return (
    typeof count === 'number' &&
    Number.isInteger(count) &&
    count >= 0 &&
    (lastAt === null || (typeof lastAt === 'string' && !Number.isNaN(Date.parse(lastAt))))
  );
};

export const SETTINGS_VALIDATORS = {
  language: isLanguage,
  windowBounds: isBounds,
  currentCaseworkerId: isNullableString,
  exportFolder: isNullableString,
  backupFolder: isNullableString,
  pinHash: isNullableString,
  pinFailures: isPinFailures,
  lockMinutes: isMinutes,
  auditHead: isHead,
  databaseId: (v: unknown): v is string | null => v === null || isDatabaseId(v),
  caseloadView: (v: unknown): v is CaseloadView | null => v === null || caseloadViewSchema.safeParse(v).success,
};

/** The settings file holds the PIN hash: readable by the user only (conf also applies it to an existing file at every write). */
export const SETTINGS_FILE_MODE = 0o600;

/** Settings in a folder of our choice: tests, the CLI and benchmarks. */
export function createFileSettings(folder: string): Settings {
  const store = new Conf<SettingsData>({
    cwd: folder,
    configName: 'settings',
    defaults: SETTINGS_DEFAULTS,
    projectName: 'koers',
    configFileMode: SETTINGS_FILE_MODE,
  });
  return settingsFrom(store, SETTINGS_VALIDATORS);
}
