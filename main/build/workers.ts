import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/**
 * The worker threads' entry files, by the name main/worker-path.ts finds them under.
 * Each becomes one self-contained file `out/main/workers/<name>.cjs` with every
 * dependency inside: in the packaged app it runs from app.asar.unpacked, where
 * no node_modules can be reached (electron-builder.yml unpacks `out/main/workers/**`).
 */
export const WORKERS = {
  'read-worker': 'main/spreadsheets/read-worker.ts',
  'backup-check-worker': 'main/safety/backup-check-worker.ts',
} as const satisfies Record<string, string>;

/**
 * Left out of the bundles: better-sqlite3 loads its native module from its own
 * folder, and the packager unpacks the whole package (asarUnpack), so a worker in
 * app.asar.unpacked finds it in app.asar.unpacked/node_modules.
 */
const NOT_BUNDLED = ['better-sqlite3'];

/**
 * Bundles one worker into `folder/<name>.cjs`; CommonJS, as no package.json beside it
 * says "module". `root` is the repository (this file is inlined into the build config).
 */
export async function bundleWorker(name: keyof typeof WORKERS, root: string, folder: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: resolve(root, WORKERS[name]),
      outDir: folder,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      target: 'node22',
      rolldownOptions: { output: { format: 'cjs', entryFileNames: `${name}.cjs`, codeSplitting: false } },
    },
    ssr: { target: 'node', noExternal: true, external: NOT_BUNDLED },
  });
}

/** For main's build: after main's bundle is written, bundle every worker into `folder`. */
export function workerBundles(root: string, folder: string): Plugin {
  return {
    name: 'koers:workers',
    apply: 'build',
    async closeBundle() {
      for (const name of Object.keys(WORKERS) as (keyof typeof WORKERS)[]) await bundleWorker(name, root, folder);
    },
  };
}
