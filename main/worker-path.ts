import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerScript {
  path: string;
  execArgv: string[];
}

/**
 * Where a worker thread's script is, seen from the module that starts it (its
 * `import.meta.url`). From the sources (tests, the command line under tsx) it is
 * the TypeScript file `<name>.ts` beside that module. In a build, main is one
 * bundle and each worker its own self-contained bundle, `workers/<name>.cjs`
 * beside it (see main/build/workers.ts). In the packaged app that folder lies
 * inside app.asar, from which a Worker cannot load its script, so the packager
 * unpacks it (electron-builder.yml `asarUnpack`) and the worker starts from
 * app.asar.unpacked.
 */
export function workerScript(
  moduleUrl: string,
  name: string,
  options: { windows: boolean } = { windows: process.platform === 'win32' },
): WorkerScript {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Not a worker name: ${name}`);
  const path = options.windows ? win32 : posix;
  const module = fileURLToPath(moduleUrl, { windows: options.windows });
  if (module.endsWith('.ts'))
    return { path: path.join(path.dirname(module), `${name}.ts`), execArgv: ['--import', 'tsx'] };
  const parts = path.join(path.dirname(module), 'workers', `${name}.cjs`).split(path.sep);
  // The archive is a whole path segment; the last one is the app's own.
  const archive = parts.lastIndexOf('app.asar');
  if (archive >= 0) parts[archive] = 'app.asar.unpacked';
  return { path: parts.join(path.sep), execArgv: [] };
}
