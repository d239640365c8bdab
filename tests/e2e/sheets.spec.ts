import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ok } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

/** A key person at work (Dutch), with target groups to choose from, on one screen. */
async function openAs(app: AppHarness, hash: string, targetGroups: readonly string[] = []) {
  const { caseworkerId } = await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
  );
  const groups = [];
  for (const name of targetGroups)
    groups.push(await ok(app.koers.call('catalog.create', { kind: 'target_group', name })));
  await app.page.reload();
  await app.page.goto(`${app.url}${hash}`);
  return { me: caseworkerId, groups };
}

interface IndicatorText {
  name: string;
  description: string;
  levels: ReadonlyArray<readonly [label: string, description: string]>;
}

const INDICATORS: readonly IndicatorText[] = [
  {
    name: 'Taal',
    description: 'Nederlands spreken en begrijpen.',
    levels: [
      ['Begrijpt weinig', 'Heeft een tolk nodig bij gesprekken.'],
      ['Redt zich', 'Begrijpt eenvoudige zinnen over het dagelijks leven.'],
      ['Zelfstandig', 'Voert gesprekken zonder hulp.'],
    ],
  },
  {
    name: 'Financiën',
    description: 'Rondkomen en rekeningen betalen.',
    levels: [
      ['Schulden', 'Betalingsachterstanden, geen overzicht.'],
      ['Met hulp', 'Betaalt op tijd met budgetbeheer.'],
      ['Op orde', 'Betaalt alles zelf op tijd.'],
    ],
  },
  {
    name: 'Dagbesteding',
    description: 'Een zinvolle invulling van de week.',
    levels: [
      ['Geen', 'Zit vooral thuis.'],
      ['Af en toe', 'Doet soms mee aan een activiteit.'],
      ['Vast ritme', 'Heeft elke week vaste activiteiten.'],
    ],
  },
];

