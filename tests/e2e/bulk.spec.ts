import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from '../../common/languages';
import { messages as caseloadTexts } from '../../renderer/src/caseload/messages';
import { messages as meetingTexts } from '../../renderer/src/presentation/messages';
import { catalog, ok } from '../helpers/seed';
import { type AppHarness, expect, test, SIZES } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

/** Sorted by surname, as the caseload shows them. */
const SURNAMES = ['Aalders', 'Bakker', 'Claes', 'Dekker', 'Evers', 'Jansen', 'Jansma', 'Meijer'];

/** A key person with eight clients of her own and a colleague without any. */
async function seed(app: AppHarness, language: Language) {
  const { caseworkerId } = await ok(
    app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'key_person', demo: false }),
  );
  const lotte = await ok(app.koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'caseworker' }));
  const clients = [];
  for (const [n, lastName] of SURNAMES.entries())
    clients.push(await ok(app.koers.call('clients.create', { firstName: `Klant${n + 1}`, lastName })));
  await app.page.reload();
  return { me: caseworkerId, lotte, clients };
}

const bodyRows = (page: Page) => page.getByRole('grid').locator('[role=row][data-index]');
const rowOf = (page: Page, lastName: string) => bodyRows(page).filter({ hasText: lastName });

async function caseworkerOf(app: AppHarness, id: string) {
  return (await ok(app.koers.call('clients.get', { id }))).caseworkerId;
}

