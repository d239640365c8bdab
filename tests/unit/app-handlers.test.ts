import { afterEach, describe, expect, it } from 'vitest';
import { languageFromLocales } from '../../common/languages';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { tempFolder } from '../helpers/temp';

describe('language', () => {
  let koers: TestKoers | undefined;
  afterEach(() => koers?.cleanup());

  it('follows the OS locale until the user picks one, then keeps the choice', async () => {
    const temp = tempFolder();
    koers = await openTestKoers({ folder: temp.path, osLocales: ['da-DK', 'en-US'] });
    expect(await koers.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { version: '0.0.0-test', language: 'da', languageChosen: false, currentCaseworker: null },
    });

    expect(await koers.dispatch('settings.setLanguage', { language: 'nl' })).toEqual({
      ok: true,
      value: { language: 'nl' },
    });
    expect(koers.events).toContainEqual({ event: 'settings.changed', payload: { language: 'nl' } });

    // A restart reads the choice back from the settings file.
    await koers.close();
    koers = await openTestKoers({ folder: temp.path, osLocales: ['da-DK'] });
    expect(await koers.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { language: 'nl', languageChosen: true },
    });
    await koers.close();
    koers = undefined;
    temp.cleanup();
  });

  it('refuses a language Koers does not speak', async () => {
    koers = await openTestKoers();
    expect(await koers.dispatch('settings.setLanguage', { language: 'de' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(koers.settings.get('language')).toBeNull();
  });

  it.each([
    [['nl-BE'], 'nl'],
    [['da'], 'da'],
    [['nb-NO'], 'da'],
    [['de-DE', 'en-US'], 'en'],
    [['fr-FR'], 'en'],
    [[], 'en'],
    [['de-DE', 'nl-NL'], 'nl'],
  ] as const)('maps OS locales %j to %s', (locales, expected) => {
    expect(languageFromLocales(locales)).toBe(expected);
  });
});
