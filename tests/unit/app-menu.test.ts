import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../main/app-menu';
import { LANGUAGES } from '../../common/languages';

/** Every item of a template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];

describe('application menu', () => {
  it.each(['win32', 'darwin', 'linux'] as const)(
    'offers no DevTools, reload or force reload in the packaged app (%s)',
    (platform) => {
      for (const language of LANGUAGES) {
        const all = items(appMenuTemplate({ packaged: true, platform, language }));
        expect(all.filter((item) => DEVELOPER_ROLES.includes(item.role ?? ''))).toEqual([]);
        // Edit keeps copy and paste working (on macOS the menu carries their shortcuts); quit stays.
        expect(all.map((item) => item.role)).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
      }
    },
  );

  it('offers DevTools and reload while developing', () => {
    const roles = items(appMenuTemplate({ packaged: false, platform: 'linux', language: 'en' })).map(
      (item) => item.role,
    );
    expect(roles).toEqual(expect.arrayContaining(DEVELOPER_ROLES));
  });

  it.each(['win32', 'darwin', 'linux'] as const)('labels every item in the user’s language (%s)', (platform) => {
    const labels = (language: (typeof LANGUAGES)[number]) =>
      items(appMenuTemplate({ packaged: true, platform, language }))
        .filter((item) => item.type !== 'separator')
        .map((item) => item.label);
    for (const language of LANGUAGES)
      expect(labels(language).every((label) => typeof label === 'string' && label.length > 0)).toBe(true);
    expect(labels('nl')).toContain('Bewerken');
    expect(labels('da')).toContain('Rediger');
    expect(labels('en')).toContain('Edit');
  });
});