test.describe('bulk actions on the caseload (nl)', () => {
  test('select by mouse and keyboard; hand over 3, change the stage of 2, put 2 on the meeting list and see them there, filtered by caseworker', async ({
    app,
  }) => {
    test.setTimeout(90_000);
    const { me, lotte, clients } = await seed(app, 'nl');
    const page = app.page;
    const byName = (lastName: string) => clients.find((c) => c.lastName === lastName)!;
    const bar = page.getByRole('group', { name: 'Geselecteerde klanten' });
    await expect(bodyRows(page)).toHaveCount(8);
    // Nothing ticked: the bar shows the caseload's figures; how to tick is said under the list.
    await expect(bar.getByRole('status').first()).toBeEmpty();
    await expect(bar.getByRole('list', { name: 'Samenvatting' })).toContainText('8 klanten');
    await expect(page.locator('.caseload-foot .hint')).toContainText('Vink rijen aan');

    // Mouse: tick the first row's box, Shift-click the third's: the range of three, announced.
    await rowOf(page, 'Aalders').getByRole('checkbox', { name: 'Klant1 Aalders selecteren' }).click();
    await expect(bar.getByRole('status').first()).toHaveText('1 klant geselecteerd');
    await rowOf(page, 'Claes')
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    await expect(bar.getByRole('status').first()).toHaveText('3 klanten geselecteerd');
    for (const name of ['Aalders', 'Bakker', 'Claes']) {
      await expect(rowOf(page, name)).toHaveAttribute('aria-selected', 'true');
      await expect(rowOf(page, name).getByRole('checkbox')).toBeChecked();
    }
    await expect(rowOf(page, 'Dekker')).toHaveAttribute('aria-selected', 'false');
    // Ticking did not open a client.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caseload');
    const header = page.getByRole('checkbox', { name: 'Alle 8 getoonde klanten selecteren' });
    expect(await header.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(true);

    // Hand the three over: the dialog names the count, the status line says what was done.
    await bar.getByRole('button', { name: 'Overdragen…' }).click();
    const handover = page.getByRole('dialog', { name: '3 klanten overdragen' });
    await handover.getByLabel('Nieuwe klantmanager').selectOption({ label: 'Lotte Visser' });
    await handover.getByLabel('Toelichting').fill('Herverdeling');
    await page.screenshot({ path: resolve(screenshots, 'bulk-handover-dialog-nl.png') });
    await handover.getByRole('button', { name: '3 klanten overdragen' }).click();
    await expect(handover).toBeHidden();
    // What was done is said under the list (the bar shows the figures again) and has the focus.
    const done = page.locator('.bulk-outcome').getByRole('status');
    await expect(done).toHaveText('3 klanten overgedragen aan Lotte Visser.');
    await expect(done).toBeFocused();
    // My caseload no longer holds them; main moved exactly those three.
    await expect(bodyRows(page)).toHaveCount(5);
    for (const name of ['Aalders', 'Bakker', 'Claes']) expect(await caseworkerOf(app, byName(name).id)).toBe(lotte.id);
    for (const name of ['Dekker', 'Evers']) expect(await caseworkerOf(app, byName(name).id)).toBe(me);
    await expect(bar.getByRole('status').first()).toBeEmpty();
    await expect(bar.getByRole('list', { name: 'Samenvatting' })).toContainText('5 klanten');

    // Keyboard: Space ticks the row with focus, arrows move.
    await rowOf(page, 'Dekker').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(rowOf(page, 'Evers')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(bar.getByRole('status').first()).toHaveText('2 klanten geselecteerd');
    // Space again unticks, and once more ticks.
    await page.keyboard.press('Space');
    await expect(bar.getByRole('status').first()).toHaveText('1 klant geselecteerd');
    await page.keyboard.press('Space');
    await expect(bar.getByRole('status').first()).toHaveText('2 klanten geselecteerd');

    // Change their stage, from the keyboard too.
    const { stages } = await catalog(app.koers);
    const plan = stages.find((s) => s.defaultKey === 'plan')!;
    await bar.getByRole('button', { name: 'Fase wijzigen…' }).focus();
    await page.keyboard.press('Enter');
    const stageDialog = page.getByRole('dialog', { name: 'Fase van 2 klanten wijzigen' });
    await expect(stageDialog.getByLabel('Fase')).toBeFocused();
    await stageDialog.getByLabel('Fase').selectOption(plan.id);
    await stageDialog.getByRole('button', { name: 'Fase wijzigen' }).click();
    await expect(stageDialog).toBeHidden();
    await expect(done).toHaveText('2 klanten naar Plan maken.');
    for (const name of ['Dekker', 'Evers'])
      await expect(rowOf(page, name).locator('.cell-stage')).toHaveText('Plan maken');
    await expect(rowOf(page, 'Meijer').locator('.cell-stage')).not.toHaveText('Plan maken');
    const timeline = await ok(app.koers.call('clients.timeline', { id: byName('Dekker').id }));
    expect(timeline.filter((e) => e.kind === 'stage').length).toBeGreaterThanOrEqual(1);

    // The header's box ticks the rows the search shows, no others.
    await page.getByLabel('Zoeken').fill('Jans');
    await expect(bodyRows(page)).toHaveCount(2);
    await page.getByRole('checkbox', { name: 'Alle 2 getoonde klanten selecteren' }).click();
    await expect(bar.getByRole('status').first()).toHaveText('2 klanten geselecteerd');
    await bar.getByRole('button', { name: 'Op de bespreeklijst…' }).click();
    const meetingDialog = page.getByRole('dialog', { name: '2 klanten op de bespreeklijst zetten' });
    await meetingDialog.getByRole('button', { name: 'Op de bespreeklijst zetten' }).click();
    await expect(done).toHaveText('2 klanten staan op de bespreeklijst.');
    expect(await ok(app.koers.call('meeting.list', {}))).toEqual([byName('Jansen').id, byName('Jansma').id]);

    // The meeting page has them ticked.
    await page.getByRole('link', { name: 'Teamoverleg' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teamoverleg');
    for (const name of ['Jansen', 'Jansma'])
      await expect(page.getByRole('checkbox', { name: new RegExp(`Klant\\d ${name}`) })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /Meijer/ })).not.toBeChecked();
    await expect(page.locator('.meeting-page .count')).toHaveText('2 klanten geselecteerd');

    // Filtered by caseworker: Lotte's three, none of them on the list yet.
    await page.getByLabel('Klantmanager').selectOption({ label: 'Lotte Visser' });
    const listed = page.locator('.meeting-list li');
    await expect(listed).toHaveCount(3);
    await expect(listed).toContainText(['Aalders', 'Bakker', 'Claes']);
    await expect(page.locator('.meeting-page .count')).toHaveText('0 klanten geselecteerd');
    // Ticking one here puts it on the kept list.
    await page.getByRole('checkbox', { name: /Bakker/ }).check();
    await expect(page.locator('.meeting-page .count')).toHaveText('1 klant geselecteerd');
    await expect
      .poll(() => ok(app.koers.call('meeting.list', {})))
      .toEqual([byName('Jansen').id, byName('Jansma').id, byName('Bakker').id]);
    await page.getByLabel('Klantmanager').selectOption({ label: 'Anne de Vries' });
    await expect(listed).toHaveCount(5);
    await expect(page.locator('.meeting-page .count')).toHaveText('2 klanten geselecteerd');
    await page.getByLabel('Klantmanager').selectOption({ label: 'Alle klantmanagers' });
    await expect(listed).toHaveCount(8);
    await expect(page.locator('.meeting-page .count')).toHaveText('3 klanten geselecteerd');

    // Kept: after a restart the list is still there.
    const again = await app.restart();
    await again.goto(`${app.url}#/meeting`);
    await expect(again.locator('.meeting-page .count')).toHaveText('3 klanten geselecteerd');
  });

  test('Shift+Space ticks a range from the keyboard; a refused action changes nothing and says why', async ({
    app,
  }) => {
    await seed(app, 'nl');
    const page = app.page;
    const bar = page.getByRole('group', { name: 'Geselecteerde klanten' });
    await rowOf(page, 'Bakker').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    await expect(bar.getByRole('status').first()).toHaveText('4 klanten geselecteerd');
    await expect(rowOf(page, 'Evers')).toHaveAttribute('aria-selected', 'true');
    await expect(rowOf(page, 'Aalders')).toHaveAttribute('aria-selected', 'false');

    // Main refuses (e.g. the database is busy): the dialog says why and nothing moved.
    app.answer('clients.handover', {
      ok: false,
      error: { code: 'busy', message: 'busy' },
    });
    await bar.getByRole('button', { name: 'Overdragen…' }).click();
    const handover = page.getByRole('dialog', { name: '4 klanten overdragen' });
    await handover.getByRole('button', { name: '4 klanten overdragen' }).click();
    await expect(handover.locator('.error-summary, [role=alert]').first()).toContainText('bezet');
    await expect(handover).toBeVisible();
    await handover.getByRole('button', { name: 'Annuleren' }).click();
    await expect(bar.getByRole('status').first()).toHaveText('4 klanten geselecteerd');
  });
});

for (const language of ['nl', 'da', 'en'] as const) {
  test(`bulk actions look right in ${language} at 1280×720, 1366×768 and 1920×1080`, async ({ app }) => {
    test.setTimeout(60_000);
    const texts = caseloadTexts[language];
    const meeting = meetingTexts[language];
    await seed(app, language);
    const page = app.page;
    const bar = page.getByRole('group', { name: texts.bulk.label });
    // Danish sorts Aa as Å, at the end: from Bakker to Dekker is three rows in every language.
    await rowOf(page, 'Bakker').getByRole('checkbox').click();
    await rowOf(page, 'Dekker')
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    await expect(bar.getByRole('status').first()).toHaveText(
      texts.bulk.selected_other.replace('{{count, number}}', '3'),
    );
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect(bar.getByRole('button').last()).toBeInViewport();
      await page.screenshot({
        path: resolve(screenshots, `bulk-caseload-${language}-${size.width}x${size.height}.png`),
      });
    }
    await page.setViewportSize(SIZES[1]);
    await bar.getByRole('button', { name: texts.bulk.stage }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.screenshot({ path: resolve(screenshots, `bulk-stage-dialog-${language}.png`) });
    await page.keyboard.press('Escape');
    await bar.getByRole('button', { name: texts.bulk.meeting }).click();
    await page.getByRole('dialog').getByRole('button', { name: texts.bulk.meetingSubmit }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.goto(`${app.url}#/meeting`);
    await page.getByLabel(meeting.list.caseworker).selectOption({ label: 'Anne de Vries' });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: resolve(screenshots, `meeting-list-${language}-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
  });
}
