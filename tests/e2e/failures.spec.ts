import type { RpcError } from '../../common/contract';
import { createClient, ok, setUp } from '../helpers/seed';
import { expect, test } from './fixtures';

/** What main answers when another program holds the database. */
const BUSY: { ok: false; error: RpcError } = { ok: false, error: { code: 'busy', message: 'database is locked' } };

test.describe('one error path (Dutch)', () => {
  // The start-up failure screen speaks the OS language: in Chromium, the browser's.
  test.use({ locale: 'nl-NL' });

  test('a page that throws shows its boundary in the page; the menu works and another screen starts afresh', async ({
    app,
  }) => {
    await setUp(app.koers);
    const page = app.page;
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });

    // An answer of the wrong shape (a household without its members) breaks the page while it renders.
    app.answer('households.list', { ok: true, value: [{ id: 'h-1', name: 'Familie Jansen' }] });
    await nav.getByRole('link', { name: 'Huishoudens' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Dit scherm kon niet worden getoond' });
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('Er is niets gewijzigd.');
    await expect(nav).toBeVisible();

    // Another screen: the failure is gone, the caseload shows.
    await nav.getByRole('link', { name: 'Caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
    await expect(failure).toHaveCount(0);

    // Back again, still broken: the boundary catches it again (it was reset, not switched off).
    await nav.getByRole('link', { name: 'Huishoudens' }).click();
    await expect(failure).toBeVisible();

    // Main answers properly again: "Try again" draws the page anew.
    app.answer('households.list', null);
    await failure.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(page.getByRole('heading', { name: 'Huishoudens' })).toBeVisible();
    await expect(failure).toHaveCount(0);
  });

  test('a to-do that cannot be ticked off says why; a list that cannot be loaded offers to try again', async ({
    app,
  }) => {
    await setUp(app.koers);
    const client = await createClient(app.koers);
    await ok(
      app.koers.call('actions.create', {
        clientId: client.id,
        title: 'Bellen over de werkstage',
        kind: 'task',
        dueDate: '2030-06-03',
      }),
    );
    const page = app.page;
    await page.goto(`${app.url}#/clients/${client.id}`);
    const todos = page.getByRole('region', { name: 'Taken' });
    const tick = todos.getByRole('checkbox', { name: '“Bellen over de werkstage” afvinken' });
    await expect(tick).not.toBeChecked();

    app.answer('actions.setDone', BUSY);
    await tick.click();
    await expect(todos.getByRole('alert')).toHaveText(
      'De database is bezet: een ander programma gebruikt hem. Probeer het over een ogenblik opnieuw.',
    );
    await expect(tick).not.toBeChecked();
    expect(await ok(app.koers.call('actions.list', { clientId: client.id }))).toMatchObject([{ done: false }]);

    // It works again: ticked off, and the message is gone.
    app.answer('actions.setDone', null);
    await tick.click();
    await expect(todos.getByRole('checkbox', { name: '“Bellen over de werkstage” weer openzetten' })).toBeChecked();
    await expect(todos.getByRole('alert')).toHaveCount(0);

    // The client's to-dos cannot be loaded: said in the list's place, with a way to try again.
    app.answer('actions.list', BUSY);
    await page.reload();
    const failed = todos.getByRole('alert');
    await expect(failed).toContainText('Dit kon niet worden geladen. De database is bezet');
    await expect(todos).not.toContainText('Geen openstaande taken');
    app.answer('actions.list', null);
    await failed.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(todos.getByRole('checkbox', { name: '“Bellen over de werkstage” weer openzetten' })).toBeChecked();
  });

  test('a start that fails shows the start-up failure screen; the log folder and trying again', async ({ app }) => {
    const page = app.page;
    app.answer('app.info', { ok: false, error: { code: 'internal', message: 'Koers failed' } });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Koers kon niet starten' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Koers kon zijn database en instellingen niet openen.');
    await expect(page.getByRole('alert')).toContainText('Er ging iets mis in Koers.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

    await page.getByRole('button', { name: 'Logmap openen' }).click();
    await expect(page.getByRole('status')).toContainText(`Logmap: ${app.koers.folder}/logs`);

    app.answer('app.info', null);
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(page.getByRole('heading', { name: 'Welkom bij Koers' })).toBeVisible();
  });
});
