import type { Page } from '@playwright/test';
import type { Language } from '../../common/languages';
import { messages as firstRun } from '../../renderer/src/firstrun/messages';
import { type Demo, startDemo } from '../../server/demo/demo';
import { DEMO_TEXTS } from '../../server/demo/demo-texts';
import { createClient, ok } from '../helpers/seed';
import { expect, noViolations, test } from './fixtures';
import { anotherLaptop, joinTeam, shootTeam, teamTexts } from './team-laptops';

/**
 * Joining a team from Settings › Team (issue 18), end to end in Chromium: the team server of
 * `team-server demo` (PostgreSQL in process, its policies, its sign-in on loopback), the sign-in
 * in a browser tab as the system browser would show it, two laptops as separate databases and
 * windows.
 */

let demo: Demo;
test.beforeAll(async () => {
  demo = await startDemo({ language: 'nl' });
});
test.afterAll(async () => {
  await demo?.close();
});

/** Settings › Team on the demo server, as `person`. */
const join = (page: Page, browserTab: () => Page | undefined, language: Language, person: string) =>
  joinTeam(page, browserTab, { language, person, serverUrl: demo.url, issuer: demo.issuer });

test('a caseworker joins her team by signing in in the browser; her new client reaches the key person’s laptop', async ({
  app,
  browser,
}) => {
  const t = teamTexts('nl');
  await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Sanne (alleen)', role: 'caseworker', demo: false }),
  );
  await app.page.reload();
  // Alone: the status line is not there, nor a team's "data as of", and Settings offers to join.
  await app.page.goto(`${app.url}#/meeting`);
  await expect(app.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(app.page.getByTestId('data-as-of')).toHaveCount(0);
  await expect(app.page.locator('.sync-status')).toHaveCount(0);
  await app.page.goto(`${app.url}#/settings`);
  await expect(app.page.getByText(t.settings.alone)).toBeVisible();
  await shootTeam(app.page, 'join-nl');
  await noViolations(app.page);

  await join(app.page, app.browserTab, 'nl', 'Sanne Bakker');
  const member = app.page.getByText(t.settings.member.split('{{team}}')[0]!, { exact: false });
  await expect(member).toContainText(t.roles.caseworker);
  await expect(app.page.locator('.sync-status')).toContainText(t.status.synced.replace('{{ago}}', t.status.justNow));
  // She works as the team's caseworker now.
  await expect(app.page.locator('.brand-tagline')).toContainText('Sanne Bakker');
  // ...and cannot switch to a colleague on this laptop.
  await expect(app.page.getByRole('combobox', { name: 'Klantmanager' })).toHaveCount(0);
  await shootTeam(app.page, 'member-nl');
  await noViolations(app.page);

  // A new client of hers goes to the team server.
  const sanne = app.koers.settings.get('currentCaseworkerId')!;
  await createClient(app.koers, { firstName: 'Mila', lastName: 'Visser', caseworkerId: sanne });
  await app.page.getByRole('button', { name: t.settings.syncNow }).click();
  await expect(app.page.locator('.sync-status')).not.toContainText(t.status.waiting_one.replace('{{count}}', '1'));
  await expect.poll(async () => (await ok(app.koers.call('sync.status', {}))).waiting).toBe(0);

  // The key person joins on her own laptop and finds the client in the team's caseload.
  const anneke = await anotherLaptop(browser, app.url);
  try {
    await ok(anneke.koers.call('setup.complete', { language: 'nl', name: 'Anneke', role: 'key_person', demo: false }));
    await anneke.page.reload();
    await join(anneke.page, anneke.browserTab, 'nl', 'Anneke de Vries');
    await anneke.page.goto(`${app.url}#/caseload`);
    await anneke.page.getByLabel('Van wie').selectOption({ label: 'Sanne Bakker' });
    await expect(anneke.page.getByRole('row', { name: /Visser, Mila/ })).toBeVisible();
    // Her team's figures say what they are as of: the team view, coverage, the meeting and the exports.
    const asOf = t.asOf.at.split('{{date}}')[0]!.replace('{{team}}', 'Demoteam');
    for (const page of ['team', 'coverage', 'meeting', 'spreadsheets']) {
      await anneke.page.goto(`${app.url}#/${page}`);
      await expect(anneke.page.getByTestId('data-as-of')).toContainText(asOf);
    }
    await anneke.page.goto(`${app.url}#/coverage`);
    await shootTeam(anneke.page, 'coverage-as-of-nl');

    // Sanne's client is read-only on Anneke's laptop, but for handing it over.
    const mila = await anneke.koers.connection.db
      .selectFrom('client')
      .select('id')
      .where('last_name', '=', 'Visser')
      .executeTakeFirstOrThrow();
    await anneke.page.goto(`${app.url}#/clients/${mila.id}`);
    await expect(anneke.page.getByTestId('colleagues-client')).toContainText('Sanne Bakker');
    await expect(anneke.page.getByRole('button', { name: 'Notitie schrijven' })).toHaveCount(0);
    await expect(anneke.page.getByRole('button', { name: 'Nu scoren' })).toHaveCount(0);
    await shootTeam(anneke.page, 'colleagues-client-nl');
    await noViolations(anneke.page);
    await anneke.page.getByRole('button', { name: 'Overdragen' }).click();
    const dialog = anneke.page.getByRole('dialog', { name: 'Overdragen aan een andere klantmanager' });
    await dialog.getByLabel('Nieuwe klantmanager').selectOption({ label: 'Jonas Kristensen' });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(anneke.page.getByText('1 klant overgedragen.')).toBeVisible();
    await expect(anneke.page.getByTestId('colleagues-client')).toContainText('Jonas Kristensen');
    await ok(anneke.koers.call('sync.now', {}));
    await expect
      .poll(async () => (await ok(anneke.koers.call('sync.status', {}))).waiting, { timeout: 15_000 })
      .toBe(0);
    expect((await ok(anneke.koers.call('sync.status', {}))).notices).toBe(0);
    // Sanne's laptop lets the client go at its next pull.
    await ok(app.koers.call('sync.now', {}));
    await expect
      .poll(
        async () =>
          (await app.koers.connection.db.selectFrom('client').select('last_name').execute()).map((c) => c.last_name),
        {
          timeout: 15_000,
        },
      )
      .not.toContain('Visser');
  } finally {
    await anneke.close();
  }
});

