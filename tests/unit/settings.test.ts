import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSettings, SETTINGS_DEFAULTS } from '../../main/settings';
import { tempFolder } from '../helpers/temp';

describe('settings', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder();
  });
  afterEach(() => temp.cleanup());

  it('starts with the defaults', () => {
    const settings = createFileSettings(temp.path);
    expect(settings.get('language')).toBe(SETTINGS_DEFAULTS.language);
    expect(settings.get('windowBounds')).toBeNull();
    expect(settings.get('currentCaseworkerId')).toBeNull();
  });

  it('keeps language, window bounds and current caseworker across restarts', () => {
    const first = createFileSettings(temp.path);
    first.set('language', 'da');
    first.set('windowBounds', { x: 10, y: 20, width: 1100, height: 700, maximized: false });
    first.set('currentCaseworkerId', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    const second = createFileSettings(temp.path);
    expect(second.get('language')).toBe('da');
    expect(second.get('windowBounds')).toEqual({ x: 10, y: 20, width: 1100, height: 700, maximized: false });
    expect(second.get('currentCaseworkerId')).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  });

  it.skipIf(process.platform === 'win32')(
    'keeps the settings file (it holds the PIN hash) readable by the user only, also one an older Koers left readable',
    () => {
      const file = join(temp.path, 'settings.json');
      createFileSettings(temp.path).set('pinHash', 'scrypt$salt$hash');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      chmodSync(file, 0o644);
      createFileSettings(temp.path).set('lockMinutes', 5);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    },
  );

  it('falls back to the default for a hand-edited value of the wrong type', () => {
    writeFileSync(
      join(temp.path, 'settings.json'),
      JSON.stringify({ language: 'klingon', windowBounds: 'big', currentCaseworkerId: 7 }),
    );
    const settings = createFileSettings(temp.path);
    expect(settings.get('language')).toBeNull();
    expect(settings.get('windowBounds')).toBeNull();
    expect(settings.get('currentCaseworkerId')).toBeNull();
  });
});
