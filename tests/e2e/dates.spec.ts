import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Language } from '../../common/languages';
import { ok } from '../helpers/seed';
import { type AppHarness, expect, test, SIZES, noViolations } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });
const fixtures = resolve(import.meta.dirname, '../fixtures/spreadsheets');

async function screenshots3(page: Page, name: string, show?: Locator) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await show?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(screenshots, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const TEXT = {
  nl: {
    addTodo: 'Taak toevoegen',
    form: 'Nieuwe taak',
    title: 'Wat',
    date: 'Datum',
    time: 'Tijd',
    placeholder: 'dd-mm-jjjj',
    timePlaceholder: 'uu:mm',
    open: 'Kalender openen',
    calendar: 'Kalender: Datum',
    impossible: 'Datum: 31-02 is geen datum. Typ eerst de dag, bijvoorbeeld 7-12-2026 of 7-12.',
    shown: (year: number) => `7 dec ${year}`,
  },
  da: {
    addTodo: 'Tilføj opgave',
    form: 'Ny opgave',
    title: 'Hvad',
    date: 'Dato',
    time: 'Tidspunkt',
    placeholder: 'dd-mm-åååå',
    timePlaceholder: 'tt:mm',
    open: 'Åbn kalenderen',
    calendar: 'Kalender: Dato',
    impossible: 'Dato: 31-02 er ikke en dato. Skriv dagen først, f.eks. 7-12-2026 eller 7-12.',
    shown: (year: number) => `7. dec. ${year}`,
  },
  en: {
    addTodo: 'Add to-do',
    form: 'New to-do',
    title: 'What',
    date: 'Due date',
    time: 'Time',
    placeholder: 'dd-mm-yyyy',
    timePlaceholder: 'hh:mm',
    open: 'Open the calendar',
    calendar: 'Calendar: Due date',
    impossible: 'Due date: 31-02 is not a date. Type it day first, e.g. 7-12-2026 or 7-12.',
    shown: (year: number) => `7 Dec ${year}`,
  },
} as const;

/** A caseworker with one client, in `language`, on the client page. */
async function onClientPage(app: AppHarness, language: Language) {
  await ok(app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'caseworker', demo: false }));
  const { today } = await ok(app.koers.call('app.info', {}));
  const client = await ok(app.koers.call('clients.create', { firstName: 'Ahmed', lastName: 'Bakkali' }));
  await app.page.reload();
  await app.page.goto(`${app.url}#/clients/${client.id}`);
  return { client, year: Number(today.slice(0, 4)), today };
}

for (const language of ['nl', 'da', 'en'] as const) {
  test.describe(`date fields in ${language}, on a browser set to American English`, () => {
    // The system's locale would show mm/dd/yyyy and AM/PM in a native date input: Koers's language decides.
    test.use({ locale: 'en-US' });

    test('typed day first, a missing year completed, a typed year kept, an impossible date refused', async ({
      app,
    }) => {
      const text = TEXT[language];
      const { client, year, today } = await onClientPage(app, language);
      const page = app.page;
      expect(await page.evaluate(() => navigator.language)).toBe('en-US');
      await page.getByRole('button', { name: text.addTodo }).first().click();
      const form = page.getByRole('form', { name: text.form });
      const date = form.getByRole('textbox', { name: text.date, exact: true });
      const time = form.getByRole('textbox', { name: text.time, exact: true });
      await expect(date).toHaveAttribute('placeholder', text.placeholder);
      await expect(time).toHaveAttribute('placeholder', text.timePlaceholder);
      // Today, day first, whatever the browser's locale.
      await expect(date).toHaveValue(`${today.slice(8)}-${today.slice(5, 7)}-${today.slice(0, 4)}`);

      // "7-12": the year is this year's, filled in on leaving the field; saved as 7 December.
      await form.getByRole('textbox', { name: text.title }).fill('Bellen');
      await date.fill('7-12');
      await time.fill('930');
      await time.blur();
      await expect(date).toHaveValue(`07-12-${year}`);
      await expect(time).toHaveValue('09:30');
      await form.getByRole('button', { name: text.addTodo }).click();
      await expect
        .poll(async () => (await ok(app.koers.call('actions.list', { clientId: client.id }))).map((a) => a.dueDate))
        .toEqual([`${year}-12-07`]);
      const saved = (await ok(app.koers.call('actions.list', { clientId: client.id })))[0]!;
      expect(saved.dueTime).toBe('09:30');
      // Shown in the list with a four-digit year.
      await expect(page.getByRole('region', { name: /^(Taken|Opgaver|To-dos)$/ })).toContainText(text.shown(year));

      // A full date typed is kept as typed, not overwritten with this year.
      await form.getByRole('textbox', { name: text.title }).fill('Huisbezoek');
      await date.fill('7.12.2031');
      await date.blur();
      await expect(date).toHaveValue('07-12-2031');
      await form.getByRole('button', { name: text.addTodo }).click();
      await expect
        .poll(async () =>
          (await ok(app.koers.call('actions.list', { clientId: client.id }))).map((a) => a.dueDate).sort(),
        )
        .toEqual([`${year}-12-07`, '2031-12-07']);

      // An impossible date: a translated message at the field, and nothing is saved.
      await form.getByRole('textbox', { name: text.title }).fill('Niets');
      await date.fill('31-02');
      await date.blur();
      await expect(date).toHaveAttribute('aria-invalid', 'true');
      await expect(date).toHaveAccessibleDescription(text.impossible);
      await form.getByRole('button', { name: text.addTodo }).click();
      await expect(form.getByRole('alert')).toBeVisible();
      await expect(date).toBeFocused();
      expect(await ok(app.koers.call('actions.list', { clientId: client.id }))).toHaveLength(2);

      // The calendar: opened from its button, days by arrow keys, Enter picks, focus back on the button.
      await date.fill('07-12-2031');
      const opener = form.getByRole('button', { name: text.open });
      await expect(opener).toHaveAccessibleDescription(text.date);
      await opener.click();
      const calendar = page.getByRole('dialog', { name: text.calendar });
      await expect(calendar.getByRole('gridcell', { selected: true })).toHaveText('7');
      await expect(calendar.getByRole('gridcell', { selected: true })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      await noViolations(page);
      await screenshots3(page, `date-field-calendar-${language}`, calendar);
      await page.keyboard.press('Enter');
      await expect(calendar).toBeHidden();
      await expect(date).toHaveValue('15-12-2031');
      await expect(opener).toBeFocused();
      // Page Down moves a month; Esc closes the calendar and leaves the date as it was.
      await opener.click();
      await page.keyboard.press('PageDown');
      await expect(page.getByRole('dialog', { name: text.calendar })).toContainText(/2032/);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: text.calendar })).toBeHidden();
      await expect(date).toHaveValue('15-12-2031');
      await screenshots3(page, `date-field-${language}`, form);
    });
  });
}

