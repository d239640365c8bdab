import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ok, publishSheet } from '../helpers/seed';
import { expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });
const fixtures = resolve(import.meta.dirname, '../fixtures/spreadsheets');

test('import a Dutch caseload from Excel: columns suggested, unknown groups created, preview, import; past scores; export', async ({
  app,
}) => {
  await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
  );
  const page = app.page;
  await page.reload();
  await page.goto(`${app.url}#/spreadsheets`);
  await expect(page.getByRole('heading', { level: 1, name: 'Im-/export' })).toBeVisible();

  // A hostile file first: a clear reason, nothing imported.
  const caseload = page.getByRole('region', { name: 'Caseloadlijst' });
  app.willOpen(resolve(fixtures, 'malformed/zip-bomb.xlsx'));
  await caseload.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(caseload.getByRole('alert')).toContainText('pakt uit tot veel meer gegevens');

  app.willOpen(resolve(fixtures, 'caseload-nl.xlsx'));
  await caseload.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(caseload.getByText('Bestand: caseload-nl.xlsx')).toBeVisible();
  // Every worksheet with what Koers recognises in it: the caseload, and a sheet of notes it leaves alone.
  const worksheets = caseload.getByRole('group', { name: 'Werkbladen' });
  await expect(worksheets.getByLabel('Caseload (12 rijen)')).toHaveValue('caseload');
  await expect(worksheets.getByLabel('Toelichting (1 rij)')).toHaveValue('');
  await expect(caseload.getByLabel('Klantnummer')).toHaveValue('0');
  await expect(caseload.getByLabel('Klantnummer').locator('option:checked')).toHaveText('A: Klantnummer');
  await expect(caseload.getByLabel('Naam', { exact: true })).toHaveValue('1');
  await expect(caseload.getByLabel('Voornaam')).toHaveValue('');
  await expect(caseload.getByText('12 met fouten')).toBeVisible();
  const preview = caseload.getByRole('table', { name: 'De eerste rijen, en elke rij met een probleem' });
  await expect(preview.getByRole('row', { name: /Jan de Vries/ })).toContainText(
    'Doelgroep: deze naam kent Koers niet. (Bijstand 27+)',
  );
  await expect(caseload.getByRole('button', { name: '0 rijen importeren' })).toBeDisabled();
  // A column left out is not imported: every row then lacks its reference (and the choice can be undone).
  await caseload.getByLabel('Klantnummer').selectOption('');
  await expect(caseload.getByLabel('Klantnummer')).toHaveValue('');
  await caseload.getByLabel('Klantnummer').selectOption('0');
  await expect(caseload.getByLabel('Klantnummer')).toHaveValue('0');

  await caseload
    .getByRole('checkbox', {
      name: /Doelgroepen die Koers niet kent aanmaken: Jongeren tot 27, Bijstand 27\+, Statushouders/,
    })
    .check();
  await caseload.getByRole('checkbox', { name: /Fases die Koers niet kent aanmaken/ }).check();
  await expect(caseload.getByText('12 nieuw')).toBeVisible();
  await page.screenshot({ path: resolve(screenshots, 'import-caseload.png'), fullPage: true });
  await caseload.getByRole('button', { name: '12 rijen importeren' }).click();
  await expect(caseload.getByRole('status').filter({ hasText: 'nieuw' })).toHaveText(
    'Caseload (Caseload): 12 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 lege rijen overgeslagen.',
  );

  // Past scores against a published sheet.
  await publishSheet(app.koers);
  await page.reload();
  const scores = page.getByRole('region', { name: 'Eerdere scores' });
  app.willOpen(resolve(fixtures, 'scores-nl.xlsx'));
  await scores.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await scores.getByLabel('Scorelijst').selectOption({ label: 'Zelfredzaamheid' });
  await expect(scores.getByLabel('Financiën')).toHaveValue('2');
  // Another sheet version forgets the chosen columns too.
  await scores.getByLabel('Financiën').selectOption('');
  await expect(scores.getByLabel('Financiën')).toHaveValue('');
  await scores.getByLabel('Scorelijst').selectOption('');
  await scores.getByLabel('Scorelijst').selectOption({ label: 'Zelfredzaamheid' });
  await expect(scores.getByLabel('Financiën')).toHaveValue('2');
  await expect(scores.getByText('8 nieuw')).toBeVisible();
  await scores.getByRole('button', { name: '8 rijen importeren' }).click();
  await expect(scores.getByRole('status').filter({ hasText: 'geïmporteerd' })).toHaveText(
    '8 scores geïmporteerd; 0 rijen overgeslagen (leeg, of al in Koers).',
  );

  // Export the caseload: a real workbook with the twelve clients.
  const exportCard = page.getByRole('region', { name: 'Caseload', exact: true });
  await exportCard.getByRole('checkbox', { name: 'Gepseudonimiseerd' }).uncheck();
  await exportCard.getByRole('button', { name: 'Caseload exporteren…' }).click();
  const today = (await ok(app.koers.call('app.info', {}))).today;
  const path = resolve(app.savedFolder, `Caseload ${today}.xlsx`);
  await expect(exportCard.getByRole('status')).toHaveText(`12 rijen opgeslagen in ${path}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows = book.getWorksheet('Caseload')!.getSheetValues().slice(1);
  expect(rows).toHaveLength(13);
  expect(JSON.stringify(rows)).toContain('Françoise');

  // The caseload page shows them.
  await page.goto(`${app.url}#/`);
  await expect(page.getByRole('row', { name: /de Vries, Jan KL-10237 Bijstand 27\+ Activering/ })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /El Amrani, Mohammed KL-10245 Statushouders Kennismaking/ }),
  ).toBeVisible();
});