/** The whole page at once: a taller window, so the sticky editor footer sits where it belongs. */
async function screenshot(page: Page, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path: resolve(screenshots, name) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const indicatorGroup = (editor: Locator, number: number) =>
  editor.getByRole('group', { name: new RegExp(`^Indicator ${number}:`) });

async function addIndicator(editor: Locator, page: Page, number: number, text: IndicatorText) {
  await editor.getByRole('button', { name: 'Indicator toevoegen' }).click();
  const group = indicatorGroup(editor, number);
  await expect(group).toHaveAccessibleName(`Indicator ${number}: nog zonder naam`);
  // The new indicator's name field has the focus: type straight away.
  await expect(group.getByLabel('Naam van de indicator')).toBeFocused();
  await page.keyboard.type(text.name);
  await group.getByLabel('Korte omschrijving').fill(text.description);
  await group.getByLabel('Laagste niveau').fill('1');
  await group.getByLabel('Hoogste niveau').fill(String(text.levels.length));
  await expect(group.getByRole('row')).toHaveCount(text.levels.length + 1);
  for (const [i, [label, description]] of text.levels.entries()) {
    await group.getByLabel(`Naam van niveau ${i + 1}`, { exact: true }).fill(label);
    await group.getByLabel(`Omschrijving van niveau ${i + 1}`, { exact: true }).fill(description);
  }
}

async function publish(page: Page, number: number, name: string) {
  await page.getByRole('button', { name: `Versie ${number} publiceren` }).click();
  const dialog = page.getByRole('dialog', { name: `Versie ${number} van “${name}” publiceren?` });
  await expect(dialog).toContainText('Een gepubliceerde versie verandert nooit.');
  await dialog.getByRole('button', { name: `Versie ${number} publiceren` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Versie ${number} is gepubliceerd.` })).toBeVisible();
}

test.describe('scoring sheets (key person)', () => {
  test('build a sheet of three indicators, publish it, publish a second version, refuse bad input, retire it', async ({
    app,
  }) => {
    const { groups } = await openAs(app, '#/sheets', ['Jongeren', 'Statushouders']);
    const page = app.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Scorelijsten' })).toBeVisible();
    await expect(page.getByText('Nog geen scorelijsten.')).toBeVisible();

    // From the empty starter: a draft of version 1 opens.
    const create = page.getByRole('form', { name: 'Nieuwe scorelijst vanuit een startpunt' });
    await create.getByLabel('Startpunt').selectOption({ label: 'Lege scorelijst' });
    await create.getByRole('button', { name: 'Scorelijst maken' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe scorelijst');
    const editor = page.getByRole('region', { name: 'Concept van versie 1' });
    await expect(editor).toContainText('Klantmanagers kunnen ook altijd “niet gescoord” kiezen');
    await expect(page.getByRole('button', { name: /Bewerken/ })).toHaveCount(0);

    await editor.getByLabel('Naam van de scorelijst').fill('Zelfredzaamheid');
    await editor.getByLabel('Omschrijving van de scorelijst').fill('Hoe goed redt iemand zich in het dagelijks leven?');
    await editor.getByRole('checkbox', { name: 'Jongeren' }).check();
    for (const [i, text] of INDICATORS.entries()) await addIndicator(editor, page, i + 1, text);

    // Reorder from the keyboard: focus stays on the arrow pressed.
    await indicatorGroup(editor, 3).getByRole('button', { name: 'Indicator Dagbesteding omhoog verplaatsen' }).focus();
    await page.keyboard.press('Enter');
    await expect(indicatorGroup(editor, 2)).toHaveAccessibleName('Indicator 2: Dagbesteding');
    await expect(editor.getByRole('button', { name: 'Indicator Dagbesteding omhoog verplaatsen' })).toBeFocused();
    await expect(editor.getByRole('status')).toHaveText('Indicator Dagbesteding staat nu op plaats 2 van 3.');
    await editor.getByRole('button', { name: 'Indicator Dagbesteding omlaag verplaatsen' }).click();
    await expect(indicatorGroup(editor, 3)).toHaveAccessibleName('Indicator 3: Dagbesteding');

    // Widening the scale adds a row and keeps the texts; narrowing it again removes the row.
    const taal = indicatorGroup(editor, 1);
    await taal.getByLabel('Hoogste niveau').fill('4');
    await expect(taal.getByLabel('Naam van niveau 4', { exact: true })).toHaveValue('');
    await expect(taal.getByLabel('Naam van niveau 3', { exact: true })).toHaveValue('Zelfstandig');
    await taal.getByLabel('Hoogste niveau').fill('3');
    await expect(taal.getByLabel('Naam van niveau 4', { exact: true })).toHaveCount(0);

    await expect(editor.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.')).toBeVisible();
    await editor.getByRole('button', { name: 'Concept opslaan' }).click();
    await expect(editor.getByRole('status')).toHaveText('Concept opgeslagen.');
    await expect(editor.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.')).toHaveCount(0);
    await screenshot(page, 'sheet-editor.png');

    await publish(page, 1, 'Zelfredzaamheid');
    const sheetId = page.url().split('#/sheets/')[1]!;
    const v1 = await ok(app.koers.call('sheets.get', { id: sheetId }));
    expect(v1.publishedNumber).toBe(1);
    expect(v1.published!.indicators.map((i) => i.name)).toEqual(['Taal', 'Financiën', 'Dagbesteding']);
    expect(v1.published!.indicators[0]!.levels.map((l) => l.label)).toEqual([
      'Begrijpt weinig',
      'Redt zich',
      'Zelfstandig',
    ]);
    expect(v1.targetGroupIds).toEqual([groups[0]!.id]);

    // The published version is shown read-only: nothing to type in, only "edit" starting version 2.
    const published = page.getByRole('region', { name: /^Versie 1, gepubliceerd op / });
    await expect(published.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(published).toContainText('Alleen lezen: een gepubliceerde versie verandert nooit.');
    await expect(published.getByRole('table', { name: 'Niveaus van Financiën' })).toContainText(
      'Betaalt op tijd met budgetbeheer.',
    );
    await expect(published).toContainText('Schaal 1 tot 3');
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Concept opslaan' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Bewerken (versie 2 beginnen)' })).toBeVisible();
    await screenshot(page, 'sheet-published.png');

    // In the list: version 1, default for Jongeren.
    await page.getByRole('link', { name: 'Alle scorelijsten' }).click();
    const row = page.getByRole('table', { name: 'Scorelijsten' }).getByRole('row', { name: /Zelfredzaamheid/ });
    await expect(row).toContainText('Versie 1');
    await expect(row).toContainText('Jongeren');
    await row.getByRole('link', { name: 'Zelfredzaamheid' }).click();

    // Version 2: one level text changed, nothing added or removed. Publishing saves first.
    await page.getByRole('button', { name: 'Bewerken (versie 2 beginnen)' }).click();
    const editor2 = page.getByRole('region', { name: 'Concept van versie 2' });
    await expect(editor2.getByRole('heading', { name: 'Concept van versie 2' })).toBeFocused();
    await indicatorGroup(editor2, 2).getByLabel('Naam van niveau 2', { exact: true }).fill('Met budgetbeheer');
    await publish(page, 2, 'Zelfredzaamheid');
    const v2 = await ok(app.koers.call('sheets.get', { id: sheetId }));
    expect(v2.publishedNumber).toBe(2);
    expect(v2.published!.indicators[1]!.levels[1]!.label).toBe('Met budgetbeheer');
    // The indicators kept their keys: progression runs on across versions.
    expect(v2.published!.indicators.map((i) => i.key)).toEqual(v1.published!.indicators.map((i) => i.key));
    await expect(page.getByRole('region', { name: /^Versie 2, gepubliceerd op / })).toContainText('Met budgetbeheer');

    // Bad input is refused, in Dutch, next to the field; nothing is saved.
    await page.getByRole('button', { name: 'Bewerken (versie 3 beginnen)' }).click();
    const editor3 = page.getByRole('region', { name: 'Concept van versie 3' });
    const before = JSON.stringify(
      (await ok(app.koers.call('sheets.get', { id: sheetId }))).draft!.indicators.map((i) => [
        i.name,
        i.scaleMin,
        i.scaleMax,
        i.levels,
      ]),
    );
    await indicatorGroup(editor3, 1).getByLabel('Naam van niveau 2', { exact: true }).fill('');
    await editor3.getByRole('button', { name: 'Concept opslaan' }).click();
    await expect(editor3.getByRole('alert')).toHaveText('Controleer de gemarkeerde velden. Er is niets opgeslagen.');
    await expect(
      indicatorGroup(editor3, 1).getByLabel('Naam van niveau 2', { exact: true }),
    ).toHaveAccessibleDescription('Naam van niveau 2 is verplicht.');

    await indicatorGroup(editor3, 1).getByLabel('Naam van niveau 2', { exact: true }).fill('Redt zich');
    const dagbesteding = indicatorGroup(editor3, 3);
    await dagbesteding.getByLabel('Laagste niveau').fill('3');
    await dagbesteding.getByLabel('Hoogste niveau').fill('3');
    await editor3.getByRole('button', { name: 'Concept opslaan' }).click();
    await expect(dagbesteding.getByLabel('Hoogste niveau')).toHaveAccessibleDescription(
      /Hoogste niveau: het hoogste niveau moet boven het laagste liggen\./,
    );
    await expect(
      indicatorGroup(editor3, 1).getByLabel('Naam van niveau 2', { exact: true }),
    ).not.toHaveAccessibleDescription(/verplicht/);
    await expect(editor3.getByRole('alert')).toHaveText('Controleer de gemarkeerde velden. Er is niets opgeslagen.');
    const after = JSON.stringify(
      (await ok(app.koers.call('sheets.get', { id: sheetId }))).draft!.indicators.map((i) => [
        i.name,
        i.scaleMin,
        i.scaleMax,
        i.levels,
      ]),
    );
    expect(after).toBe(before);
    await screenshot(page, 'sheet-editor-errors.png');

    // Retire: the sheet says so, and so does the list.
    await page.getByRole('button', { name: 'Buiten gebruik stellen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: '“Zelfredzaamheid” is buiten gebruik gesteld' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Niet meer in gebruik');
    expect((await ok(app.koers.call('sheets.get', { id: sheetId }))).retired).toBe(true);

    // A ladder from a starter, and a copy of it, for the overview.
    await page.getByRole('link', { name: 'Alle scorelijsten' }).click();
    await create.getByLabel('Startpunt').selectOption({ label: 'Participatieladder (zes treden)' });
    await create.getByRole('button', { name: 'Scorelijst maken' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Participatieladder');
    await expect(
      indicatorGroup(page.getByRole('region', { name: 'Concept van versie 1' }), 1).getByLabel('Naam van niveau 1', {
        exact: true,
      }),
    ).toHaveValue('Geïsoleerd');
    await page.getByRole('link', { name: 'Alle scorelijsten' }).click();
    await page.getByRole('button', { name: 'Zelfredzaamheid kopiëren' }).click();
    const copy = page.getByRole('dialog', { name: '“Zelfredzaamheid” kopiëren' });
    await expect(copy.getByLabel('Naam')).toHaveValue('Kopie van Zelfredzaamheid');
    await copy.getByLabel('Naam').fill('Zelfredzaamheid jongeren');
    await copy.getByRole('button', { name: 'Kopiëren' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zelfredzaamheid jongeren');
    await expect(
      indicatorGroup(page.getByRole('region', { name: 'Concept van versie 1' }), 2).getByLabel('Naam van niveau 2', {
        exact: true,
      }),
    ).toHaveValue('Met budgetbeheer');

    await page.getByRole('link', { name: 'Alle scorelijsten' }).click();
    const table = page.getByRole('table', { name: 'Scorelijsten' });
    await expect(table.getByRole('row', { name: /Zelfredzaamheid Niet meer in gebruik/ })).toContainText('Versie 2');
    await expect(table.getByRole('row', { name: /Zelfredzaamheid Niet meer in gebruik/ })).toContainText(
      'concept van versie 3 in bewerking',
    );
    await expect(table.getByRole('row', { name: /Participatieladder/ })).toContainText('Alleen concept');
    await expect(table.getByRole('row', { name: /Zelfredzaamheid jongeren/ })).toContainText('geen doelgroep');
    await screenshot(page, 'sheets.png');
  });
});

test.describe('Danish', () => {
  test('a starter is filled in in Danish, and the editor speaks of scoreark, indikatorer and betegnelse', async ({
    app,
  }) => {
    await ok(
      app.koers.call('setup.complete', { language: 'da', name: 'Mette Jensen', role: 'key_person', demo: false }),
    );
    await app.page.reload();
    const page = app.page;
    await page.goto(`${app.url}#/sheets`);
    await expect(page.getByRole('heading', { level: 1, name: 'Scoreark' })).toBeVisible();
    const create = page.getByRole('form', { name: 'Nyt scoreark ud fra en skabelon' });
    await create.getByLabel('Skabelon').selectOption({ label: 'Deltagelsesstige (seks trin)' });
    await create.getByRole('button', { name: 'Opret scoreark' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deltagelsesstige');
    const editor = page.getByRole('region', { name: 'Kladde til version 1' });
    await expect(
      editor
        .getByRole('group', { name: 'Indikator 1: Deltagelse' })
        .getByLabel('Betegnelse for niveau 1', { exact: true }),
    ).toHaveValue('Isoleret');
    await expect(editor).toContainText('Sagsbehandlere kan også altid vælge “ikke scoret”');
    await expect(editor.getByRole('button', { name: 'Offentliggør version 1' })).toBeVisible();
  });
});

test.describe('coverage (key person)', () => {
  test('rows per caseworker, and progress against a team target', async ({ app }) => {
    const { me } = await openAs(app, '#/coverage');
    const page = app.page;
    const { today } = await ok(app.koers.call('app.info', {}));
    const bram = await ok(app.koers.call('caseworkers.create', { name: 'Bram Visser', role: 'caseworker' }));
    const jan = await ok(app.koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen', caseworkerId: me }));
    await ok(app.koers.call('clients.create', { firstName: 'Ayşe', lastName: 'Yılmaz', caseworkerId: me }));
    await ok(app.koers.call('clients.create', { firstName: 'Daan', lastName: 'de Boer', caseworkerId: bram.id }));
    const ladder = await ok(app.koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    const version = (await ok(app.koers.call('sheets.publish', { id: ladder.id }))).published!;
    await ok(
      app.koers.call('scorings.create', {
        clientId: jan.id,
        versionId: version.id,
        date: today,
        scoredBy: 'together',
        scores: [{ indicatorId: version.indicators[0]!.id, value: 3 }],
      }),
    );

    await expect(page.getByRole('heading', { level: 1, name: 'Dekking' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Dekking per klantmanager' });
    const anne = table.getByRole('row', { name: /Anne de Vries/ });
    const bramRow = table.getByRole('row', { name: /Bram Visser/ });
    await expect(anne.getByRole('cell')).toHaveText(['2', '1', '50%', 'geen doel ingesteld']);
    await expect(bramRow.getByRole('cell')).toHaveText(['1', '0', '0%', 'geen doel ingesteld']);
    await expect(table.getByRole('row', { name: /Hele team/ }).getByRole('cell')).toHaveText([
      '3',
      '1',
      '33,3%',
      'geen doel ingesteld',
    ]);
    await expect(page.getByText('Er is nog geen teamdoel ingesteld.')).toBeVisible();

    const form = page.getByRole('form', { name: 'Teamdoel' });
    await form.getByLabel('Deel gescoord binnen ritme (%)').fill('150');
    await form.getByLabel('Te halen op').fill('2031-07-01');
    await form.getByRole('button', { name: 'Doel instellen' }).click();
    await expect(form.getByLabel('Deel gescoord binnen ritme (%)')).toHaveAccessibleDescription(
      /Vul een percentage van 0 tot 100 in\./,
    );
    expect((await ok(app.koers.call('coverage.get', {}))).target).toBeNull();

    await form.getByLabel('Deel gescoord binnen ritme (%)').fill('50');
    await form.getByRole('button', { name: 'Doel instellen' }).click();
    await expect(page.getByRole('status')).toHaveText('Teamdoel ingesteld: 50% op 1 jul 2031.');
    await expect(
      page.getByText('Doel: 50% van de actieve klanten gescoord binnen het ritme op 1 jul 2031.'),
    ).toBeVisible();
    expect((await ok(app.koers.call('coverage.get', {}))).target).toEqual({ share: 0.5, dueOn: '2031-07-01' });
    await expect(anne.getByRole('cell').nth(3)).toHaveText('Doel gehaald');
    await expect(bramRow.getByRole('cell').nth(3)).toHaveText('Nog 1 klant te scoren');
    await expect(
      table
        .getByRole('row', { name: /Hele team/ })
        .getByRole('cell')
        .nth(3),
    ).toHaveText('Nog 1 klant te scoren');
    await screenshot(page, 'coverage.png');
  });
});

test.describe('rescoring rhythm of target groups', () => {
  test('shows the default, refuses more than 52 weeks, saves a rhythm and clears it again', async ({ app }) => {
    const { groups } = await openAs(app, '#/lists', ['Jongeren']);
    const page = app.page;
    const section = page.getByRole('region', { name: 'Doelgroepen' });
    const row = section.getByRole('row', { name: /Jongeren/ });
    await expect(section.getByRole('columnheader', { name: 'Scoorritme' })).toBeVisible();
    await expect(row).toContainText('Elke 12 weken (standaard)');

    await row.getByRole('button', { name: 'Ritme van Jongeren wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scoorritme van “Jongeren”' });
    const weeks = dialog.getByLabel('Opnieuw scoren na (weken)');
    await expect(weeks).toBeFocused();
    await expect(weeks).toHaveAccessibleDescription(/Laat het leeg voor de standaard: elke 12 weken\./);
    await weeks.fill('60');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(weeks).toHaveAccessibleDescription(/Opnieuw scoren na \(weken\) mag hoogstens 52 zijn\./);
    await weeks.fill('8');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(section.getByRole('status')).toHaveText('Klanten in “Jongeren” worden elke 8 weken opnieuw gescoord.');
    await expect(row).toContainText('Elke 8 weken');
    const saved = (await ok(app.koers.call('catalog.list', {}))).find((i) => i.id === groups[0]!.id)!;
    expect(saved.rescoreWeeks).toBe(8);
    expect(saved.name).toBe('Jongeren');

    await row.getByRole('button', { name: 'Ritme van Jongeren wijzigen' }).click();
    await expect(weeks).toHaveValue('8');
    await weeks.fill('');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(section.getByRole('status')).toHaveText(
      '“Jongeren” volgt de standaard: elke 12 weken opnieuw scoren.',
    );
    await expect(row).toContainText('Elke 12 weken (standaard)');
    expect((await ok(app.koers.call('catalog.list', {}))).find((i) => i.id === groups[0]!.id)!.rescoreWeeks).toBeNull();
  });
});