test('signing out shows in the status line and waits; leaving asks first, then the team’s data is gone', async ({
  app,
}) => {
  const t = teamTexts('nl');
  await ok(app.koers.call('setup.complete', { language: 'nl', name: 'Mette', role: 'caseworker', demo: false }));
  await app.page.reload();
  await join(app.page, app.browserTab, 'nl', 'Mette Sørensen');
  const mette = app.koers.settings.get('currentCaseworkerId')!;
  await createClient(app.koers, { firstName: 'Jens', lastName: 'Holm', caseworkerId: mette });
  await expect.poll(async () => (await ok(app.koers.call('sync.status', {}))).waiting).toBe(0);

  await app.page.getByRole('button', { name: t.settings.signOut }).click();
  await expect(app.page.getByRole('status').filter({ hasText: t.settings.signedOut })).toBeVisible();
  await createClient(app.koers, { firstName: 'Ida', lastName: 'Lund', caseworkerId: mette });
  await app.page.getByRole('button', { name: t.settings.signIn }).focus();
  await expect(app.page.locator('.sync-status')).toContainText(t.status['signed-out']);
  await shootTeam(app.page, 'signed-out-nl');

  // Leaving: the dialog says what goes, and that a change not yet sent is lost.
  await app.page.getByRole('button', { name: t.settings.leave }).click();
  const dialog = app.page.getByRole('dialog');
  await expect(dialog).toContainText(t.settings.leaveLoses_one.replace('{{count}}', '1'));
  await noViolations(app.page);
  await shootTeam(app.page, 'leave-nl');
  await dialog.getByRole('button', { name: t.settings.leaveConfirm }).click();
  // Nothing of the team is left, its caseworkers neither: Koers starts as new.
  await expect(app.page.getByRole('heading', { name: firstRun.nl.title })).toBeVisible();
  expect(await app.koers.connection.db.selectFrom('client').select('id').execute()).toEqual([]);

  // The first-run screen offers the team too: she joins again from there, and her clients come back.
  await expect(app.page.getByRole('heading', { name: firstRun.nl.team.title })).toBeVisible();
  await noViolations(app.page);
  await shootTeam(app.page, 'first-run-nl');
  await app.page.getByLabel(t.settings.server).fill(demo.url);
  await app.page.getByRole('button', { name: t.settings.join }).click();
  // The provider still knows her from the first sign-in in this browser: no page to pick from this time.
  await expect(app.page.locator('.brand-tagline')).toContainText('Mette Sørensen');
  await app.page.goto(`${app.url}#/caseload`);
  await expect(app.page.getByRole('row', { name: /Holm, Jens/ })).toBeVisible();
  // The change she made signed out was lost by leaving, as the dialog said.
  await expect(app.page.getByRole('row', { name: /Lund, Ida/ })).toHaveCount(0);
});

