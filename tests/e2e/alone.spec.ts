import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { common } from '../../common/i18n/common';
import { starterTexts } from '../../common/i18n/starters';
import type { Language } from '../../common/languages';
import { messages as caseload } from '../../renderer/src/caseload/messages';
import { messages as client } from '../../renderer/src/client/messages';
import { messages as firstRun } from '../../renderer/src/firstrun/messages';
import { messages as keyPerson } from '../../renderer/src/keyperson/messages';
import { messages as scoring } from '../../renderer/src/scoring/messages';
import { messages as sheets } from '../../renderer/src/sheets/messages';
import { messages as spreadsheets } from '../../renderer/src/spreadsheets/messages';
import { createClient, ok } from '../helpers/seed';
import { type AppHarness, expect, test, SIZES } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

/** What the user sees at each screen size (the window, not the whole page): `alone-<name>-<w>x<h>.png`. */
async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: resolve(screenshots, `alone-${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The app's own texts, so each flow runs in every language. */
function texts(language: Language) {
  return {
    common: common[language],
    caseload: caseload[language],
    client: client[language],
    firstRun: firstRun[language],
    keyPerson: keyPerson[language],
    scoring: scoring[language],
    sheets: sheets[language],
    spreadsheets: spreadsheets[language],
    starters: starterTexts[language],
  };
}

/** First run in the browser as a caseworker (not a key person), with the starters as offered or declined. */
async function firstRunAlone(app: AppHarness, language: Language, starters: boolean, shot?: string) {
  const page = app.page;
  const t = texts(language);
  await page.getByLabel(firstRun.nl.language).selectOption(language);
  await page.getByLabel(t.firstRun.name).fill('Sanne Bakker');
  const offer = page.getByRole('checkbox', { name: t.firstRun.starters });
  // Offered, on unless she says no; the demo brings its own lists, so the offer goes while it is chosen.
  await expect(offer).toBeChecked();
  await page.getByRole('checkbox', { name: t.firstRun.demo }).check();
  await expect(offer).toHaveCount(0);
  await page.getByRole('checkbox', { name: t.firstRun.demo }).uncheck();
  if (!starters) await offer.uncheck();
  if (shot) await shoot(page, shot);
  await page.getByRole('button', { name: t.firstRun.start, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.caseload.title })).toBeVisible();
}

/** A new client from the caseload, in `targetGroup` when given; returns when her page is open. */
async function newClient(page: Page, language: Language, targetGroup?: string) {
  const t = texts(language);
  await page.getByRole('button', { name: t.caseload.newClient }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t.common.fields.firstName).fill('Jan');
  await dialog.getByLabel(t.common.fields.lastName).fill('Jansen');
  if (targetGroup) await dialog.getByLabel(t.common.fields.targetGroupId).selectOption({ label: targetGroup });
  return dialog;
}

/** Scores every indicator of the open scoring form at its third level and saves. */
async function scoreAll(page: Page, language: Language) {
  const t = texts(language);
  const groups = page.locator('.scoring-page fieldset');
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio').nth(3).check();
  await page.getByRole('button', { name: t.scoring.save }).click();
  await expect(page.locator('.saved[role=status]').first()).toContainText(t.scoring.saved.split(' {{')[0]!);
}

for (const language of ['nl', 'da', 'en'] as const) {
  test(`first run without the demo, with the starters: she scores a client straight away (${language})`, async ({
    app,
  }) => {
    const t = texts(language);
    const page = app.page;
    await firstRunAlone(app, language, true, `first-run-${language}`);

    // The starter target groups in her language; the starter sheet comes with the group.
    await newClient(page, language, t.starters.targetGroups.ready);
    await page.getByRole('dialog').getByRole('button', { name: t.common.common.save }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Jan Jansen');
    await page.getByRole('toolbar').getByRole('button', { name: t.scoring.score, exact: true }).click();
    await expect(page.getByLabel(t.scoring.sheet)).toHaveValue(/.+/);
    await expect(page.getByLabel(t.scoring.sheet).locator('option:checked')).toContainText(
      t.starters.work_readiness.name,
    );
    await expect(page.getByRole('group', { name: t.starters.work_readiness.indicators.motivation.name })).toBeVisible();
    await shoot(page, `starter-scoring-${language}`);
    await scoreAll(page, language);
    await expect(page.locator('.scoring-entry')).toHaveCount(1);

    // She manages the lists and sheets herself (no key person here), and the screens say why.
    await page.goto(`${app.url}#/sheets`);
    await expect(page.getByText(t.keyPerson.alone)).toBeVisible();
    await expect(page.getByRole('link', { name: t.starters.ladder.name })).toBeVisible();
    await shoot(page, `sheets-alone-${language}`);
  });
}

