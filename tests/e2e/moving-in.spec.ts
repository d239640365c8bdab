import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ok, publishSheet, setUp } from '../helpers/seed';
import { expect, noViolations, SIZES, test } from './fixtures';

/** Issue 20: moving in from Excel, and search that finds every name. */

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });
const fixtures = resolve(import.meta.dirname, '../fixtures/spreadsheets');

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

test.describe('moving in from Excel', () => {
  test('a key person imports the team workbook: every worksheet recognised, caseworkers created or mapped, next actions and remarks come along; the report saved, the import undone', async ({
    app,
  }) => {
    await setUp(app.koers);
    await publishSheet(app.koers);
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.reload();
    await page.goto(`${app.url}#/spreadsheets`);
    const caseload = page.getByRole('region', { name: 'Caseloadlijst' });
    app.willOpen(resolve(fixtures, 'moving-in-nl.xlsx'));
    await caseload.getByRole('button', { name: 'Bestand kiezen…' }).click();

    // Every worksheet with what Koers recognises in it.
    const worksheets = caseload.getByRole('group', { name: 'Werkbladen' });
    await expect(worksheets.getByLabel('Caseload (250 rijen)')).toHaveValue('caseload');
    await expect(worksheets.getByLabel('Scores (20 rijen)')).toHaveValue('scores');
    await expect(worksheets.getByLabel('Uitstroom werk (8 rijen)')).toHaveValue('closures');
    const list = caseload.getByRole('region', { name: 'Caseload: Caseload' });
    await expect(list.getByLabel('Klantmanager', { exact: true })).toHaveValue('5');
    await expect(list.getByLabel('Volgende actie', { exact: true })).toHaveValue('7');
    await expect(list.getByLabel('Datum volgende actie')).toHaveValue('8');
    await expect(list.getByLabel('Opmerking', { exact: true })).toHaveValue('9');
    const placed = caseload.getByRole('region', { name: /^Uitstroom werk: Afgesloten trajecten/ });
    await expect(placed.getByLabel('Reden voor rijen zonder reden').locator('option:checked')).toHaveText('Werk');

    // Each caseworker name the sheet uses once, however it is spelled; "create" is the default.
    const names = caseload.getByRole('group', { name: 'Klantmanagers in het bestand' });
    await expect(names.getByRole('combobox')).toHaveCount(3);
    await expect(names.getByLabel('“Fatma Yıldız”').locator('option:checked')).toHaveText(
      'Aanmaken als nieuwe klantmanager',
    );
    // Jeroen Bakker is the key person herself under another name: mapped, not created.
    await names.getByLabel('“Jeroen Bakker”').selectOption({ label: 'Anne de Vries' });
    await expect(caseload.getByText(/vink hierboven “Doelgroepen die Koers niet kent aanmaken/)).toBeVisible();
    await caseload.getByRole('checkbox', { name: /Doelgroepen die Koers niet kent aanmaken/ }).check();
    await caseload.getByRole('checkbox', { name: /Fases die Koers niet kent aanmaken/ }).check();
    await expect(list.getByText('250 nieuw')).toBeVisible();
    // The clients the caseload creates are known to the worksheets after it.
    await expect(placed.getByText('8 nieuw')).toBeVisible();
    await expect(caseload.getByRole('region', { name: 'Scores: Eerdere scores' }).getByText('20 nieuw')).toBeVisible();
    await expect(
      caseload.getByText('De import voegt ook 125 taken (volgende acties) en 84 opmerkingen als notitie toe.'),
    ).toBeVisible();
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'moving-in-preview-1366.png'), fullPage: true });
    await caseload.getByRole('button', { name: '278 rijen importeren' }).click();

    const report = caseload.getByRole('region', { name: 'Importverslag' });
    await expect(report.getByRole('status')).toHaveText(
      [
        'Caseload (Caseload): 250 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 lege rijen overgeslagen.',
        'Uitstroom werk (Afgesloten trajecten (uitstroom naar werk)): 8 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 lege rijen overgeslagen.',
        'Scores (Eerdere scores): 20 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 lege rijen overgeslagen.',
        'Toegevoegd: 125 taken en 84 opmerkingen. Nieuwe klantmanagers: Sanne de Wit, Fatma Yıldız.',
      ].join(''),
    );
    await report.getByRole('button', { name: 'Verslag opslaan…' }).click();
    await expect(report.getByRole('status')).toContainText('Verslag opgeslagen als');
    const saved = readdirSync(app.savedFolder).find((name) => name.startsWith('Importverslag'));
    expect(saved).toMatch(/^Importverslag \d{4}-\d{2}-\d{2}\.xlsx$/);
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'moving-in-report-1366.png'), fullPage: true });
    const workers = await ok(app.koers.call('caseworkers.list', {}));
    expect(workers.map((w) => [w.name, w.activeClients]).sort()).toEqual([
      // 250 clients, 8 of them placed in work (closed).
      ['Anne de Vries', 80],
      ['Fatma Yıldız', 81],
      ['Sanne de Wit', 81],
    ]);

    // Her own caseload (the clients of "Jeroen Bakker") with their next actions as to-dos.
    await page.goto(`${app.url}#/`);
    await page.getByLabel('Zoeken').fill('KL-20005');
    const rows = page.getByRole('grid').locator('[role=row][data-index]');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Visser, Noëlle');
    await expect(rows.first()).toContainText('Intakegesprek afronden');
    // Sanne's first client: the next action a to-do on her page, the remark a note.
    const [emre] = await ok(app.koers.call('clients.list', { status: 'all', search: 'KL-20001' }));
    await page.goto(`${app.url}#/clients/${emre!.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Emre Öztürk');
    await expect(page.getByText('Bellen over sollicitatie', { exact: true })).toBeVisible();
    await expect(page.getByText('Wil graag in de zorg werken; heeft rijbewijs B.')).toBeVisible();
    await page.screenshot({ path: resolve(screenshots, 'moving-in-client-1366.png'), fullPage: true });

    // Back on the page the report is still there: the import undone in one click.
    await page.goto(`${app.url}#/spreadsheets`);
    await report.getByRole('button', { name: 'Deze import ongedaan maken' }).click();
    await expect(caseload.getByRole('status')).toHaveText(
      'De import is ongedaan gemaakt: de klanten, taken, notities, afsluitingen, scores, klantmanagers en lijstonderdelen die hij toevoegde zijn weg, en de klanten die hij wijzigde zijn weer zoals ze waren.',
    );
    expect(await ok(app.koers.call('clients.list', { status: 'all' }))).toEqual([]);
    expect((await ok(app.koers.call('caseworkers.list', {}))).map((w) => w.name)).toEqual(['Anne de Vries']);
  });
});