test('the same client changed on two laptops: the second sees both versions and keeps hers, which reaches the first', async ({
  app,
  browser,
}) => {
  const t = teamTexts('nl');
  await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Jonas op kantoor', role: 'caseworker', demo: false }),
  );
  await app.page.reload();
  await join(app.page, app.browserTab, 'nl', 'Jonas Kristensen');
  const jonas = app.koers.settings.get('currentCaseworkerId')!;
  const client = await createClient(app.koers, { firstName: 'Bo', lastName: 'Dam', caseworkerId: jonas });
  await expect.poll(async () => (await ok(app.koers.call('sync.status', {}))).waiting).toBe(0);

  const home = await anotherLaptop(browser, app.url);
  try {
    await ok(
      home.koers.call('setup.complete', { language: 'nl', name: 'Jonas thuis', role: 'caseworker', demo: false }),
    );
    await home.page.reload();
    await join(home.page, home.browserTab, 'nl', 'Jonas Kristensen');
    // At the office the client's name is corrected and sent; at home, before the next pull, too.
    await ok(app.koers.call('clients.update', { id: client.id, firstName: 'Bo', lastName: 'Damsma' }));
    await ok(app.koers.call('sync.now', {}));
    await expect.poll(async () => (await ok(app.koers.call('sync.status', {}))).waiting).toBe(0);
    await ok(home.koers.call('clients.update', { id: client.id, firstName: 'Bo', lastName: 'van Dam' }));
    await ok(home.koers.call('sync.now', {}));

    const notices = home.page.getByRole('link', { name: t.status.notices_one.replace('{{count}}', '1') });
    await expect(notices).toBeVisible({ timeout: 15_000 });
    await notices.click();
    const notice = home.page.getByRole('article');
    await expect(notice.getByRole('row', { name: /Achternaam/ })).toContainText('van Dam');
    await expect(notice.getByRole('row', { name: /Achternaam/ })).toContainText('Damsma');
    await noViolations(home.page);
    await shootTeam(home.page, 'conflict-nl');
    await notice.getByRole('button', { name: t.inbox.keepMine }).click();
    await expect(home.page.getByText(t.inbox.keptMine)).toBeVisible();
    await expect(home.page.getByText(t.inbox.none)).toBeVisible();

    // Hers goes to the team, and the office laptop has it after its next sync.
    await expect.poll(async () => (await ok(home.koers.call('sync.status', {}))).waiting, { timeout: 15_000 }).toBe(0);
    await ok(app.koers.call('sync.now', {}));
    await expect
      .poll(async () => (await ok(app.koers.call('clients.get', { id: client.id }))).lastName, { timeout: 15_000 })
      .toBe('van Dam');
  } finally {
    await home.close();
  }
});

