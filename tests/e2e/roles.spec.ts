import { ok } from '../helpers/seed';
import { expect, test } from './fixtures';

test('settings that forgot who works here: Koers asks to choose a caseworker, never first run again', async ({
  app,
}) => {
  const { caseworkerId } = await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
  );
  await ok(app.koers.call('caseworkers.create', { name: 'Kees Bakker', role: 'caseworker' }));
  await ok(app.koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen' }));
  app.koers.settings.set('currentCaseworkerId', null);
  const page = await app.restart();

  await expect(page.getByRole('heading', { level: 1, name: 'Wie werkt er in Koers?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welkom bij Koers' })).toHaveCount(0);
  await page.getByLabel('U bent').selectOption({ label: 'Kees Bakker (Klantmanager)' });
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByText('Werkt als Kees Bakker')).toBeVisible();
  // A caseworker sees no key-person screens, and main refuses their methods too.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Klantmanagers' })).toHaveCount(0);
  expect(await app.koers.call('caseworkers.setActive', { id: caseworkerId, active: false })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  await page.goto(`${app.url}#/spreadsheets`);
  // Importing a sheet definition is for key persons: the caseworker can import the caseload and scores, and the
  // sheet card says whose it is and why instead of offering a file.
  await expect(page.locator('.import-card h3')).toHaveText([
    'Caseloadlijst',
    'Eerdere scores',
    'Scorelijst (definitie)',
  ]);
  await expect(page.locator('.import-card').nth(2)).toContainText('In uw Koers is Anne de Vries kwaliteitsmedewerker.');
  await expect(page.locator('.import-card').nth(2).getByRole('button')).toHaveCount(0);
});
