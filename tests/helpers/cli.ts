import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's root: where `npm run koers` runs. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** `npm run koers --` without npm: Node with tsx on main/cli.ts. */
export const CLI_ARGS = ['--import', 'tsx', join(ROOT, 'main/cli.ts')];
/** English messages, whatever the machine's language. */
export const CLI_ENV = { ...process.env, LANG: 'en_GB.UTF-8' };

/** Runs `npm run koers -- …` as IT staff would (through tsx, without npm's banner). */
export async function koersCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, env: CLI_ENV });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