test('joining with clients on the laptop: she sees what happens to them first, cannot send what the team lacks, and then joins with them', async ({
  app,
  browser,
}) => {
  const t = teamTexts('nl');
  await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Mette (alleen)', role: 'key_person', demo: false }),
  );
  const mette = app.koers.settings.get('currentCaseworkerId')!;
  const aftercare = await ok(app.koers.call('catalog.create', { kind: 'stage', name: 'Nazorg' }));
  const intake = (await ok(app.koers.call('catalog.list', {}))).find((i) => i.defaultKey === 'intake')!;
  const lars = await createClient(app.koers, {
    firstName: 'Lars',
    lastName: 'Østergaard',
    caseworkerId: mette,
    stageId: aftercare.id,
  });
  await createClient(app.koers, { firstName: 'Ida', lastName: 'Holm', caseworkerId: mette, stageId: intake.id });
  await app.page.reload();

  /** Signs in as Mette; the second time the provider remembers her (its session) and answers at once. */
  const signIn = async (pick: boolean) => {
    await app.page.goto(`${app.url}#/settings`);
    await app.page.getByLabel(t.settings.server).fill(demo.url);
    await app.page.getByRole('button', { name: t.settings.join }).click();
    if (pick) {
      await expect.poll(() => app.browserTab()?.url() ?? '').toContain(demo.issuer);
      await app.browserTab()!.getByRole('button', { name: 'Mette Sørensen' }).click();
    }
    await expect(
      app.page.getByRole('heading', { name: t.joinPreview.title.replace('{{team}}', DEMO_TEXTS.nl.team) }),
    ).toBeVisible();
  };

  // Her own stage is not on the team: listed, and "send" is not possible.
  await signIn(true);
  const missing = app.page.getByRole('alert').getByRole('region', { name: t.joinPreview.missingTitle });
  await expect(missing).toContainText('Nazorg');
  await expect(
    app.page.getByText(t.joinPreview.clients_other.replace('{{count}}', '2'), { exact: false }),
  ).toBeVisible();
  await expect(app.page.getByRole('button', { name: t.joinPreview.confirm })).toBeDisabled();
  await shootTeam(app.page, 'join-preview-missing-nl');
  await noViolations(app.page);
  await app.page.getByRole('button', { name: t.joinPreview.cancel }).click();
  await expect(app.page.getByText(t.joinPreview.cancelled)).toBeVisible();
  await expect(app.page.getByText(t.settings.alone)).toBeVisible();
  expect((await ok(app.koers.call('sync.status', {}))).team).toBeNull();

  // The key person adds the stage to the team on her laptop; Mette joins again, and her clients go up.
  const anneke = await anotherLaptop(browser, app.url);
  try {
    await ok(anneke.koers.call('setup.complete', { language: 'nl', name: 'Anneke', role: 'key_person', demo: false }));
    await anneke.page.reload();
    await join(anneke.page, anneke.browserTab, 'nl', 'Anneke de Vries');
    await ok(anneke.koers.call('catalog.create', { kind: 'stage', name: 'Nazorg' }));
    await ok(anneke.koers.call('sync.now', {}));
    await expect
      .poll(async () => (await ok(anneke.koers.call('sync.status', {}))).waiting, { timeout: 15_000 })
      .toBe(0);
  } finally {
    await anneke.close();
  }
  await signIn(false);
  await expect(app.page.getByRole('alert')).toHaveCount(0);
  const matched = app.page.getByRole('region', { name: t.joinPreview.matchedTitle });
  await expect(matched.getByText('Kennismaking', { exact: false })).toBeVisible();
  await expect(matched.getByText('Nazorg', { exact: false })).toBeVisible();
  await shootTeam(app.page, 'join-preview-nl');
  await noViolations(app.page);
  await app.page.getByRole('button', { name: t.joinPreview.confirm }).click();
  await expect(app.page.getByText(t.joinPreview.joined.replace('{{team}}', DEMO_TEXTS.nl.team))).toBeVisible();
  await expect(app.page.getByText(t.settings.member.split('{{team}}')[0]!, { exact: false })).toBeVisible();
  await expect.poll(async () => (await ok(app.koers.call('sync.status', {}))).waiting, { timeout: 15_000 }).toBe(0);
  expect((await ok(app.koers.call('sync.status', {}))).notices).toBe(0);
  // Her clients are still here, hers on the team, with the team's stage.
  const teamMette = app.koers.settings.get('currentCaseworkerId')!;
  expect(teamMette).not.toBe(mette);
  const back = await ok(app.koers.call('clients.get', { id: lars.id }));
  expect(back).toMatchObject({ caseworkerId: teamMette, lastName: 'Østergaard' });
  await app.page.goto(`${app.url}#/`);
  await expect(app.page.getByText('Østergaard')).toBeVisible();
});

for (const language of ['da', 'en'] as const)
  test(`Settings › Team reads well in ${language}`, async ({ app }) => {
    const t = teamTexts(language);
    await ok(app.koers.call('setup.complete', { language, name: 'Jonas', role: 'caseworker', demo: false }));
    await app.page.reload();
    await join(app.page, app.browserTab, language, 'Jonas Kristensen');
    await expect(app.page.locator('.sync-status')).toContainText(t.status.synced.replace('{{ago}}', t.status.justNow));
    await shootTeam(app.page, `member-${language}`);
    await noViolations(app.page);
  });

test('joining with clients reads well in Danish: what goes, what the team lacks, and nothing sent', async ({ app }) => {
  const t = teamTexts('da');
  await ok(app.koers.call('setup.complete', { language: 'da', name: 'Jonas', role: 'key_person', demo: false }));
  const young = await ok(app.koers.call('catalog.create', { kind: 'target_group', name: 'Unge under 30' }));
  await createClient(app.koers, { firstName: 'Freja', lastName: 'Holm', targetGroupId: young.id });
  await app.page.reload();
  await app.page.goto(`${app.url}#/settings`);
  await app.page.getByLabel(t.settings.server).fill(demo.url);
  await app.page.getByRole('button', { name: t.settings.join }).click();
  await expect.poll(() => app.browserTab()?.url() ?? '').toContain(demo.issuer);
  await app.browserTab()!.getByRole('button', { name: 'Jonas Kristensen' }).click();
  await expect(
    app.page.getByRole('heading', { name: t.joinPreview.title.replace('{{team}}', DEMO_TEXTS.nl.team) }),
  ).toBeVisible();
  await expect(app.page.getByRole('alert')).toContainText('Unge under 30');
  await expect(app.page.getByRole('button', { name: t.joinPreview.confirm })).toBeDisabled();
  await shootTeam(app.page, 'join-preview-missing-da');
  await noViolations(app.page);
  await app.page.getByRole('button', { name: t.joinPreview.cancel }).click();
  await expect(app.page.getByText(t.joinPreview.cancelled)).toBeVisible();
  expect((await ok(app.koers.call('sync.status', {}))).team).toBeNull();
});
