import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from '../../common/languages';
import { catalog, ok } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

/** A key person with the demo caseload (120 clients, 107 of them hers and active) in `language`. */
async function demo(app: AppHarness, language: Language = 'nl') {
  await ok(app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'key_person', demo: true }));
  await app.page.reload();
  await expect(app.page.getByRole('grid')).toBeVisible();
}

const grid = (page: Page) => page.getByRole('grid');
const bodyRows = (page: Page) => grid(page).locator('[role=row][data-index]');
const names = (page: Page) => bodyRows(page).locator('.client-name').allInnerTexts();
const rowCount = async (page: Page) => Number(await grid(page).getAttribute('aria-rowcount')) - 1;
const head = (page: Page, column: string) => grid(page).locator(`.head-${column}`);
const headerTexts = (page: Page) => grid(page).locator('[role=columnheader] .sort-label').allInnerTexts();
const scrollTop = (page: Page) =>
  grid(page)
    .locator('.grid-body')
    .evaluate((el) => el.scrollTop);

test.describe('the caseload comes back as left (Dutch)', () => {
  test('opening a client and coming back: search, filter, sort, scroll position and the row are as they were', async ({
    app,
  }) => {
    await demo(app);
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByLabel('Status').selectOption('all');
    await head(page, 'weeks').getByRole('button').click();
    await head(page, 'weeks').getByRole('button').click();
    await expect(head(page, 'weeks')).toHaveAttribute('aria-sort', 'descending');
    await page.getByLabel('Zoeken').fill('a');
    await expect.poll(() => rowCount(page)).toBeLessThan(120);
    const shown = await rowCount(page);
    expect(shown).toBeGreaterThan(30);

    // Scroll down, then open a row in view with the keyboard.
    await grid(page)
      .locator('.grid-body')
      .evaluate((el) => el.scrollTo(0, 600));
    await expect.poll(() => scrollTop(page)).toBe(600);
    const target = grid(page).locator('[role=row][aria-rowindex="20"]');
    await target.focus();
    const name = await target.locator('.client-name').innerText();
    const place = await scrollTop(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(grid(page)).toHaveCount(0);

    // Back.
    await page.getByRole('link', { name: 'Terug naar de caseload' }).click();
    await expect(grid(page)).toBeVisible();
    await expect(page.getByLabel('Zoeken')).toHaveValue('a');
    await expect(page.getByLabel('Status')).toHaveValue('all');
    await expect(head(page, 'weeks')).toHaveAttribute('aria-sort', 'descending');
    expect(await rowCount(page)).toBe(shown);
    await expect.poll(() => scrollTop(page)).toBe(place);
    await expect(grid(page).locator('[role=row][aria-rowindex="20"]')).toBeFocused();
    await expect(grid(page).locator('[role=row][aria-rowindex="20"] .client-name')).toHaveText(name);
  });

  test('after a restart the filters, the sort and the columns are as left; the search starts empty', async ({
    app,
  }) => {
    await demo(app);
    let page = app.page;
    const { targetGroups } = await catalog(app.koers);
    const group = targetGroups[1]!;
    await page.locator('select[name=targetGroup]').selectOption(group.id);
    await page.getByLabel('Alleen met taken die te laat zijn').check();
    await head(page, 'stage').getByRole('button').click();
    await head(page, 'name')
      .getByRole('button')
      .click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: /^Kolommen/ }).click();
    await page.getByRole('checkbox', { name: 'Gewicht' }).uncheck();
    await page.keyboard.press('Escape');
    await page.getByLabel('Zoeken').fill('zz');
    await expect(head(page, 'weight')).toHaveCount(0);

    page = await app.restart();
    await expect(grid(page)).toBeVisible();
    await expect(page.locator('select[name=targetGroup]')).toHaveValue(group.id);
    await expect(page.getByLabel('Alleen met taken die te laat zijn')).toBeChecked();
    await expect(head(page, 'stage')).toHaveAttribute('aria-sort', 'ascending');
    await expect(head(page, 'name')).toHaveAttribute('aria-sort', 'ascending');
    await expect(head(page, 'stage').locator('.sort-mark')).toContainText('1');
    await expect(head(page, 'name').locator('.sort-mark')).toContainText('2');
    await expect(head(page, 'weight')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Kolommen/ })).toHaveText('Kolommen (10 van 11)');
    await expect(page.getByLabel('Zoeken')).toHaveValue('');
    // Every row is of that target group and has an overdue to-do.
    for (const text of await bodyRows(page).locator('.cell-overdue').allInnerTexts()) expect(text).toMatch(/te laat/);
    const saved = app.koers.settings.get('caseloadView');
    expect(saved?.hidden).toEqual(['weight']);
  });

  test('from the search box, ArrowDown goes into the results and Enter opens the client', async ({ app }) => {
    await demo(app);
    const page = app.page;
    const target = (await ok(app.koers.call('clients.list', {})))[5]!;
    await page.keyboard.press('/');
    await page.keyboard.type(target.reference!);
    await expect(bodyRows(page)).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(bodyRows(page).first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${target.firstName} ${target.lastName}`);
  });

  test('the focus stays in the list when the rows change under it: with the client, or in its place', async ({
    app,
  }) => {
    await demo(app);
    const page = app.page;
    const focusedName = () => page.locator(':focus').locator('.client-name').innerText();
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(bodyRows(page).nth(2)).toBeFocused();
    const third = await focusedName();
    // A client added above it (another window, a colleague): the focus stays with the same client.
    await ok(app.koers.call('clients.create', { firstName: 'Aad', lastName: 'Aaberg' }));
    await expect(bodyRows(page).first().locator('.client-name')).toHaveText('Aaberg, Aad');
    await expect.poll(focusedName).toBe(third);
    // The focused client leaves the list (handed over elsewhere): the focus takes the row now in its place.
    const reference = await page.locator(':focus .cell-reference').innerText();
    const leaving = (await ok(app.koers.call('clients.list', {}))).find((r) => r.reference === reference)!;
    const colleague = await ok(app.koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'caseworker' }));
    await ok(
      app.koers.call('clients.handover', { ids: [leaving.id], toCaseworkerId: colleague.id, date: '2026-12-07' }),
    );
    await expect(page.getByRole('row', { name: new RegExp(third) })).toHaveCount(0);
    await expect(page.locator(':focus')).toHaveAttribute('role', 'row');
    await expect.poll(focusedName).not.toBe(third);
    // And the arrows go on from there.
    await page.keyboard.press('ArrowUp');
    await expect(page.locator(':focus')).toHaveAttribute('role', 'row');
  });
});

test.describe('sorting (Dutch)', () => {
  test('Dutch surnames sort after their prefix; Shift+click adds a second key, marked 1 and 2', async ({ app }) => {
    await ok(
      app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'caseworker', demo: false }),
    );
    const { stages } = await catalog(app.koers);
    const [a, b] = [stages[0]!, stages[1]!];
    const people = [
      ['Jan', 'van den Berg', a],
      ['Piet', 'Bakker', b],
      ['Anne', 'de Vries', a],
      ['Kees', "in 't Veld", b],
      ['Sanne', 'de Boer', a],
      ['Ali', 'Berg', b],
      ['Lotte', 'Visser', a],
      ['Emma', 'ter Horst', b],
    ] as const;
    for (const [firstName, lastName, stage] of people)
      await ok(app.koers.call('clients.create', { firstName, lastName, stageId: stage.id }));
    const page = app.page;
    await page.reload();
    await expect(bodyRows(page)).toHaveCount(people.length);

    // By name: "van den Berg" under B (after Berg, before de Boer), "ter Horst" under H, "de Vries" under V.
    expect(await names(page)).toEqual([
      'Bakker, Piet',
      'Berg, Ali',
      'van den Berg, Jan',
      'de Boer, Sanne',
      'ter Horst, Emma',
      "in 't Veld, Kees",
      'Visser, Lotte',
      'de Vries, Anne',
    ]);

    // Stage first, then (Shift+click) name.
    await head(page, 'stage').getByRole('button').click();
    await head(page, 'name')
      .getByRole('button')
      .click({ modifiers: ['Shift'] });
    await expect(head(page, 'stage')).toHaveAttribute('aria-sort', 'ascending');
    await expect(head(page, 'name')).toHaveAttribute('aria-sort', 'ascending');
    await expect(head(page, 'stage').locator('.sort-mark')).toHaveText('▲1sortering 1');
    await expect(head(page, 'name').locator('.sort-mark')).toHaveText('▲2sortering 2');
    await expect(head(page, 'stage').getByRole('button')).toHaveAccessibleName('Fase sortering 1');
    // The stage whose name sorts first comes first; within each stage, names as above.
    const stageTexts = await bodyRows(page).locator('.cell-stage').allInnerTexts();
    const [first, second] = [...new Set(stageTexts)];
    expect(stageTexts).toEqual([...Array(4).fill(first), ...Array(4).fill(second)]);
    expect(first!.localeCompare(second!, 'nl')).toBeLessThan(0);
    const inA = ['van den Berg, Jan', 'de Boer, Sanne', 'Visser, Lotte', 'de Vries, Anne'];
    const inB = ['Bakker, Piet', 'Berg, Ali', 'ter Horst, Emma', "in 't Veld, Kees"];
    const aFirst = inA.includes((await names(page))[0]!);
    expect(await names(page)).toEqual(aFirst ? [...inA, ...inB] : [...inB, ...inA]);

    // Shift+click on the second key turns it round; the first stays.
    await head(page, 'name')
      .getByRole('button')
      .click({ modifiers: ['Shift'] });
    await expect(head(page, 'name')).toHaveAttribute('aria-sort', 'descending');
    await expect(head(page, 'stage')).toHaveAttribute('aria-sort', 'ascending');
    const reversed = (list: string[]) => [...list].reverse();
    expect(await names(page)).toEqual(
      aFirst ? [...reversed(inA), ...reversed(inB)] : [...reversed(inB), ...reversed(inA)],
    );

    // A plain click sorts by one column again.
    await head(page, 'name').getByRole('button').click();
    await expect(head(page, 'stage')).toHaveAttribute('aria-sort', 'none');
    await expect(head(page, 'name').locator('.sort-mark')).toHaveText('▲');
  });
});

test.describe('columns and export (Dutch)', () => {
  test('the column chooser works from the keyboard; the export carries exactly the columns shown, in order', async ({
    app,
  }) => {
    await demo(app);
    const page = app.page;
    const chooser = page.getByRole('button', { name: /^Kolommen/ });
    await chooser.focus();
    await page.keyboard.press('Enter');
    await expect(chooser).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('group', { name: 'Kolommen die u ziet' })).toBeVisible();
    // The first choice has the focus; Space unticks it (Klantnummer), Tab on to Gewicht.
    await expect(page.getByRole('checkbox', { name: 'Klantnummer' })).toBeFocused();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: 'Gewicht' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await expect(chooser).toBeFocused();
    await expect(chooser).toHaveAttribute('aria-expanded', 'false');
    await expect(head(page, 'reference')).toHaveCount(0);
    await expect(head(page, 'weight')).toHaveCount(0);
    await page.screenshot({ path: resolve(screenshots, 'caseload-columns-nl.png') });

    // Sorted by weeks in stage, longest first; only those due for scoring.
    await head(page, 'weeks').getByRole('button').dblclick();
    await expect(head(page, 'weeks')).toHaveAttribute('aria-sort', 'descending');
    await page.getByLabel('Alleen wie gescoord moet worden').check();
    await expect.poll(() => rowCount(page)).toBeLessThan(107);
    const shown = await headerTexts(page);
    expect(shown).toEqual([
      'Naam',
      'Doelgroep',
      'Fase',
      'Weken in fase',
      'Volgende taak',
      'Datum',
      'Te laat',
      'Laatst gescoord',
      'Scoren op',
    ]);
    const count = await rowCount(page);
    const onScreen = await names(page);

    await page.getByRole('button', { name: 'Exporteren naar Excel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'met de kolommen die u ziet' })).toContainText(
      `${count} rijen opgeslagen`,
    );
    const { today } = await ok(app.koers.call('app.info', {}));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(resolve(app.savedFolder, `Caseload ${today}.xlsx`));
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(shown);
    expect(sheet.actualRowCount - 1).toBe(count);
    const exported = Array.from({ length: onScreen.length }, (_, i) => String(sheet.getRow(i + 2).getCell(1).value));
    expect(exported).toEqual(onScreen);
    // Weeks in stage are numbers, longest first, as on screen.
    const weeks = Array.from({ length: count }, (_, i) => Number(sheet.getRow(i + 2).getCell(4).value));
    expect(weeks).toEqual([...weeks].sort((x, y) => y - x));

    // The CSV the same way (Dutch profile: `;`, with a BOM).
    await page.getByRole('button', { name: 'Exporteren als CSV' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'met de kolommen die u ziet' })).toContainText(
      `${count} rijen opgeslagen in ${resolve(app.savedFolder, `Caseload ${today}.csv`)}`,
    );
    const lines = readFileSync(resolve(app.savedFolder, `Caseload ${today}.csv`), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]!.split(';')).toEqual(shown);
    expect(lines).toHaveLength(count + 1);
  });
});

test.describe('printing (Dutch)', () => {
  test('the caseload prints every filtered row with the columns shown, without navigation or buttons', async ({
    app,
  }) => {
    await demo(app);
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByLabel('Status').selectOption('all');
    await page.getByRole('button', { name: /^Kolommen/ }).click();
    await page.getByRole('checkbox', { name: 'Volgende taak' }).uncheck();
    await page.keyboard.press('Escape');
    await expect.poll(() => rowCount(page)).toBe(120);
    // The grid on screen holds only the rows in view.
    expect(await bodyRows(page).count()).toBeLessThan(60);
    const columns = await headerTexts(page);

    await page.emulateMedia({ media: 'print' });
    const paper = page.locator('.caseload-print');
    await expect(paper).toBeVisible();
    await expect(page.locator('.app-nav')).toBeHidden();
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(grid(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Nieuwe klant' })).toBeHidden();
    await expect(paper.locator('tbody tr')).toHaveCount(120);
    expect(await paper.locator('thead th').allInnerTexts()).toEqual(columns);
    await expect(paper).toContainText('Gefilterd: Alle');
    // Black on white; a row is never cut in two across pages, the header repeats on each.
    expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    expect(
      await paper
        .locator('tbody tr')
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside),
    ).toBe('avoid');
    expect(await paper.locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
    await page.screenshot({ path: resolve(screenshots, 'caseload-print-nl.png'), fullPage: true });

    await page.emulateMedia({ media: 'screen' });
    await expect(paper).toHaveCount(0);
    await expect(grid(page)).toBeVisible();

    // The Print button (and Ctrl+P) ask main to print, with every row on the page while its dialog is open.
    const release = app.hold('app.print');
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    await expect(paper.locator('tbody tr')).toHaveCount(120);
    release();
    await expect(paper).toHaveCount(0);
    expect(app.calls('app.print')).toBe(1);
    await page.keyboard.press('Control+p');
    await expect.poll(() => app.calls('app.print')).toBe(2);
  });

  test('My day and the client page print without navigation or buttons, black on white', async ({ app }) => {
    await demo(app);
    const page = app.page;
    const client = (await ok(app.koers.call('clients.list', {})))[0]!;
    for (const [hash, name] of [
      ['#/my-day', 'myday'],
      [`#/clients/${client.id}`, 'client'],
    ] as const) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${app.url}${hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.app-nav')).toBeHidden();
      await expect(page.locator('.app-header')).toBeHidden();
      await expect(page.locator('.back-link')).toBeHidden();
      const visibleButtons = await page
        .locator('button')
        .evaluateAll((all) => all.filter((b) => (b as HTMLElement).offsetParent !== null).length);
      expect(visibleButtons).toBe(0);
      expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
      await page.screenshot({ path: resolve(screenshots, `${name}-print-nl.png`), fullPage: true });
    }
  });
});

