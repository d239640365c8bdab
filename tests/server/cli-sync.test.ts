import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE_SIGN_IN_FILE_NAME, SIGN_IN_FILE_NAME } from '../../main/open-koers';
import { CLI_ARGS, CLI_ENV, koersCli, ROOT } from '../helpers/cli';
import { fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { ok, setUp, statusWhen } from '../helpers/seed';
import { browserPicking } from './oidc';
import { PEOPLE } from './rls-seed';
import { type RunningServer, startServer, startTeamStack, type TeamStack } from './team-stack';

/**
 * `npm run koers -- sync --db FILE` (issue 18, Must have 10): a team's copy signs in once for the
 * command line (its own sign-in, beside the app's encrypted one), then one push and pull runs
 * unattended, e.g. before a scripted export. Each command is a fresh Node process, as IT runs it.
 */

let stack: TeamStack;
let server: RunningServer;
const open: TestKoers[] = [];

beforeAll(async () => {
  stack = await startTeamStack('cli_sync');
  server = await startServer(stack);
}, 120_000);
afterEach(async () => {
  for (const koers of open.splice(0)) await koers.cleanup();
});
afterAll(async () => {
  await server?.close();
  await stack?.close();
});

/** `sign-in`: the command prints the provider's address; "the browser" signs in there as `subject`. */
async function signInOnCommandLine(databasePath: string, subject: string) {
  const child = spawn(process.execPath, [...CLI_ARGS, 'sign-in', '--db', databasePath], { cwd: ROOT, env: CLI_ENV });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const browsed = new Promise<void>((resolveBrowsed, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /https?:\/\/\S+\/auth\S*/.exec(stdout)?.[0];
      if (url && !stdout.includes('#browsed')) {
        stdout += '#browsed';
        browserPicking(subject)(url).then(resolveBrowsed, reject);
      }
    });
  });
  const code = await new Promise<number>((resolveCode) => child.on('close', (c) => resolveCode(c ?? 1)));
  await browsed;
  return { code, stdout, stderr };
}

describe('the command line on a team’s copy', () => {
  it(
    'signs in once, then syncs unattended before an export; refuses without a sign-in or a team',
    { timeout: 180_000 },
    async () => {
      const desktop = fakeDesktop();
      desktop.browser = browserPicking(PEOPLE.caseworkerA.subject);
      const koers = await openTestKoers({ desktop });
      open.push(koers);
      await setUp(koers);
      await ok(koers.call('sync.join', { serverUrl: server.url }));
      // Written in the app while offline from the server's view: waits in the outbox.
      await ok(koers.call('sync.signOut', {}));
      await statusWhen(koers, (s) => s.problem === 'signed-out' && !s.syncing);
      await ok(
        koers.call('notes.create', {
          clientId: 'cwA-client',
          kind: 'conversation',
          notedAt: '2026-12-07T18:00',
          body: 'Na het huisbezoek',
        }),
      );
      await koers.close();

      // Not signed in for the command line: it says how, and sends nothing.
      const refused = await koersCli('sync', '--db', koers.databasePath);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('npm run koers -- sign-in --db FILE');

      const signedIn = await signInOnCommandLine(koers.databasePath, PEOPLE.caseworkerA.subject);
      expect(signedIn.code, signedIn.stderr).toBe(0);
      expect(signedIn.stdout).toContain('Signed in to team Team A');
      // Its own file, readable by this user only; the app's encrypted file is another.
      const file = join(koers.folder, COMMAND_LINE_SIGN_IN_FILE_NAME);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(COMMAND_LINE_SIGN_IN_FILE_NAME).not.toBe(SIGN_IN_FILE_NAME);

      // A colleague's change on the server comes in; the waiting note goes up.
      const synced = await koersCli('sync', '--db', koers.databasePath);
      expect(synced.code, synced.stderr).toBe(0);
      expect(synced.stdout).toMatch(/Synchronised with team Team A: 1 changes sent, \d+ received\./);
      const { rows } = await sql<{ body: string }>`select body from note where body = 'Na het huisbezoek'`.execute(
        stack.owner,
      );
      expect(rows).toHaveLength(1);
      // ...and a scripted export runs on what the sync brought.
      const out = join(koers.folder, 'caseload.csv');
      const exported = await koersCli('export-caseload', '--db', koers.databasePath, '--out', out, '--pseudonymize');
      expect(exported.code, exported.stderr).toBe(0);

      // Signed out again, it refuses as before.
      expect((await koersCli('sign-out', '--db', koers.databasePath)).code).toBe(0);
      expect((await koersCli('sync', '--db', koers.databasePath)).code).toBe(1);

      // A database that works alone is no team's copy.
      const alone = await openTestKoers();
      open.push(alone);
      await setUp(alone);
      await alone.close();
      const lonely = await koersCli('sync', '--db', alone.databasePath);
      expect(lonely.code).toBe(1);
      expect(lonely.stderr).toContain('works alone');
    },
  );
});