test('first run declining the starters: she makes and publishes a sheet herself, then scores', async ({ app }) => {
  const t = texts('nl');
  const page = app.page;
  await firstRunAlone(app, 'nl', false);

  // No target groups: the client form says where they come from.
  const dialog = await newClient(page, 'nl');
  await expect(dialog.getByText(t.keyPerson.hints.noTargetGroups)).toBeVisible();
  await dialog.getByRole('button', { name: t.common.common.save }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jan Jansen');
  const clientUrl = page.url();

  // No sheet yet: the scoring page shows her where to make one.
  await page.getByRole('toolbar').getByRole('button', { name: t.scoring.score, exact: true }).click();
  await expect(page.getByText(t.keyPerson.hints.createSheet)).toBeVisible();
  await shoot(page, 'no-sheets-alone-nl');
  await page.getByRole('link', { name: t.keyPerson.hints.openSheets }).click();

  await expect(page.getByRole('heading', { level: 1, name: common.nl.nav.sheets })).toBeVisible();
  await page
    .getByRole('combobox', { name: t.sheets.create.starter })
    .selectOption({ label: t.sheets.create.starters.work_readiness });
  await page.getByRole('button', { name: t.sheets.create.submit }).click();
  await page.getByRole('button', { name: 'Versie 1 publiceren' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Versie 1 publiceren' }).click();
  await expect(page.getByRole('button', { name: 'Versie 1 publiceren' })).toHaveCount(0);
  expect((await ok(app.koers.call('sheets.list', {})))[0]).toMatchObject({ publishedNumber: 1 });

  await page.goto(`${clientUrl}/score`);
  await page.getByLabel(t.scoring.sheet).selectOption({ label: `${t.starters.work_readiness.name}, versie 1` });
  await scoreAll(page, 'nl');
  // The scoring names its sheet as a link, and it opens the sheet.
  await page.getByRole('link', { name: `${t.starters.work_readiness.name}, versie 1` }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.starters.work_readiness.name })).toBeVisible();
});

for (const language of ['nl', 'da', 'en'] as const) {
  test(`key-person explanations for a caseworker with a key person (${language})`, async ({ app }) => {
    const t = texts(language);
    await ok(app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'key_person', demo: false }));
    const kees = await ok(app.koers.call('caseworkers.create', { name: 'Kees Bakker', role: 'caseworker' }));
    const jan = await createClient(app.koers, { firstName: 'Jan', lastName: 'Jansen', caseworkerId: kees.id });
    await ok(app.koers.call('caseworkers.switchCurrent', { id: kees.id }));
    const page = app.page;
    await page.reload();
    const who = t.keyPerson.who_one.replace('{{names}}', 'Anne de Vries');

    // No menu entries for her screens: Settings says what they are, who has them and why they are missing.
    await expect(page.getByRole('navigation').getByRole('link', { name: t.common.nav.sheets })).toHaveCount(0);
    await page.goto(`${app.url}#/settings`);
    const section = page.getByRole('region', { name: t.keyPerson.settingsTitle });
    await expect(section).toContainText(t.keyPerson.settingsIntro);
    await expect(section).toContainText(who);
    await expect(section).toContainText(t.keyPerson.notInMenu);
    await section.scrollIntoViewIfNeeded();
    await shoot(page, `settings-key-person-${language}`);

    // A link to one of her screens says whose it is, instead of quietly showing the caseload.
    await page.goto(`${app.url}#/sheets`);
    await expect(page.getByRole('heading', { level: 1, name: t.keyPerson.title })).toBeVisible();
    await expect(page.getByText(t.keyPerson.reasons.sheets)).toBeVisible();
    await expect(page.getByText(who)).toBeVisible();
    await shoot(page, `key-person-page-${language}`);
    for (const [hash, reason] of [
      ['#/lists', t.keyPerson.reasons.lists],
      ['#/caseworkers', t.keyPerson.reasons.caseworkers],
      ['#/team', t.keyPerson.reasons.team],
      ['#/coverage', t.keyPerson.reasons.coverage],
      ['#/audit', t.keyPerson.reasons.audit],
      ['#/retention', t.keyPerson.reasons.retention],
    ] as const) {
      await page.goto(`${app.url}${hash}`);
      await expect(page.getByText(reason)).toBeVisible();
    }

    // Erasing a client, importing a sheet and scoring without a sheet: each says it is the key person's.
    await page.goto(`${app.url}#/clients/${jan.id}`);
    await expect(page.getByText(t.keyPerson.reasons.erase)).toBeVisible();
    await page.goto(`${app.url}#/spreadsheets`);
    // The import card (the export card of the same name follows it).
    const sheetCard = page.getByRole('region', { name: t.spreadsheets.import.sheet, exact: true }).first();
    await expect(sheetCard).toContainText(t.keyPerson.reasons.sheets);
    await expect(sheetCard.getByRole('button')).toHaveCount(0);
    await page.goto(`${app.url}#/clients/${jan.id}/score`);
    await expect(page.getByText(t.keyPerson.hints.noSheetsYet)).toBeVisible();
    await expect(page.getByText(who)).toBeVisible();
  });
}