test.describe('flytter ind fra Excel (Danish)', () => {
  for (const size of [SIZES[0], SIZES[2]])
    test(`the Danish workbook at ${size.width}×${size.height}: recognised, previewed, imported`, async ({ app }) => {
      await ok(
        app.koers.call('setup.complete', { language: 'da', name: 'Mette Holm', role: 'key_person', demo: false }),
      );
      const page = app.page;
      await page.setViewportSize(size);
      await page.reload();
      await page.goto(`${app.url}#/spreadsheets`);
      const card = page.getByRole('region', { name: 'Sagsstamme', exact: true }).first();
      app.willOpen(resolve(fixtures, 'moving-in-da.xlsx'));
      await card.getByRole('button', { name: 'Vælg fil…' }).click();
      const worksheets = card.getByRole('group', { name: 'Ark' });
      await expect(worksheets.getByLabel('Borgere (40 rækker)')).toHaveValue('caseload');
      await expect(worksheets.getByLabel('I job (5 rækker)')).toHaveValue('closures');
      const citizens = card.getByRole('region', { name: 'Borgere: Sagsstamme' });
      await expect(citizens.getByLabel('Tidspunkt for næste aftale')).toHaveValue('8');
      // "Mette Holm" (and "mette holm") is the signed-in key person: matched, not listed as unknown.
      await expect(card.getByRole('group', { name: 'Sagsbehandlere i filen' }).getByRole('combobox')).toHaveCount(2);
      await card.getByRole('checkbox', { name: /Opret de målgrupper/ }).check();
      await card.getByRole('checkbox', { name: /Opret de faser/ }).check();
      await expect(citizens.getByText('40 nye')).toBeVisible();
      await noViolations(page);
      await page.screenshot({ path: resolve(screenshots, `moving-in-da-${size.width}.png`), fullPage: true });
      await card.getByRole('button', { name: 'Importér 45 rækker' }).click();
      await expect(card.getByRole('region', { name: 'Importrapport' }).getByRole('status')).toContainText(
        'Borgere (Sagsstamme): 40 nye, 0 opdateret, 0 uændrede, 0 tomme rækker sprunget over.',
      );
      await noViolations(page);
    });
});
