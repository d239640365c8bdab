import Store from 'electron-store';
import {
  SETTINGS_DEFAULTS,
  SETTINGS_FILE_MODE,
  SETTINGS_VALIDATORS,
  type Settings,
  type SettingsData,
  settingsFrom,
} from './settings';

/** Edge adapter: the app's settings live in electron-store, in the user-data folder. */
export function createElectronSettings(): Settings {
  const store = new Store<SettingsData>({
    name: 'settings',
    defaults: SETTINGS_DEFAULTS,
    configFileMode: SETTINGS_FILE_MODE,
  });
  return settingsFrom(store, SETTINGS_VALIDATORS);
}
