import type { MenuItemConstructorOptions } from 'electron';
import { menuTexts } from '../common/i18n/menu';
import type { Language } from '../common/languages';

/**
 * The application menu, replacing Electron's default one (which offers DevTools and
 * reload everywhere). Roles keep the usual shortcuts (copy and paste on macOS need the
 * Edit menu); DevTools, reload and force reload only while developing.
 */
export function appMenuTemplate(options: {
  packaged: boolean;
  platform: NodeJS.Platform;
  language: Language;
}): MenuItemConstructorOptions[] {
  const l = menuTexts[options.language];
  const mac = options.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const first: MenuItemConstructorOptions = mac
    ? {
        label: 'Koers',
        submenu: [
          { role: 'about', label: l.about },
          separator,
          { role: 'hide', label: l.hide },
          { role: 'hideOthers', label: l.hideOthers },
          { role: 'unhide', label: l.showAll },
          separator,
          { role: 'quit', label: l.quit },
        ],
      }
    : { label: l.file, submenu: [{ role: 'quit', label: l.quit }] };
  const developing: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [
        { role: 'reload', label: l.reload },
        { role: 'forceReload', label: l.forceReload },
        { role: 'toggleDevTools', label: l.devTools },
        separator,
      ];
  return [
    first,
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        separator,
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        separator,
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        ...developing,
        { role: 'resetZoom', label: l.resetZoom },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        separator,
        { role: 'togglefullscreen', label: l.fullScreen },
      ],
    },
    {
      label: l.window,
      submenu: [
        { role: 'minimize', label: l.minimize },
        ...(mac ? [{ role: 'zoom', label: l.zoom } as const] : []),
        { role: 'close', label: l.close },
      ],
    },
  ];
}
