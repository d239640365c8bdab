import { ok, setUp } from '../helpers/seed';
import { expect, test } from './fixtures';

/** Issue 20: moving in from Excel, and search that finds every name. */

const PEOPLE = [
  ['Emre', 'Öztürk'],
  ['Søren', 'Østergaard'],
  ['Mette', 'Ærø'],
  ['Тарас', 'Шевченко'],
  ['Jan', 'de Vries'],
] as const;

test.describe('search that finds every name', () => {
  test('the caseload search and the household picker fold case and accents in every script', async ({ app }) => {
    await setUp(app.koers);
    for (const [firstName, lastName] of PEOPLE) await ok(app.koers.call('clients.create', { firstName, lastName }));
    await app.page.reload();
    const page = app.page;
    const grid = page.getByRole('grid');
    const rows = grid.locator('[role=row][data-index]');
    await expect(rows).toHaveCount(PEOPLE.length);

    const search = page.getByLabel('Zoeken');
    for (const [typed, found] of [
      ['ozturk', 'Öztürk'],
      ['ostergaard', 'Østergaard'],
      ['aero', 'Ærø'],
      ['ærø', 'Ærø'],
      ['шевченко', 'Шевченко'],
    ] as const) {
      await search.fill(typed);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(found);
    }

    await page.goto(`${app.url}#/households`);
    const form = page.getByRole('form', { name: 'Nieuw huishouden' });
    const picker = form.getByLabel('Klanten zoeken');
    for (const [typed, found] of [
      ['ozturk', 'Emre Öztürk'],
      ['ostergaard', 'Søren Østergaard'],
      ['aero', 'Mette Ærø'],
      ['ærø', 'Mette Ærø'],
      ['шевченко', 'Тарас Шевченко'],
    ] as const) {
      await picker.fill(typed);
      await expect(form.getByText('1 actieve klant gevonden.')).toBeVisible();
      await expect(form.getByRole('checkbox', { name: new RegExp(found) })).toBeVisible();
    }
  });
});
