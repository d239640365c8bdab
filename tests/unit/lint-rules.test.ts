import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: resolve(root, 'tests/eslint.config.js') });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('lint: Electron stays at the edge', () => {
  const valueImport = "import { app } from 'electron';\nexport const name = app.getName();\n";

  it.each([
    'db/queries/clients.ts',
    'main/handlers/clients.ts',
    'main/security.ts',
    'renderer/src/App.tsx',
    'preload/bridge.ts',
  ])('forbids a value import in %s', async (file) => {
    expect(await restrictedImports(valueImport, file)).toHaveLength(1);
  });

  it('allows type-only imports anywhere', async () => {
    expect(
      await restrictedImports(
        "import type { WebContents } from 'electron';\nexport type W = WebContents;\n",
        'main/security.ts',
      ),
    ).toEqual([]);
  });

  it.each(['main/index.ts', 'main/window.ts', 'main/settings-store.ts', 'preload/index.ts'])(
    'allows it in the edge file %s',
    async (file) => {
      expect(await restrictedImports(valueImport, file)).toEqual([]);
    },
  );
});

describe('lint: screens ask main through the query cache', () => {
  const bareCall = "import { call } from '../api';\nexport const load = () => call('sheets.list', {});\n";

  it.each(['renderer/src/sheets/SheetsPage.tsx', 'renderer/src/ui/useSave.ts'])(
    'forbids a bare call in %s',
    async (file) => {
      expect(await restrictedImports(bareCall, file)).toHaveLength(1);
    },
  );

  it('allows it in the query module, and the rest of the client anywhere', async () => {
    expect(
      await restrictedImports("import { call } from './api';\nexport const c = call;\n", 'renderer/src/query.ts'),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "import { KoersError, subscribe } from '../api';\nexport const k = [KoersError, subscribe];\n",
        'renderer/src/safety/LockGate.tsx',
      ),
    ).toEqual([]);
  });
});

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'koers/layers').map((m) => m.message);
}

describe('lint: imports follow the layers', () => {
  it.each([
    ['renderer/src/App.tsx', "import { registry } from '../../main/handlers';\nexport const r = registry;\n"],
    [
      'renderer/src/App.tsx',
      "import { listCaseload } from '../../db/queries/clients';\nexport const l = listCaseload;\n",
    ],
    ['db/queries/clients.ts', "import { openKoers } from '../../main/open-koers';\nexport const o = openKoers;\n"],
    ['main/cli.ts', "import { common } from '../renderer/src/format';\nexport const c = common;\n"],
    ['preload/bridge.ts', "import { registry } from '../main/handlers';\nexport const r = registry;\n"],
    ['common/rhythm.ts', "import { newId } from '../db/ids';\nexport const n = newId;\n"],
    ['common/rhythm.ts', "import { x } from '../../outside';\nexport const y = x;\n"],
    ['renderer/src/App.tsx', "export const load = () => import('../../main/handlers');\n"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await layerErrors(code, file)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/App.tsx', "import { METHODS } from '../../common/contract';\nexport const m = METHODS;\n"],
    ['db/queries/clients.ts', "import { plusDays } from '../../common/dates';\nexport const p = plusDays;\n"],
    ['main/cli.ts', "import { openConnection } from '../db/connection';\nexport const o = openConnection;\n"],
    ['common/rhythm.ts', "import { plusDays } from './dates';\nexport const p = plusDays;\n"],
    ['tests/unit/x.test.ts', "import { registry } from '../../main/handlers';\nexport const r = registry;\n"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await layerErrors(code, file)).toEqual([]);
  });
});