test('a sheet she imports opens from the link in the import result (caseworker without a key person)', async ({
  app,
}) => {
  const t = texts('nl');
  // A sheet definition to import: one written by Koers's own export.
  await ok(
    app.koers.call('setup.complete', {
      language: 'nl',
      name: 'Sanne Bakker',
      role: 'caseworker',
      demo: false,
      starters: true,
    }),
  );
  const [first] = await ok(app.koers.call('sheets.list', {}));
  await ok(app.koers.call('exports.sheet', { versionId: first!.publishedVersionId! }));
  app.willOpen(join(app.savedFolder, readdirSync(app.savedFolder)[0]!));
  const page = app.page;
  await page.reload();
  await page.goto(`${app.url}#/spreadsheets`);
  // The import card (the export card of the same name follows it).
  const card = page.getByRole('region', { name: t.spreadsheets.import.sheet, exact: true }).first();
  await card.getByRole('button', { name: t.spreadsheets.import.choose }).click();
  await card.getByRole('link', { name: t.spreadsheets.import.openSheet }).click();
  await expect(page.getByRole('heading', { level: 1, name: first!.name })).toBeVisible();
  // The imported one: a draft of its own, not the sheet it was exported from.
  expect(page.url()).not.toContain(first!.id);
  await expect(page.getByRole('button', { name: 'Versie 1 publiceren' }).first()).toBeVisible();
});

for (const language of ['nl', 'da', 'en'] as const) {
  test(`handing over with no colleague explains what to do (${language})`, async ({ app }) => {
    const t = texts(language);
    await ok(app.koers.call('setup.complete', { language, name: 'Sanne Bakker', role: 'caseworker', demo: false }));
    const jan = await createClient(app.koers, { firstName: 'Jan', lastName: 'Jansen' });
    const page = app.page;
    await page.reload();
    await page.goto(`${app.url}#/clients/${jan.id}`);
    await page.getByRole('toolbar').getByRole('button', { name: t.client.handover, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(t.keyPerson.hints.noColleague);
    await expect(dialog).toContainText(t.keyPerson.hints.addColleague);
    await expect(dialog.getByRole('combobox')).toHaveCount(0);
    await shoot(page, `handover-no-colleague-${language}`);
    if (language !== 'nl') return;

    // She adds the colleague herself (no key person here) and hands over.
    await dialog.getByRole('link', { name: t.keyPerson.hints.openCaseworkers }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.common.nav.caseworkers })).toBeVisible();
    await ok(app.koers.call('caseworkers.create', { name: 'Kees de Boer', role: 'caseworker' }));
    await page.goto(`${app.url}#/clients/${jan.id}`);
    await page.getByRole('toolbar').getByRole('button', { name: t.client.handover, exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('combobox')).toHaveValue(/.+/);
    await expect(page.getByRole('dialog').getByRole('option', { name: 'Kees de Boer' })).toBeAttached();
  });
}

test('her menu follows the rule: Scoring sheets while there is no key person, gone once there is one', async ({
  app,
}) => {
  // Kept small: the policy itself is proven in tests/unit/alone.test.ts.
  await ok(app.koers.call('setup.complete', { language: 'nl', name: 'Sanne Bakker', role: 'caseworker', demo: false }));
  const page = app.page;
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('link', { name: common.nl.nav.sheets })).toBeVisible();
  await ok(app.koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'key_person' }));
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('link', { name: common.nl.nav.caseload })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: common.nl.nav.sheets })).toHaveCount(0);
});
