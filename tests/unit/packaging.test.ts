import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openConnection } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { bundleWorker, WORKERS } from '../../main/build/workers';
import { LIMITS } from '../../main/spreadsheets/problems';
import { workerScript } from '../../main/worker-path';
import { tempFolder } from '../helpers/temp';

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
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    main: string;
    productName: string;
    scripts: Record<string, string>;
  };

  it('names the app and builds every target: NSIS per user and MSI, dmg, AppImage and deb', () => {
    expect(config.appId).toBe('nl.koers.app');
    expect(config.productName).toBe('Koers');
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: false, allowElevation: false });
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml');
  });

  it('packs into asar with the SQLite native module and the worker bundles unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    // A Worker cannot load its script from inside app.asar; main/worker-path.ts finds them here.
    expect(config.asarUnpack).toContain('out/main/workers/**');
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

  it('carries none of the team server’s packages: the installer packs `dependencies`, the server’s are dev ones', () => {
    const { dependencies, devDependencies } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const packagesOf = (folders: readonly string[]) =>
      new Set(
        folders.flatMap((folder) =>
          (readdirSync(resolve(root, folder), { recursive: true, encoding: 'utf8' }) as string[])
            .filter((file) => file.endsWith('.ts'))
            .flatMap((file) =>
              [
                ...readFileSync(resolve(root, folder, file), 'utf8').matchAll(/from '((?:@[\w.-]+\/)?[\w.-]+)[^']*'/g),
              ].map((m) => m[1] ?? ''),
            )
            .filter((name) => !name.startsWith('.') && !name.startsWith('node:')),
        ),
      );
    const app = packagesOf(['main', 'db', 'common', 'preload']);
    const serverOnly = [...packagesOf(['server'])].filter((name) => !app.has(name));
    expect(serverOnly).toContain('fastify');
    for (const name of serverOnly) {
      expect(dependencies, name).not.toHaveProperty(name);
      expect(devDependencies, name).toHaveProperty(name);
    }
  });

  it('takes the icon from the one generated from main/build/icon.svg', () => {
    expect(config.directories.buildResources).toBe('main/build');
    expect(config.icon).toBe('main/build/icon.png');
    expect(readFileSync(resolve(root, 'main/build/icon.svg'), 'utf8')).toContain('<svg');
    expect(pkg.scripts.icons).toBe('tsx main/build/make-icons.ts');
    expect(pkg.scripts.dist?.startsWith('npm run icons')).toBe(true);
  });
});

describe('worker bundles', () => {
  it('main’s build writes every worker bundle into out/main/workers', async () => {
    const { default: config } = (await import('../../main/build.config')) as {
      default: { main?: { plugins?: Array<{ name?: string }> } };
    };
    expect(config.main?.plugins?.map((plugin) => plugin.name)).toContain('koers:workers');
  });

  it('the spreadsheet worker runs from app.asar.unpacked, where no node_modules can be reached', async () => {
    expect(Object.keys(WORKERS)).toContain('read-worker');
    const temp = tempFolder('koers-packaged-');
    try {
      const main = join(temp.path, 'resources', 'app.asar', 'out', 'main');
      mkdirSync(main, { recursive: true });
      const script = workerScript(pathToFileURL(join(main, 'index.js')).href, 'read-worker');
      expect(script.path).toBe(
        join(temp.path, 'resources', 'app.asar.unpacked', 'out', 'main', 'workers', 'read-worker.cjs'),
      );
      const workers = join(temp.path, 'resources', 'app.asar.unpacked', 'out', 'main', 'workers');
      mkdirSync(workers, { recursive: true });
      expect(() => createRequire(join(workers, 'x.cjs')).resolve('exceljs')).toThrow();
      await bundleWorker('read-worker', root, workers);
      const reply = await new Promise((done, failed) => {
        const worker = new Worker(script.path, {
          execArgv: script.execArgv,
          workerData: { path: resolve(root, 'tests/fixtures/spreadsheets/caseload-da.xlsx'), limits: LIMITS },
        });
        worker.once('message', (message) => {
          done(message);
          void worker.terminate();
        });
        worker.once('error', failed);
      });
      expect(reply).toMatchObject({ ok: true, workbook: { worksheets: [{ name: 'Borgere' }] } });
    } finally {
      temp.cleanup();
    }
  }, 120_000);

  it('the backup check runs from app.asar.unpacked with only better-sqlite3 (unpacked whole) beside it', async () => {
    const temp = tempFolder('koers-packaged-');
    try {
      const resources = join(temp.path, 'resources');
      const script = workerScript(
        pathToFileURL(join(resources, 'app.asar', 'out', 'main', 'index.js')).href,
        'backup-check-worker',
      );
      const workers = join(resources, 'app.asar.unpacked', 'out', 'main', 'workers');
      mkdirSync(workers, { recursive: true });
      // What asarUnpack puts there: better-sqlite3's package, nothing else of node_modules.
      mkdirSync(join(resources, 'app.asar.unpacked', 'node_modules'));
      symlinkSync(
        resolve(root, 'node_modules/better-sqlite3'),
        join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3'),
        'dir',
      );
      expect(() => createRequire(join(workers, 'x.cjs')).resolve('kysely')).toThrow();
      await bundleWorker('backup-check-worker', root, workers);
      const backup = join(temp.path, 'backup.sqlite');
      const connection = openConnection(backup);
      await migrateToLatest(connection);
      await connection.close();
      const reply = await new Promise((done, failed) => {
        const worker = new Worker(script.path, {
          execArgv: script.execArgv,
          workerData: { path: backup, databaseId: null, upgrade: false },
        });
        worker.once('message', (message) => {
          done(message);
          void worker.terminate();
        });
        worker.once('error', failed);
      });
      expect(reply).toMatchObject({ usable: true, contents: { clients: 0, scorings: 0, notes: 0 } });
    } finally {
      temp.cleanup();
    }
  }, 120_000);
});