/** Cells whose content does not fit: wider than the cell or cut off. */
const cut = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((cells) =>
      cells
        .filter((cell) => cell.scrollWidth > cell.clientWidth)
        .map((cell) => `${cell.className}: ${cell.textContent}`),
    );

const BULK_LABEL = { nl: 'Geselecteerde klanten', da: 'Valgte borgere', en: 'Selected clients' } as const;
/** How many body rows show whole inside the grid's scrolling area. */
const wholeRows = (page: Page) =>
  grid(page).evaluate((el) => {
    const body = el.querySelector('.grid-body')!.getBoundingClientRect();
    return [...el.querySelectorAll('.grid-body [role=row]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= body.top && box.bottom <= body.bottom + 0.5;
    }).length;
  });
const SIZES = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
] as const;

for (const language of ['nl', 'da', 'en'] as const)
  test(`${language}: status words and headers are never cut off, and the grid fills the window`, async ({ app }) => {
    test.setTimeout(90_000);
    await demo(app, language);
    const page = app.page;
    const checkbox = (i: number) => page.locator('.filter-checks input[type=checkbox]').nth(i);
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      // The page does not scroll: the grid takes the height that is left.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight))
        .toBeLessThanOrEqual(0);
      const bottom = await grid(page).evaluate((el) => el.getBoundingClientRect().bottom);
      expect(bottom).toBeGreaterThan(height - 60);
      // Every column fits beside the others: the grid does not scroll sideways.
      expect(await grid(page).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: resolve(screenshots, `caseload-${language}-${width}x${height}.png`) });
      // A laptop's screenful: at 1366×768 at least nine whole rows show.
      if (width === 1366) expect(await wholeRows(page)).toBeGreaterThanOrEqual(9);
      // Ticking the first row swaps the figures for the actions in the same place: nothing below moves.
      const top = () => grid(page).evaluate((el) => el.getBoundingClientRect().top);
      const before = await top();
      await bodyRows(page).first().locator('input[type=checkbox]').check();
      await expect(page.getByRole('group', { name: BULK_LABEL[language] }).locator('.bulk-buttons')).toBeVisible();
      expect(await top()).toBe(before);
      await bodyRows(page).first().locator('input[type=checkbox]').uncheck();
      if (width === 1920) continue;

      expect(await cut(page, '[role=columnheader]')).toEqual([]);
      // The reference numbers too (the demo's are of one length).
      expect(await cut(page, '.grid-body .cell-reference')).toEqual([]);
      // Those due for scoring ("◆ nu scoren"), then those with overdue to-dos ("● 2 te laat").
      await checkbox(1).check();
      await expect(bodyRows(page).locator('.due-marker').first()).toBeVisible();
      expect(await cut(page, '.grid-body .grid-cell:is(.cell-scoringDue, .cell-due, .cell-lastScored)')).toEqual([]);
      await checkbox(1).uncheck();
      await checkbox(0).check();
      await expect(bodyRows(page).locator('.overdue-marker').first()).toBeVisible();
      expect(await cut(page, '.grid-body .grid-cell:is(.cell-overdue, .cell-due, .cell-scoringDue)')).toEqual([]);
      await checkbox(0).uncheck();
      // Everyone's clients: the caseworker column too.
      await page.locator('select[name=scope]').selectOption('all');
      expect(await cut(page, '[role=columnheader]')).toEqual([]);
      expect(await cut(page, '.grid-body .grid-cell:is(.cell-scoringDue, .cell-overdue, .cell-due)')).toEqual([]);
      await page.locator('select[name=scope]').selectOption({ index: 0 });
    }
  });
