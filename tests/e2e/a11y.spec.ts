import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../common/languages';
import { messages as clientTexts } from '../../renderer/src/client/messages';
import { ok } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

/** WCAG 2.1 A and AA, as EN 301 549 asks. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.length}× ${v.nodes[0]?.target.join(' ') ?? ''} — ${v.help}`,
  );
}

/** A key person with the demo caseload (scorings, notes, households) in `language`. */
async function seeded(app: AppHarness, language: Language) {
  await ok(app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'key_person', demo: true }));
  const clients = await ok(app.koers.call('clients.list', { status: 'active' }));
  const households = await ok(app.koers.call('households.list', {}));
  const sheets = await ok(app.koers.call('sheets.list', {}));
  await app.page.reload();
  return { client: clients[0]!, household: households[0], sheet: sheets[0] };
}

/** Visits `hash`, waits for `ready`, and adds what axe finds there to `found`. */
function visitor(app: AppHarness, found: string[]) {
  return async (hash: string, ready: () => Promise<unknown>) => {
    await app.page.goto(`${app.url}${hash}`);
    await ready();
    found.push(...(await violations(app.page, hash)));
  };
}

const firstHeading = (page: Page) => () => expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

// Six tests per language: some thirty axe runs (1–5 s each) in one test came close to its time limit
// on a busy machine.
for (const language of ['nl', 'da', 'en'] as const) {
  test.describe(`axe (WCAG 2.1 AA) in ${language}`, () => {
    test.describe.configure({ timeout: 120_000 });

    test("the caseworker's caseload, client, scoring, day and report", async ({ app }) => {
      const { client } = await seeded(app, language);
      const page = app.page;
      const found: string[] = [];
      const visit = visitor(app, found);
      const h1 = firstHeading(page);

      await visit('#/', () => expect(page.getByRole('grid')).toBeVisible());
      await visit(`#/clients/${client.id}`, h1);
      await visit(`#/clients/${client.id}/score`, h1);
      await visit('#/my-day', h1);
      await visit(`#/report/${client.id}/pseudonymised`, () =>
        expect(page.locator('html')).toHaveAttribute('data-ready', 'true'),
      );

      expect(found).toEqual([]);
    });

    test("the caseload's column chooser and two sort keys", async ({ app }) => {
      await seeded(app, language);
      const page = app.page;
      const found: string[] = [];
      await expect(page.getByRole('grid')).toBeVisible();
      await page.locator('.column-chooser > button').click();
      await expect(page.locator('.column-panel')).toBeVisible();
      found.push(...(await violations(page, 'column chooser')));
      await page.keyboard.press('Escape');
      await page.locator('.head-stage button').click();
      await page.locator('.head-name button').click({ modifiers: ['Shift'] });
      await expect(page.locator('.head-name')).toHaveAttribute('aria-sort', 'ascending');
      found.push(...(await violations(page, 'two sort keys')));

      expect(found).toEqual([]);
    });

    test("the caseworker's households, notes, meeting and settings", async ({ app }) => {
      const { household } = await seeded(app, language);
      const found: string[] = [];
      const visit = visitor(app, found);
      const h1 = firstHeading(app.page);

      await visit('#/households', h1);
      if (household) await visit(`#/households/${household.id}`, h1);
      await visit('#/notes', h1);
      await visit('#/meeting', h1);
      await visit('#/settings', h1);

      expect(found).toEqual([]);
    });

    test("the key person's screens", async ({ app }) => {
      const { sheet } = await seeded(app, language);
      const page = app.page;
      const found: string[] = [];
      const visit = visitor(app, found);
      const h1 = firstHeading(page);

      await visit('#/caseworkers', h1);
      await visit('#/lists', h1);
      await visit('#/sheets', h1);
      if (sheet) await visit(`#/sheets/${sheet.id}`, h1);
      await visit('#/coverage', h1);
      await visit('#/team', h1);
      await visit('#/spreadsheets', h1);
      await visit('#/audit', h1);
      await visit('#/retention', h1);

      expect(found).toEqual([]);
    });

    test('every dialog', async ({ app }) => {
      const { client } = await seeded(app, language);
      const page = app.page;
      const found: string[] = [];

      // A new client, a quick note.
      await page.goto(`${app.url}#/`);
      // "New client", the last of the caseload's actions.
      await page.locator('.page-heading button').last().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      found.push(...(await violations(page, 'new client dialog')));
      await page.keyboard.press('Escape');
      await page.goto(`${app.url}#/clients/${client.id}`);
      await firstHeading(page)();
      await page.keyboard.press('n');
      await expect(page.getByRole('dialog')).toBeVisible();
      found.push(...(await violations(page, 'note editor')));
      await page.keyboard.press('Escape');

      // Every dialog behind the client page's toolbar, and behind the first row's actions on the key-person screens.
      const sweep = async (hash: string, buttons: string, where: string) => {
        await page.goto(`${app.url}${hash}`);
        await firstHeading(page)();
        const count = await page.locator(buttons).count();
        for (let i = 0; i < count; i++) {
          const button = page.locator(buttons).nth(i);
          if (!(await button.isVisible()) || (await button.isDisabled())) continue;
          await button.click();
          const dialog = page.getByRole('dialog');
          if (await dialog.isVisible().catch(() => false)) {
            found.push(...(await violations(page, `${where} dialog ${i}`)));
            await page.keyboard.press('Escape');
            await expect(dialog).toHaveCount(0);
          }
        }
      };
      await sweep(`#/clients/${client.id}`, '[role=toolbar] button', 'client');
      await sweep('#/caseworkers', 'tbody tr:first-child .row-actions button', 'caseworkers');
      await sweep(
        '#/lists',
        'table:first-of-type tbody tr:first-child .row-actions button:not(.arrow-button)',
        'lists',
      );

      expect(found).toEqual([]);
    });

    test("the caseload's selection, its bulk action dialogs, their status line and the kept meeting list", async ({
      app,
    }) => {
      await seeded(app, language);
      const page = app.page;
      const found: string[] = [];
      await page.goto(`${app.url}#/`);
      const rows = page.locator('[role=grid] [role=row][data-index]');
      await rows.nth(0).locator('.select-box').click();
      await rows
        .nth(2)
        .locator('.select-box')
        .click({ modifiers: ['Shift'] });
      await expect(page.locator('.bulk-actions .bulk-buttons')).toBeVisible();
      found.push(...(await violations(page, 'caseload with three rows ticked')));
      const buttons = page.locator('.bulk-actions .bulk-buttons button.secondary');
      for (let i = 0; i < 3; i++) {
        await buttons.nth(i).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        found.push(...(await violations(page, `bulk dialog ${i}`)));
        if (i < 2) {
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog')).toHaveCount(0);
        }
      }
      // The last one (the meeting list) is confirmed: the status line says what was done.
      await page.getByRole('dialog').locator('button[type=submit]').click();
      await expect(page.locator('.bulk-outcome [role=status]')).not.toBeEmpty();
      found.push(...(await violations(page, 'caseload after a bulk action')));
      await page.goto(`${app.url}#/meeting`);
      await expect(page.locator('.meeting-list input:checked')).toHaveCount(3);
      found.push(...(await violations(page, 'meeting list with the caseworker filter')));

      expect(found).toEqual([]);
    });

    test('the to-do dialogs and the status line with Undo, on the client page and My day', async ({ app }) => {
      const { client } = await seeded(app, language);
      const page = app.page;
      const found: string[] = [];
      const { today, currentCaseworker } = await ok(app.koers.call('app.info', {}));
      // The first client is not always the key person's own: My day lists only hers.
      const mine = (await ok(app.koers.call('clients.list', { caseworkerId: currentCaseworker!.id })))[0]!;
      for (const [clientId, title] of [
        [client.id, 'A11y client page'],
        [mine.id, 'A11y my day'],
      ] as const)
        await ok(app.koers.call('actions.create', { clientId, title, kind: 'task', dueDate: today }));

      // The buttons of one to-do: … Other date, Edit (by their place, the same in every language).
      const check = async (row: Locator, where: string) => {
        for (const [button, dialog] of [
          ['postpone', row.getByRole('button').nth(-2)],
          ['edit', row.getByRole('button').nth(-1)],
        ] as const) {
          await dialog.click();
          await expect(page.getByRole('dialog')).toBeVisible();
          found.push(...(await violations(page, `${where}: ${button} dialog`)));
          if (button === 'postpone') {
            await page.keyboard.press('Escape');
            await expect(page.getByRole('dialog')).toHaveCount(0);
          }
        }
        // Delete (the dialog's footer button that is neither Cancel nor Save): the status line offers Undo.
        await page.getByRole('dialog').locator('.footer-start').click();
        await expect(page.locator('[role=status] button')).toBeFocused();
        found.push(...(await violations(page, `${where}: deleted, with Undo`)));
      };
      await page.goto(`${app.url}#/clients/${client.id}`);
      await check(page.locator('.todo', { hasText: 'A11y client page' }), 'client page');
      await page.goto(`${app.url}#/my-day`);
      await check(page.locator('.agenda-item', { hasText: 'A11y my day' }), 'my day');

      expect(found).toEqual([]);
    });

    test('a caseworker alone: first run with starters, her sheets, no sheet to score, handover with no colleague; then the key-person explanations', async ({
      app,
    }) => {
      const page = app.page;
      const found: string[] = [];
      const visit = visitor(app, found);
      const h1 = firstHeading(page);

      // First run, with the starter offer.
      await page.getByRole('combobox').first().selectOption(language);
      await expect(page.locator('input[name=starters]')).toBeChecked();
      found.push(...(await violations(page, 'first run')));
      await ok(app.koers.call('setup.complete', { language, name: 'Sanne Bakker', role: 'caseworker', demo: false }));
      const client = await ok(app.koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen' }));
      await page.reload();

      // No key person: she manages the sheets; no sheet yet to score on; no colleague to hand over to.
      await visit('#/sheets', () => expect(page.locator('.key-person-note')).toBeVisible());
      await visit(`#/clients/${client.id}/score`, () => expect(page.getByRole('link').last()).toBeVisible());
      await page.goto(`${app.url}#/clients/${client.id}`);
      await page
        .getByRole('toolbar')
        .getByRole('button', { name: clientTexts[language].handover, exact: true })
        .click();
      await expect(page.locator('.no-colleague')).toBeVisible();
      found.push(...(await violations(page, 'handover, no colleague')));
      await page.keyboard.press('Escape');

      // A key person arrives: the places that are hers explain it to the caseworker.
      await ok(app.koers.call('caseworkers.create', { name: 'Anne de Vries', role: 'key_person' }));
      await page.reload();
      await visit('#/sheets', h1);
      await visit('#/settings', h1);
      await visit(`#/clients/${client.id}`, () => expect(page.locator('.key-person-note')).toBeVisible());
      await visit('#/spreadsheets', () => expect(page.locator('.key-person-note')).toBeVisible());

      expect(found).toEqual([]);
    });

    test('the meeting slide and the lock screen', async ({ app }) => {
      await seeded(app, language);
      const page = app.page;
      const found: string[] = [];

      await page.goto(`${app.url}#/meeting`);
      await page.locator('.meeting-list input[type=checkbox]').first().check();
      await page.locator('.meeting-start button').first().click();
      await expect(page.locator('.presentation')).toBeVisible();
      found.push(...(await violations(page, 'presentation')));
      await page.keyboard.press('Escape');
      await ok(app.koers.call('lock.setPin', { pin: '2468' }));
      await ok(app.koers.call('lock.lock', {}));
      await expect(page.locator('.lock-screen')).toBeVisible();
      found.push(...(await violations(page, 'lock screen')));
      // Waiting after wrong PINs: two were made just now, the third starts the back-off.
      app.koers.settings.set('pinFailures', { count: 2, lastAt: new Date().toISOString() });
      await page.locator('.lock-screen input').fill('1111');
      await page.locator('.lock-screen button[type=submit]').click();
      await expect(page.locator('.lock-screen .hint')).toBeVisible();
      found.push(...(await violations(page, 'lock screen, waiting')));

      expect(found).toEqual([]);
    });
  });
}
