import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  icon: string;
  directories: { buildResources: string; output: string };
  electronFuses: Record<string, boolean>;
  win: { target: string[] };
  nsis: { perMachine: boolean; oneClick: boolean; allowElevation: boolean };
  mac: { target: string[] };
  linux: { target: string[] };
}

/** A broken packaging config fails `npm test`, even where installers cannot be built. */
describe('electron-builder.yml', () => {
  const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string; productName: string; scripts: Record<string, string> };

  it('names the app and builds every target: NSIS per user and MSI, dmg, AppImage and deb', () => {
    expect(config.appId).toBe('nl.koers.app');
    expect(config.productName).toBe('Koers');
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: false, allowElevation: false });
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml');
  });

  it('packs into asar with the SQLite native module unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('sets the fuses after packing', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('ships only the built app: no sources, tests or data; main points into it', () => {
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map']);
    for (const pattern of config.files) expect(pattern).not.toMatch(/^(tests|main|renderer|preload|db)\//);
    expect(pkg.main).toMatch(/^out\//);
  });

  it('takes the icon from the one generated from main/build/icon.svg', () => {
    expect(config.directories.buildResources).toBe('main/build');
    expect(config.icon).toBe('main/build/icon.png');
    expect(readFileSync(resolve(root, 'main/build/icon.svg'), 'utf8')).toContain('<svg');
    expect(pkg.scripts.icons).toBe('tsx main/build/make-icons.ts');
    expect(pkg.scripts.dist?.startsWith('npm run icons')).toBe(true);
  });
});
