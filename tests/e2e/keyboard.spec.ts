import type { Page } from '@playwright/test';
import { ok } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

/** Focus is always visible: an outline or a ring on whatever has it. */
async function expectFocusVisible(page: Page) {
  const style = await page.locator(':focus').evaluate((el) => {
    const css = getComputedStyle(el);
    return { outline: css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0, ring: css.boxShadow !== 'none' };
  });
  expect(style.outline || style.ring, 'the focus is visible').toBe(true);
}

/** Tab until the focused element has this accessible text; fails after `limit` presses. */
async function tabTo(page: Page, text: RegExp, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(
      () => (document.activeElement?.textContent ?? '') + (document.activeElement?.getAttribute('aria-label') ?? ''),
    );
    if (text.test(label)) return;
  }
  throw new Error(`no focusable element matching ${text} within ${limit} tabs`);
}

async function seed(app: AppHarness) {
  await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
  );
  const reason = (await ok(app.koers.call('catalog.list', {}))).find((i) => i.kind === 'closure_reason')!;
  const client = await ok(app.koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen' }));
  await ok(
    app.koers.call('actions.create', { clientId: client.id, kind: 'task', title: 'Bellen', dueDate: '2020-01-01' }),
  );
  await app.page.reload();
  return { client, reason };
}

test('keyboard only: skip link, a new client in the dialog, the client page, a quick note, the grid; focus always visible', async ({
  app,
}) => {
  await seed(app);
  const page = app.page;
  await expect(page.getByRole('grid')).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  await tabTo(page, /^Nieuwe klant$/);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Voornaam')).toBeFocused();
  await page.keyboard.type('Fatima');
  await page.keyboard.press('Tab');
  await expectFocusVisible(page);
  await page.keyboard.type('El Amrani');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Fatima El Amrani/ })).toBeVisible();

  // A quick note with N, then Escape: the dialog closes and focus goes back.
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectFocusVisible(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Back to the caseload through the navigation, then the grid with the arrows and Enter.
  await tabTo(page, /^Caseload$/);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  // "/" works once the caseload is on screen: before, a keystroke has nowhere to go.
  await expect(page.getByRole('grid')).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('jansen');
  await expect(page.getByRole('searchbox', { name: 'Zoeken' })).toHaveValue('jansen');
  await expect(page.getByRole('row', { name: /Jansen, Jan/ })).toBeVisible();
  // The answer to the whole word is in: no row of an earlier keystroke's answer is left.
  await expect(
    page
      .getByRole('grid')
      .locator('[role=row][data-index]')
      .filter({ hasNotText: /jansen/i }),
  ).toHaveCount(0);
  await tabTo(page, /Jansen, Jan/);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Jan Jansen/ })).toBeVisible();
});

test('at 200% zoom the screens reflow without sideways scrolling; overdue is marked by more than colour, also in forced colours', async ({
  app,
}) => {
  const { client } = await seed(app);
  const page = app.page;
  // 1280 × 800 at 200% is a 640 × 400 CSS-pixel window.
  await page.setViewportSize({ width: 640, height: 400 });
  for (const hash of ['#/', `#/clients/${client.id}`, '#/my-day', '#/settings', '#/spreadsheets']) {
    await page.goto(`${app.url}${hash}`);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, hash).toBeLessThanOrEqual(1);
  }
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${app.url}#/`);
  const row = page.getByRole('row', { name: /Jansen, Jan/ });
  await expect(row).toBeVisible();
  // The overdue count is words in the row, not only a colour.
  await expect(row.locator('.overdue-marker')).toHaveText(/\d/);
});