test.describe('a to-do edited in a dialog (Danish, American English browser)', () => {
  test.use({ locale: 'en-US' });
  test('the date shows in the Danish format, and a typed date replaces it', async ({ app }) => {
    const { client } = await onClientPage(app, 'da');
    await ok(
      app.koers.call('actions.create', { clientId: client.id, title: 'CV', kind: 'task', dueDate: '2027-01-16' }),
    );
    const page = app.page;
    await page.reload();
    await expect(page.getByRole('region', { name: 'Opgaver' })).toContainText('16. jan. 2027');
    await page.getByRole('button', { name: 'Ret “CV”' }).click();
    const dialog = page.getByRole('dialog');
    const date = dialog.getByRole('textbox', { name: 'Dato', exact: true });
    await expect(date).toHaveValue('16-01-2027');
    await date.fill('07122027');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await expect(dialog).toBeHidden();
    expect((await ok(app.koers.call('actions.list', { clientId: client.id })))[0]!.dueDate).toBe('2027-12-07');
  });
});

test.describe('errors point at the problem (Dutch)', () => {
  test('a refused publish focuses the field in error, in view and clear of the sticky footer', async ({ app }) => {
    await ok(
      app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
    );
    const sheet = await ok(app.koers.call('sheets.createFromStarter', { starter: 'work_readiness', language: 'nl' }));
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.reload();
    await page.goto(`${app.url}#/sheets/${sheet.id}`);
    const editor = page.getByRole('region', { name: 'Concept van versie 1' });
    // The first indicator's name emptied; the publish button is pressed at the foot of a long page.
    const name = editor.getByRole('group', { name: /^Indicator 1:/ }).getByLabel('Naam van de indicator');
    await name.fill('');
    const publish = page.getByRole('button', { name: 'Versie 1 publiceren' });
    await editor.getByRole('button', { name: 'Indicator toevoegen' }).scrollIntoViewIfNeeded();
    await expect(name).not.toBeInViewport();
    await publish.click();

    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('Naam van de indicator is verplicht.');
    await expect(name).toBeInViewport();
    const field = (await name.boundingBox())!;
    const footer = (await page.locator('.editor-footer').boundingBox())!;
    expect(field.y + field.height).toBeLessThanOrEqual(footer.y);
    expect(field.y).toBeGreaterThanOrEqual(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await noViolations(page);
    await screenshots3(page, 'sheet-publish-error');
  });

  test('an export refused speaks of the export; the import hint names the checkbox that fixes it', async ({ app }) => {
    await ok(
      app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
    );
    const page = app.page;
    await page.reload();
    await page.goto(`${app.url}#/spreadsheets`);

    const scores = page.getByRole('region', { name: 'Scores', exact: true });
    await scores.getByLabel('Indeling').selectOption({ label: 'Eén rij per scoremoment (breed)' });
    await scores.getByRole('button', { name: 'Scores exporteren…' }).click();
    const alert = scores.getByRole('alert');
    await expect(alert).toHaveText('De export is niet gemaakt. Scorelijst is verplicht.');
    await expect(alert).not.toContainText('gemarkeerde');

    const caseload = page.getByRole('region', { name: 'Caseloadlijst' });
    app.willOpen(resolve(fixtures, 'caseload-nl.xlsx'));
    await caseload.getByRole('button', { name: 'Bestand kiezen…' }).click();
    // The file is read in a worker thread: on a busy machine that takes a while.
    await expect(caseload.getByText('12 met fouten')).toBeVisible({ timeout: 30_000 });
    const hint = caseload.getByText(/Er staan doelgroepen of fases in die Koers niet kent/);
    await expect(hint).toContainText(
      'vink hierboven “Doelgroepen die Koers niet kent aanmaken” / “Fases die Koers niet kent aanmaken” aan',
    );
    // The checkbox the hint names is there, under that name.
    await caseload.getByRole('checkbox', { name: /^Doelgroepen die Koers niet kent aanmaken/ }).check();
    await expect(hint).toContainText('vink hierboven “Fases die Koers niet kent aanmaken” aan');
    await caseload.getByRole('checkbox', { name: /^Fases die Koers niet kent aanmaken/ }).check();
    await expect(caseload.getByText('12 nieuw')).toBeVisible();
    await expect(hint).toHaveCount(0);
    await caseload.getByRole('checkbox', { name: /^Fases die Koers niet kent aanmaken/ }).uncheck();
    await expect(hint).toBeVisible();
    await noViolations(page);
    await screenshots3(page, 'import-hint-export-error', hint);
  });
});
