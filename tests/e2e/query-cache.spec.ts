import { createClient, ok, setUp } from '../helpers/seed';
import { expect, test } from './fixtures';

test.describe('the query cache (Dutch)', () => {
  test('components showing the same answer share one request: the import/export page asks for the sheets once', async ({
    app,
  }) => {
    await setUp(app.koers);
    const sheet = await ok(app.koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    await ok(app.koers.call('sheets.publish', { id: sheet.id }));
    const page = app.page;
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();

    const before = app.calls('sheets.list');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Im-/export' }).click();
    // Three parts of the page ask for the sheets: the scores import (is there a published one?) and two exports.
    await expect(page.locator('select[name=sheetId] option', { hasText: sheet.name })).toHaveCount(1);
    await expect(page.locator('select[name=sheetDefinition] option', { hasText: sheet.name })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Bestand kiezen…' }).nth(1)).toBeVisible();
    expect(app.calls('sheets.list') - before).toBe(1);

    // The sheets change (main says so with data.changed: sheets.list reads `sheets`): asked again once for all three.
    const copied = await ok(app.koers.call('sheets.copy', { id: sheet.id, name: 'Ladder (kopie)' }));
    await ok(app.koers.call('sheets.publish', { id: copied.id }));
    await expect(page.locator('select[name=sheetDefinition] option', { hasText: 'Ladder (kopie)' })).toHaveCount(1);
    // Two changes (the copy, its publication): two more requests, not two for each of the three parts.
    expect(app.calls('sheets.list') - before).toBe(3);
  });

  test('not answered yet and answered “none” are told apart', async ({ app }) => {
    await setUp(app.koers);
    const sheet = await ok(app.koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    await ok(app.koers.call('sheets.publish', { id: sheet.id }));
    const page = app.page;

    // Goals are set on the default sheet of the client's target group; main answers null: there is none.
    // Until main answers, the page does not claim so.
    const first = await createClient(app.koers);
    const releaseGoals = app.hold('scorings.form');
    await page.goto(`${app.url}#/clients/${first.id}`);
    const goals = page.getByRole('region', { name: 'Doelen' });
    await expect(goals.getByText('Nog geen doelen.')).toBeVisible();
    await expect(goals.getByText('die is er nog niet')).toHaveCount(0);
    releaseGoals();
    await expect(goals.getByText('die is er nog niet')).toBeVisible();

    // Scoring another client: "Loading…" until main answers, then the answer "no default sheet: choose one".
    const second = await createClient(app.koers, { firstName: 'Sven', lastName: 'Jansen' });
    const releaseForm = app.hold('scorings.form');
    await page.goto(`${app.url}#/clients/${second.id}/score`);
    await expect(page.getByRole('heading', { name: 'Sven Jansen scoren' })).toBeVisible();
    await expect(page.getByText('Laden…')).toBeVisible();
    await expect(page.getByText('heeft geen standaard scorelijst')).toHaveCount(0);
    releaseForm();
    await expect(page.getByText('heeft geen standaard scorelijst')).toBeVisible();
    await expect(page.getByText('Laden…')).toHaveCount(0);
  });
});
