import { describe, expect, it } from 'vitest';
import { workerScript } from '../../main/worker-path';

describe('where a worker script is', () => {
  it('from the sources (tests, the command line under tsx): the TypeScript file beside the caller, run through tsx', () => {
    expect(
      workerScript('file:///home/jan/koers/main/spreadsheets/read-in-worker.ts', 'read-worker', { windows: false }),
    ).toEqual({
      path: '/home/jan/koers/main/spreadsheets/read-worker.ts',
      execArgv: ['--import', 'tsx'],
    });
  });

  it('in a build that is not packed (electron-vite preview): its own bundle in workers/ beside main’s bundle', () => {
    expect(workerScript('file:///home/jan/koers/out/main/index.js', 'read-worker', { windows: false })).toEqual({
      path: '/home/jan/koers/out/main/workers/read-worker.cjs',
      execArgv: [],
    });
  });

  it('in the packaged app: outside the asar archive, in app.asar.unpacked (a Worker cannot load a script from inside the archive)', () => {
    expect(
      workerScript('file:///opt/Koers/resources/app.asar/out/main/index.js', 'read-worker', { windows: false }).path,
    ).toBe('/opt/Koers/resources/app.asar.unpacked/out/main/workers/read-worker.cjs');
    expect(
      workerScript('file:///Applications/Koers.app/Contents/Resources/app.asar/out/main/index.js', 'inspect-worker', {
        windows: false,
      }).path,
    ).toBe('/Applications/Koers.app/Contents/Resources/app.asar.unpacked/out/main/workers/inspect-worker.cjs');
    expect(
      workerScript(
        'file:///C:/Users/Fenna%20de%20Wit/AppData/Local/Programs/Koers/resources/app.asar/out/main/index.js',
        'read-worker',
        { windows: true },
      ).path,
    ).toBe(
      'C:\\Users\\Fenna de Wit\\AppData\\Local\\Programs\\Koers\\resources\\app.asar.unpacked\\out\\main\\workers\\read-worker.cjs',
    );
  });

  it('changes only the archive itself: a folder merely named like it stays', () => {
    expect(
      workerScript('file:///home/jan/app.asar.d/Koers/resources/app.asar/out/main/index.js', 'read-worker', {
        windows: false,
      }).path,
    ).toBe('/home/jan/app.asar.d/Koers/resources/app.asar.unpacked/out/main/workers/read-worker.cjs');
    expect(
      workerScript('file:///home/jan/my.app.asar/koers/out/main/index.js', 'read-worker', { windows: false }).path,
    ).toBe('/home/jan/my.app.asar/koers/out/main/workers/read-worker.cjs');
  });

  it('accepts only a plain worker name', () => {
    expect(() =>
      workerScript('file:///opt/Koers/resources/app.asar/out/main/index.js', '../evil', { windows: false }),
    ).toThrow();
  });
});
