import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDate } from '../../renderer/src/format';
import { formatTypedDate } from '../../renderer/src/dateInput';
import { ok } from '../helpers/seed';
import { expect, noViolations, SIZES, test } from './fixtures';
import { withClient } from './seeds';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

test.describe('consent records (issue 19, Must have 5)', () => {
  test('record, see it end soon in My day, withdraw it; a wrong date is refused at its field (Dutch)', async ({
    app,
  }) => {
    const { client, today, shift } = await withClient(app, 'nl');
    const page = app.page;
    await page.goto(`${app.url}#/clients/${client.id}`);
    const panel = page.getByRole('region', { name: 'Toestemming' });
    await expect(panel).toContainText('Geen toestemming vastgelegd.');

    await panel.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Toestemming vastleggen' });
    await dialog.getByLabel('Doel').fill('Gegevens delen met Werkbrug Re-integratie');
    await expect(dialog.getByLabel('Grondslag')).toHaveValue('consent');
    await dialog.getByLabel('Gegeven', { exact: true }).selectOption({ label: 'Schriftelijk' });
    await expect(dialog.getByLabel('Gegeven op')).toHaveValue(formatTypedDate(today));
    // Ending before it was given: refused at the field, nothing saved.
    await dialog.getByLabel('Geldig tot').fill(formatTypedDate(shift(-3)));
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog.getByLabel('Geldig tot')).toHaveAccessibleDescription(
      'Geldig tot kan niet vóór de dag liggen waarop de toestemming is gegeven.',
    );
    await dialog.getByLabel('Geldig tot').fill(formatTypedDate(shift(10)));
    await dialog.getByLabel('Opmerking').fill('Getekend formulier in het dossier.');
    await noViolations(page);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toHaveText(
      'Toestemming voor “Gegevens delen met Werkbrug Re-integratie” opgeslagen.',
    );
    const row = panel.getByRole('row', { name: /Werkbrug/ });
    await expect(row).toContainText('Toestemming (AVG art. 6 lid 1a)');
    await expect(row).toContainText(`Schriftelijk op ${formatDate(today, 'nl')}`);
    await expect(row).toContainText(formatDate(shift(10), 'nl'));
    await expect(row).toContainText('Verloopt binnenkort');
    await noViolations(page);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: resolve(screenshots, `consent-nl-${size.width}x${size.height}.png`) });
    }

    // My day reminds her, with the client to open.
    await page.getByRole('link', { name: 'Mijn dag' }).click();
    const reminder = page.getByRole('region', { name: /Toestemmingen die binnen 30 dagen verlopen/ });
    await expect(reminder).toContainText(
      `“Gegevens delen met Werkbrug Re-integratie” verloopt op ${formatDate(shift(10), 'nl')}`,
    );
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'consent-myday-nl.png') });
    await reminder.getByRole('link', { name: 'Ahmed Bakkali' }).click();

    // Withdrawn: the record stays, marked, and My day no longer reminds.
    await panel
      .getByRole('button', { name: 'De toestemming voor Gegevens delen met Werkbrug Re-integratie intrekken' })
      .click();
    const withdraw = page.getByRole('dialog', { name: 'Deze toestemming intrekken?' });
    await expect(withdraw.getByLabel('Ingetrokken op')).toHaveValue(formatTypedDate(today));
    await withdraw.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await expect(row).toContainText(`Ingetrokken (ingetrokken op ${formatDate(today, 'nl')})`);
    await expect(panel.getByRole('button', { name: /intrekken/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Mijn dag' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn dag' })).toBeVisible();
    await expect(page.getByText('Toestemmingen die binnen 30 dagen verlopen')).toHaveCount(0);

    // In the audit log under the client: every call, no content.
    await app.koers.context.audit.flush();
    const logged = await app.koers.connection.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', client.id)
      .where('action', 'in', ['consents.save', 'consents.withdraw'])
      .execute();
    expect(logged.map((l) => l.action).sort()).toEqual(['consents.save', 'consents.save', 'consents.withdraw']);
  });

  test('the consent panel and My day in Danish', async ({ app }) => {
    const { client, today, shift } = await withClient(app, 'da');
    await ok(
      app.koers.call('consents.save', {
        clientId: client.id,
        purpose: 'Kontakt til arbejdsgiveren',
        legalBasis: 'public_task',
        givenAs: 'verbal',
        givenOn: today,
        validUntil: shift(20),
      }),
    );
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${app.url}#/clients/${client.id}`);
    const panel = page.getByRole('region', { name: 'Samtykke' });
    const row = panel.getByRole('row', { name: /arbejdsgiveren/ });
    await expect(row).toContainText('Myndighedsudøvelse (art. 6, stk. 1, litra e)');
    await expect(row).toContainText(`Mundtligt den ${formatDate(today, 'da')}`);
    await expect(row).toContainText('Udløber snart');
    await panel.scrollIntoViewIfNeeded();
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'consent-da-1280x720.png') });
    await page.goto(`${app.url}#/my-day`);
    await expect(page.getByRole('region', { name: /Samtykker der udløber inden for 30 dage/ })).toContainText(
      `“Kontakt til arbejdsgiveren” udløber den ${formatDate(shift(20), 'da')}`,
    );
  });
});
