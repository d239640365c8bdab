import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: resolve(root, 'tests/eslint.config.js') });

async function electronErrors(code: string, filePath: string): Promise<string[]> {
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
    expect(await electronErrors(valueImport, file)).toHaveLength(1);
  });

  it('allows type-only imports anywhere', async () => {
    expect(
      await electronErrors(
        "import type { WebContents } from 'electron';\nexport type W = WebContents;\n",
        'main/security.ts',
      ),
    ).toEqual([]);
  });

  it.each(['main/index.ts', 'main/window.ts', 'main/settings-store.ts', 'preload/index.ts'])(
    'allows it in the edge file %s',
    async (file) => {
      expect(await electronErrors(valueImport, file)).toEqual([]);
    },
  );
});
