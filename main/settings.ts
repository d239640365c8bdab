import Conf from 'conf';
import type { Language } from './contract/languages';

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
}

export const SETTINGS_DEFAULTS: SettingsData = {
  language: null,
  windowBounds: null,
  currentCaseworkerId: null,
  exportFolder: null,
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
export function settingsFrom(store: KeyValueStore, validate: { [K in keyof SettingsData]: (v: unknown) => v is SettingsData[K] }): Settings {
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

export const SETTINGS_VALIDATORS = { language: isLanguage, windowBounds: isBounds, currentCaseworkerId: isNullableString, exportFolder: isNullableString };

/** Settings in a folder of our choice: tests, the CLI and benchmarks. */
export function createFileSettings(folder: string): Settings {
  const store = new Conf<SettingsData>({ cwd: folder, configName: 'settings', defaults: SETTINGS_DEFAULTS, projectName: 'koers' });
  return settingsFrom(store, SETTINGS_VALIDATORS);
}
