import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Language } from '../../common/languages';
import { ok } from '../helpers/seed';
import { type AppHarness, expect, test, SIZES } from './fixtures';

/** Words of issue 22: each thing its own word, and a button that says what it does. */

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

/** `page` at each size, `show` scrolled into view. */
async function screenshots3(page: Page, name: string, show: Locator) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await show.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(screenshots, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function setUpIn(app: AppHarness, language: Language) {
  await ok(app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'caseworker', demo: false }));
  const { today } = await ok(app.koers.call('app.info', {}));
  const client = await ok(app.koers.call('clients.create', { firstName: 'Ahmed', lastName: 'Bakkali' }));
  await app.page.reload(); // in the language just chosen
  return { client, today };
}

test.describe('an appointment and an agreement note side by side on the timeline', () => {
  const WORDS = {
    nl: { appointment: 'Afspraak: Gesprek op kantoor', agreement: /^Gemaakte afspraken /, timeline: 'Tijdlijn' },
    da: { appointment: 'Møde: Gesprek op kantoor', agreement: /^Aftale /, timeline: 'Tidslinje' },
    en: { appointment: 'Appointment: Gesprek op kantoor', agreement: /^Agreement /, timeline: 'Timeline' },
  } as const;
  for (const language of ['nl', 'da', 'en'] as const) {
    test(`each has its own word (${language})`, async ({ app }) => {
      const words = WORDS[language];
      const { client, today } = await setUpIn(app, language);
      await ok(
        app.koers.call('actions.create', {
          clientId: client.id,
          title: 'Gesprek op kantoor',
          kind: 'appointment',
          dueDate: today,
          dueTime: '10:00',
        }),
      );
      await ok(
        app.koers.call('notes.create', {
          clientId: client.id,
          kind: 'agreement',
          notedAt: `${today}T09:00`,
          body: 'Twee sollicitaties per week.',
        }),
      );
      const page = app.page;
      await page.goto(`${app.url}#/clients/${client.id}`);
      const timeline = page.getByRole('region', { name: words.timeline });
      await expect(timeline.getByText(words.appointment)).toBeVisible();
      const note = timeline.locator('article.note-agreement');
      await expect(note.getByRole('heading', { level: 3 })).toHaveText(words.agreement);
      await screenshots3(page, `timeline-words-${language}`, timeline);
    });
  }
});

test.describe('the meeting list selects those due for scoring, and says so', () => {
  const WORDS = {
    nl: {
      button: 'Selecteer wie gescoord moet worden',
      selected: '1 klant moet gescoord worden en is nu geselecteerd.',
    },
    da: { button: 'Vælg dem der skal scores', selected: '1 borger skal scores og er nu valgt.' },
    en: { button: 'Select those due for scoring', selected: '1 client is due for scoring and now selected.' },
  } as const;
  for (const language of ['nl', 'da', 'en'] as const) {
    test(`in ${language}`, async ({ app }) => {
      const words = WORDS[language];
      // Never scored: due for scoring at once.
      await setUpIn(app, language);
      const page = app.page;
      await page.goto(`${app.url}#/meeting`);
      const button = page.getByRole('button', { name: words.button });
      await button.click();
      await expect(page.getByRole('status')).toHaveText(words.selected);
      await expect(page.getByRole('checkbox', { name: /Bakkali/ })).toBeChecked();
      await screenshots3(page, `meeting-due-${language}`, button);
    });
  }
});
