import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ok, publishSheet } from '../helpers/seed';
import { expect, noViolations, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

test.describe('the client’s own voice (issue 19)', () => {
  test('a key person translates the published sheet into Arabic: each field beside the original, right to left', async ({
    app,
  }) => {
    await ok(
      app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
    );
    const sheet = await publishSheet(app.koers);
    const page = app.page;
    await page.reload();
    await page.goto(`${app.url}#/sheets/${sheet.id}`);
    const panel = page.getByRole('region', { name: 'Vertalingen van versie 1' });
    await expect(panel).toContainText('Nog geen vertalingen.');
    await panel.getByRole('button', { name: 'Vertaling toevoegen' }).click();
    const choose = page.getByRole('dialog', { name: 'In welke taal vertalen?' });
    await choose.getByLabel('Taal').selectOption({ label: 'Arabisch (ar)' });
    await choose.getByRole('button', { name: 'Vertalen' }).click();

    const name = panel.getByLabel('Naam: Financiën');
    await expect(name).toHaveAttribute('dir', 'rtl');
    await expect(name).toHaveAttribute('lang', 'ar');
    await name.fill('المالية');
    await panel.getByLabel('Niveau 1: Niveau 1').first().fill('أزمة');
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'sheet-translation-ar.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Vertaling in het Arabisch (ar) opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toHaveText(
      'De vertaling in het Arabisch (ar) is opgeslagen.',
    );
    await expect(panel.getByRole('row', { name: /Arabisch/ })).toContainText(
      '2 van 18 namen van indicatoren en niveaus',
    );
    const [saved] = await ok(app.koers.call('sheets.translations', { versionId: sheet.publishedVersionId! }));
    expect(saved).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(saved!.indicators[0]).toMatchObject({ name: 'المالية', levels: [{ value: 1, label: 'أزمة' }] });

    // Changing it shows what was saved.
    await panel.getByRole('button', { name: 'De vertaling in het Arabisch (ar) wijzigen' }).click();
    await expect(panel.getByLabel('Naam: Financiën')).toHaveValue('المالية');
  });
});
