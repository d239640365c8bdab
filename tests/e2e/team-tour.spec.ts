import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Demo, startDemo } from '../../server/demo/demo';
import { type Proxy, startProxy } from '../server/team-stack';
import type { FakeDesktop } from '../helpers/fake-desktop';
import { createClient, ok } from '../helpers/seed';
import { expect, noViolations, test } from './fixtures';
import { anotherLaptop, joinTeam, shootTeam, teamTexts } from './team-laptops';

/**
 * The team at work, end to end in Chromium (issue 18, Proof): the demo's team server and sign-in,
 * laptops as separate databases and windows. A caseworker's scoring reaches the key person's team
 * view and export; a sheet's new version is scored with; a handover moves the client with its
 * notes and leaves no trace in the giver's file; a day of changes made offline arrives once.
 */

let demo: Demo;
/** Sanne's network: her laptop reaches the server through it, and it can go away. */
let network: Proxy;
test.beforeAll(async () => {
  demo = await startDemo({ language: 'nl' });
  network = await startProxy(Number(new URL(demo.url).port));
});
test.afterAll(async () => {
  await network?.close();
  await demo?.close();
});

test('a scoring reaches the key person, a new sheet version is scored with, a handover leaves no trace, 50 offline changes arrive once', async ({
  app,
  browser,
}) => {
  test.setTimeout(240_000);
  const t = teamTexts('nl');
  const synced = async (koers: typeof app.koers) => {
    await ok(koers.call('sync.now', {}));
    await expect
      .poll(
        async () => {
          const status = await ok(koers.call('sync.status', {}));
          return status.problem === null && !status.syncing && status.waiting === 0;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
  };

  await ok(app.koers.call('setup.complete', { language: 'nl', name: 'Sanne', role: 'caseworker', demo: false }));
  await app.page.reload();
  await joinTeam(app.page, app.browserTab, {
    language: 'nl',
    person: 'Sanne Bakker',
    serverUrl: `http://127.0.0.1:${network.port}`,
    issuer: demo.issuer,
  });
  const sanne = app.koers.settings.get('currentCaseworkerId')!;
  const anneke = await anotherLaptop(browser, app.url);
  const jonas = await anotherLaptop(browser, app.url);
  const sanneAgain = await anotherLaptop(browser, app.url);
  try {
    for (const [laptop, person] of [
      [anneke, 'Anneke de Vries'],
      [jonas, 'Jonas Kristensen'],
    ] as const) {
      await ok(laptop.koers.call('setup.complete', { language: 'nl', name: person, role: 'caseworker', demo: false }));
      await laptop.page.reload();
      await joinTeam(laptop.page, laptop.browserTab, {
        language: 'nl',
        person,
        serverUrl: demo.url,
        issuer: demo.issuer,
      });
    }

    // The key person publishes the team's sheet; Sanne scores her client with it.
    const sheet = await ok(anneke.koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    const first = (await ok(anneke.koers.call('sheets.publish', { id: sheet.id }))).published!;
    await synced(anneke.koers);
    await synced(app.koers);
    const mila = await createClient(app.koers, { firstName: 'Mila', lastName: 'Visser', caseworkerId: sanne });
    /** Sanne scores Mila with `version`, every indicator at `value`, and syncs. */
    const score = async (version: typeof first, date: string, value: number) => {
      await ok(
        app.koers.call('scorings.create', {
          clientId: mila.id,
          versionId: version.id,
          date,
          scoredBy: 'together',
          scores: version.indicators.map((i) => ({ indicatorId: i.id, value, comment: null })),
        }),
      );
      await synced(app.koers);
    };
    await score(first, '2026-11-02', 2);

    // A new version of the sheet (a level described anew), published on the key person's laptop...
    const edited = await ok(anneke.koers.call('sheets.edit', { id: sheet.id }));
    await ok(
      anneke.koers.call('sheets.saveDraft', {
        sheetId: sheet.id,
        name: edited.name,
        description: edited.description ?? '',
        targetGroupIds: [],
        indicators: edited.draft!.indicators.map(({ key, name, description, scaleMin, scaleMax, levels }) => ({
          key,
          name,
          description,
          scaleMin,
          scaleMax,
          levels: levels.map(({ value, label, description }) => ({
            value,
            label: value === 4 ? `${label} (ook vrijwilligerswerk)` : label,
            description,
          })),
        })),
      }),
    );
    const second = (await ok(anneke.koers.call('sheets.publish', { id: sheet.id }))).published!;
    expect(second.number).toBe(2);
    await synced(anneke.koers);
    // ...is what Sanne scores with after her next sync.
    await synced(app.koers);
    await app.page.goto(`${app.url}#/clients/${mila.id}/score`);
    await app.page.getByLabel('Scorelijst').selectOption({ label: `${sheet.name}, versie 2` });
    await expect(app.page.getByText('ook vrijwilligerswerk').first()).toBeVisible();
    await shootTeam(app.page, 'tour-new-version-nl');
    await score(second, '2026-12-07', 4);

    // The key person's team view and scores export have both scorings after her sync.
    await synced(anneke.koers);
    await anneke.page.goto(`${app.url}#/team`);
    await anneke.page.getByLabel('Scorelijst').selectOption({ label: sheet.name });
    const change = anneke.page.getByRole('table', { name: 'Verandering per indicator' });
    const participation = change.getByRole('row', { name: /Participatie/ });
    await expect(participation).toContainText('1');
    await expect(participation).toContainText('+2,0');
    await shootTeam(anneke.page, 'tour-team-view-nl');
    await noViolations(anneke.page);
    (anneke.koers.desktop as FakeDesktop).saveAs = join(anneke.koers.folder, 'scores.csv');
    const exported = await ok(
      anneke.koers.call('exports.scores', { format: 'long', fileType: 'csv', sheetId: sheet.id, pseudonymised: true }),
    );
    expect(exported.rows).toBe(2);
    const csv = readFileSync(exported.path!, 'utf8');
    expect(csv).toContain(mila.pseudonym);
    expect(csv).not.toContain('Visser');

    // A handover: Mila goes to Jonas with her notes; Sanne's file keeps nothing of her.
    const secret = `Vertrouwelijk ${randomUUID()}`;
    await ok(
      app.koers.call('notes.create', {
        clientId: mila.id,
        kind: 'conversation',
        notedAt: '2026-12-07T10:00',
        body: secret,
      }),
    );
    await app.page.goto(`${app.url}#/clients/${mila.id}`);
    await app.page.getByRole('button', { name: 'Overdragen' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Overdragen aan een andere klantmanager' });
    await dialog.getByLabel('Nieuwe klantmanager').selectOption({ label: 'Jonas Kristensen' });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(app.page.getByText('1 klant overgedragen.')).toBeVisible();
    await synced(app.koers);
    await expect
      .poll(async () => (await app.koers.connection.db.selectFrom('client').select('id').execute()).length, {
        timeout: 20_000,
      })
      .toBe(0);
    const onDisk = Buffer.concat(
      [app.koers.databasePath, `${app.koers.databasePath}-wal`].filter(existsSync).map((p) => readFileSync(p)),
    );
    expect(onDisk.includes(Buffer.from('Visser'))).toBe(false);
    expect(onDisk.includes(Buffer.from(secret))).toBe(false);
    await synced(jonas.koers);
    await jonas.page.goto(`${app.url}#/clients/${mila.id}`);
    await expect(jonas.page.getByText(secret)).toBeVisible();

    // A day offline: 50 changes wait, the status line says so, and all arrive once when the network is back.
    const bo = await createClient(app.koers, { firstName: 'Bo', lastName: 'Dam', caseworkerId: sanne });
    await synced(app.koers);
    const serverPort = network.target;
    network.target = 9; // nothing listens there: the network is gone
    network.dropConnections();
    for (let n = 1; n <= 50; n++)
      await ok(
        app.koers.call('notes.create', {
          clientId: bo.id,
          kind: 'conversation',
          notedAt: '2026-12-07T11:00',
          body: `Onderweg ${n}`,
        }),
      );
    await ok(app.koers.call('sync.now', {}));
    await app.page.goto(`${app.url}#/`);
    await expect(app.page.locator('.sync-status')).toContainText(t.status.offline, { timeout: 20_000 });
    await expect(app.page.locator('.sync-status')).toContainText(t.status.waiting_other.replace('{{count}}', '50'));
    await shootTeam(app.page, 'tour-offline-nl');
    network.target = serverPort;
    await synced(app.koers);

    // Her caseload back on a new laptop by signing in: every one of the 50 notes, once.
    await ok(
      sanneAgain.koers.call('setup.complete', { language: 'nl', name: 'Sanne', role: 'caseworker', demo: false }),
    );
    await sanneAgain.page.reload();
    await joinTeam(sanneAgain.page, sanneAgain.browserTab, {
      language: 'nl',
      person: 'Sanne Bakker',
      serverUrl: demo.url,
      issuer: demo.issuer,
    });
    const bodies = (
      await sanneAgain.koers.connection.db.selectFrom('note').select('body').where('client_id', '=', bo.id).execute()
    ).map((n) => n.body);
    expect(bodies).toHaveLength(50);
    expect(new Set(bodies).size).toBe(50);
  } finally {
    for (const laptop of [anneke, jonas, sanneAgain]) await laptop.close();
  }
});
