import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../common/languages';

interface MenuLabels {
  file: string;
  edit: string;
  view: string;
  window: string;
  about: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  minimize: string;
  zoom: string;
  close: string;
  reload: string;
  forceReload: string;
  devTools: string;
}

// Electron's own labels for these roles are English on Windows and Linux: Koers names them itself.
const LABELS: Record<Language, MenuLabels> = {
  nl: {
    file: 'Bestand',
    edit: 'Bewerken',
    view: 'Beeld',
    window: 'Venster',
    about: 'Over Koers',
    hide: 'Koers verbergen',
    hideOthers: 'Andere verbergen',
    showAll: 'Alles tonen',
    quit: 'Koers afsluiten',
    undo: 'Ongedaan maken',
    redo: 'Opnieuw',
    cut: 'Knippen',
    copy: 'Kopiëren',
    paste: 'Plakken',
    selectAll: 'Alles selecteren',
    resetZoom: 'Werkelijke grootte',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    fullScreen: 'Volledig scherm aan/uit',
    minimize: 'Minimaliseren',
    zoom: 'Zoomen',
    close: 'Venster sluiten',
    reload: 'Opnieuw laden',
    forceReload: 'Geforceerd opnieuw laden',
    devTools: 'Ontwikkelaarstools aan/uit',
  },
  da: {
    file: 'Filer',
    edit: 'Rediger',
    view: 'Vis',
    window: 'Vindue',
    about: 'Om Koers',
    hide: 'Skjul Koers',
    hideOthers: 'Skjul andre',
    showAll: 'Vis alle',
    quit: 'Afslut Koers',
    undo: 'Fortryd',
    redo: 'Gentag',
    cut: 'Klip',
    copy: 'Kopiér',
    paste: 'Sæt ind',
    selectAll: 'Vælg alt',
    resetZoom: 'Faktisk størrelse',
    zoomIn: 'Zoom ind',
    zoomOut: 'Zoom ud',
    fullScreen: 'Fuld skærm til/fra',
    minimize: 'Minimer',
    zoom: 'Zoom',
    close: 'Luk vindue',
    reload: 'Genindlæs',
    forceReload: 'Gennemtving genindlæsning',
    devTools: 'Udviklerværktøjer til/fra',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    about: 'About Koers',
    hide: 'Hide Koers',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit Koers',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close Window',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Toggle Developer Tools',
  },
};

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
  const l = LABELS[options.language];
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
