import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS } from '../../common/contract';
import { createFileLog, errorForLog } from '../../main/log';
import { fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

const CANARY = 'Canaryvoornaam';
const CANARY_NOTE = 'CANARYNOTE';

function logText(folder: string): string {
  return readdirSync(folder)
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .join('\n');
}

describe('main-process log', () => {
  it('rotates at the size cap and keeps three old files', () => {
    const temp = tempFolder();
    const log = createFileLog(temp.path, { maxBytes: 2_000, keep: 3 });
    for (let i = 0; i < 200; i++) log.write('info', 'test', `line ${i} ${'x'.repeat(40)}`);
    expect(readdirSync(temp.path).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const name of readdirSync(temp.path)) expect(statSync(join(temp.path, name)).size).toBeLessThanOrEqual(2_000);
    expect(readFileSync(join(temp.path, 'main.log'), 'utf8')).toContain('line 199');
    temp.cleanup();
  });

  it.skipIf(process.platform === 'win32')(
    'keeps the log folder and its files to the user only, also ones an older Koers left open',
    () => {
      const temp = tempFolder();
      const folder = join(temp.path, 'logs');
      mkdirSync(folder, { mode: 0o755 });
      chmodSync(folder, 0o755);
      writeFileSync(join(folder, 'main.log'), 'old line\n', { mode: 0o644 });
      writeFileSync(join(folder, 'main.1.log'), 'older line\n', { mode: 0o644 });
      const log = createFileLog(folder, { maxBytes: 200, keep: 3 });
      for (let i = 0; i < 20; i++) log.write('info', 'test', `line ${i}`);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(readdirSync(folder).length).toBe(4);
      for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).mode & 0o777, name).toBe(0o600);
      temp.cleanup();
    },
  );

  it('keeps an error’s kind and place, never its message', () => {
    const error = new TypeError(`bad value ${CANARY}`);
    const text = errorForLog(error);
    expect(text).toMatch(/^TypeError \| at /);
    expect(text).not.toContain(CANARY);
  });
});

describe('no personal data in the log', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    const desktop = fakeDesktop(async () => {
      throw new Error(`printing failed for ${CANARY} ${CANARY_NOTE}`);
    });
    koers = await openTestKoers({ desktop });
    await setUp(koers, `${CANARY} Beheerder`);
  });
  afterEach(() => koers.cleanup());

  it('feeds the canary through every handler, valid and invalid, and through internal errors: none of it reaches the log', async () => {
    const client = await createClient(koers, {
      firstName: CANARY,
      lastName: 'Canaryachternaam',
      reference: 'CANARY-1',
      email: 'canary@example.org',
    });
    await ok(
      koers.call('notes.create', {
        clientId: client.id,
        kind: 'conversation',
        notedAt: '2026-11-20T10:15',
        body: `${CANARY_NOTE} ${CANARY}`,
      }),
    );
    // An internal error whose message holds the canary.
    (koers.desktop as ReturnType<typeof fakeDesktop>).saveAs = join(koers.folder, 'r.pdf');
    expect(await koers.call('reports.progressPdf', { clientId: client.id, pseudonymised: false })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    // Every method with inputs full of canaries: most are refused, some run.
    const canaryInput = {
      id: client.id,
      clientId: client.id,
      name: CANARY,
      firstName: CANARY,
      lastName: CANARY,
      reference: CANARY,
      text: CANARY,
      body: `${CANARY_NOTE} ${CANARY}`,
      title: CANARY,
      search: CANARY,
      query: CANARY,
      pin: CANARY,
      confirm: CANARY,
    };
    for (const method of METHODS) {
      if (method === 'privacy.eraseClient' || method === 'lock.lock') continue;
      await koers.dispatch(method, canaryInput);
      await koers.dispatch(method, { ...canaryInput, unexpected: CANARY });
    }
    await ok(koers.call('clients.list', { status: 'all', search: CANARY }));
    await ok(koers.call('notes.search', { text: CANARY_NOTE }));
    expect(koers.internalErrors.length).toBeGreaterThan(0);
    const text = logText(koers.context.log.folder);
    expect(text).toContain('ERROR [rpc] reports.progressPdf failed');
    for (const secret of [CANARY, CANARY_NOTE, 'Canaryachternaam', 'CANARY-1', 'canary@example.org'])
      expect(text).not.toContain(secret);
  });

  it('opens the log folder for support', async () => {
    expect(await ok(koers.call('app.openLogFolder', {}))).toEqual({ folder: koers.context.log.folder });
    expect((koers.desktop as ReturnType<typeof fakeDesktop>).opened).toEqual([koers.context.log.folder]);
  });
});
