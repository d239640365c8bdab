import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { formatDate } from '../../renderer/src/format';
import { createClient, ok, setUp } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

const LABELS = ['Crisis', 'Kwetsbaar', 'Beperkt zelfredzaam', 'Voldoende zelfredzaam', 'Volledig zelfredzaam'];
const levels = (topic: string) =>
  LABELS.map((label, i) => ({ value: i + 1, label, description: `${topic}: ${label.toLowerCase()}.` }));

/** A key person, a target group, a client in it, and a published three-indicator sheet that is the group's default. */
async function seed(app: AppHarness) {
  await setUp(app.koers);
  const group = await ok(app.koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren tot 27' }));
  const client = await createClient(app.koers, { targetGroupId: group.id });
  const sheet = await ok(app.koers.call('sheets.createFromStarter', { starter: 'empty', language: 'nl' }));
  await ok(
    app.koers.call('sheets.saveDraft', {
      sheetId: sheet.id,
      name: 'Zelfredzaamheid',
      targetGroupIds: [group.id],
      indicators: [
        {
          name: 'Financiën',
          description: 'Rondkomen en betalingen bijhouden.',
          scaleMin: 1,
          scaleMax: 5,
          levels: levels('Financiën'),
        },
        { name: 'Wonen', description: 'Een stabiele woonplek.', scaleMin: 1, scaleMax: 5, levels: levels('Wonen') },
        { name: 'Dagbesteding', description: null, scaleMin: 1, scaleMax: 5, levels: levels('Dagbesteding') },
      ],
    }),
  );
  await ok(app.koers.call('sheets.publish', { id: sheet.id }));
  const { today } = await ok(app.koers.call('app.info', {}));
  await app.page.reload();
  return { client, sheet, group, today };
}

const group = (page: Page, name: string) => page.getByRole('group', { name });

test.describe('scoring (Dutch)', () => {
  test('an external provider scores beside the caseworker and the client: its organisation is asked, three raters side by side, never averaged', async ({
    app,
  }) => {
    const { client, today } = await seed(app);
    const page = app.page;
    const date = formatDate(today, 'nl');
    await page.goto(`${app.url}#/clients/${client.id}`);
    const history = page.getByRole('region', { name: 'Scores' });
    const score = async (by: string, levels: Record<string, string>) => {
      await history.getByRole('button', { name: 'Nu scoren' }).click();
      await page.getByLabel('Wie scoorde').selectOption({ label: by });
      for (const [indicator, level] of Object.entries(levels))
        await group(page, indicator).getByRole('radio', { name: level }).check();
      await page.getByRole('button', { name: 'Score opslaan' }).click();
    };
    await score('Klantmanager', { Financiën: '3 Beperkt zelfredzaam', Wonen: '2 Kwetsbaar' });
    await score('Klant (zelfscore)', { Financiën: '5 Volledig zelfredzaam', Wonen: '2 Kwetsbaar' });
    await expect(history.locator('.scoring-entry')).toHaveCount(2);

    // The job coach of a re-integration company: an external provider, named by its organisation.
    await score('Externe aanbieder', { Financiën: '4 Voldoende zelfredzaam', Wonen: '2 Kwetsbaar' });
    // Without the organisation: refused at its field, nothing saved.
    const organisation = page.getByLabel('Organisatie');
    await expect(organisation).toHaveAttribute('aria-invalid', 'true');
    await expect(organisation).toBeFocused();
    await organisation.fill('Werkbrug');
    await page.getByRole('button', { name: 'Score opslaan' }).click();
    await expect(history.locator('.scoring-entry')).toHaveCount(3);
    await expect(history.locator('.scoring-entry').first()).toContainText('Werkbrug (externe aanbieder)');
    await expect(page.locator('.timeline')).toContainText('door de externe aanbieder Werkbrug');

    // Three raters side by side, each with their own level; with more than two, the difference is the range.
    const comparison = history.getByRole('region', { name: 'Scores uit dezelfde periode naast elkaar' });
    await expect(comparison.getByRole('columnheader')).toHaveText([
      'Indicator',
      `Klant (zelfscore) (${date})`,
      `Klantmanager (${date})`,
      `Werkbrug (externe aanbieder) (${date})`,
      'Verschil',
    ]);
    await expect(comparison.getByRole('row', { name: /Financiën/ })).toContainText('3 tot 5');
    await expect(comparison.getByRole('row', { name: /Wonen/ })).toContainText('gelijk');
    // The chart draws the provider as a line of its own, named in its legend and its table.
    const chart = page.getByRole('region', { name: 'Voortgang' });
    await expect(chart.getByRole('table', { name: 'Scores per datum voor de gekozen indicatoren' })).toContainText(
      'externe aanbieder',
    );
    await page.screenshot({ path: resolve(screenshots, 'scoring-raters.png'), fullPage: true });
  });

  test('score with the keyboard, self-score side by side, goal while scoring, a new sheet version, edit and delete on the timeline', async ({
    app,
  }) => {
    test.setTimeout(60_000); // One long flow through scoring.
    const { client, sheet, group: targetGroup, today } = await seed(app);
    const page = app.page;
    const date = formatDate(today, 'nl');
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${app.url}#/clients/${client.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fatima El Amrani');
    const history = page.getByRole('region', { name: 'Scores' });
    await expect(history).toContainText('Nog geen scores.');

    // A goal set on the client page.
    await history.getByRole('button', { name: 'Doel toevoegen' }).click();
    const goalDialog = page.getByRole('dialog', { name: 'Doel' });
    await goalDialog.getByLabel('Indicator').selectOption({ label: 'Wonen' });
    await goalDialog.getByLabel('Doelniveau').selectOption({ label: '5 Volledig zelfredzaam' });
    await goalDialog.getByLabel('Streefdatum').fill('2030-06-01');
    await goalDialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(goalDialog).toBeHidden();
    const goals = history.getByRole('region', { name: 'Doelen' });
    await expect(goals).toContainText('Wonen');
    await expect(goals).toContainText('niveau 5 Volledig zelfredzaam vóór 1 jun 2030');

    // First scoring, by the caseworker, from the keyboard.
    await page.getByRole('toolbar').getByRole('button', { name: 'Scoren', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fatima El Amrani scoren' })).toBeVisible();
    await expect(page.getByLabel('Scorelijst').locator('option:checked')).toHaveText('Zelfredzaamheid, versie 1');
    await expect(page.getByLabel('Wie scoorde').locator('option:checked')).toHaveText('Klantmanager');
    await expect(group(page, 'Wonen')).toContainText('Doel: niveau 5 Volledig zelfredzaam vóór 1 jun 2030');
    await expect(group(page, 'Financiën')).toContainText('Nog niet eerder gescoord');

    await group(page, 'Financiën').getByRole('radio', { name: 'Niet gescoord' }).focus();
    await page.keyboard.press('3');
    await expect(group(page, 'Financiën').getByRole('radio', { name: '3 Beperkt zelfredzaam' })).toBeChecked();
    await expect(group(page, 'Financiën').getByRole('radio', { name: '3 Beperkt zelfredzaam' })).toBeFocused();
    // Tab leaves the radio group for the comment; digits typed there stay text.
    await page.keyboard.press('Tab');
    await expect(group(page, 'Financiën').getByLabel('Toelichting')).toBeFocused();
    await page.keyboard.type('Betaalt 2 rekeningen te laat');
    await page.keyboard.press('Tab');
    await expect(group(page, 'Wonen').getByRole('radio', { name: 'Niet gescoord' })).toBeFocused();
    await page.keyboard.press('4');
    await page.keyboard.press('ArrowLeft');
    await expect(group(page, 'Wonen').getByRole('radio', { name: '3 Beperkt zelfredzaam' })).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('2');
    await expect(group(page, 'Dagbesteding').getByRole('radio', { name: '2 Kwetsbaar' })).toBeChecked();
    await expect(group(page, 'Financiën').getByLabel('Toelichting')).toHaveValue('Betaalt 2 rekeningen te laat');
    await page.screenshot({ path: resolve(screenshots, 'scoring.png'), fullPage: true });

    // A date in the future is refused, in Dutch, and nothing is lost.
    await page.getByLabel('Datum', { exact: true }).fill(tomorrow);
    await page.getByRole('button', { name: 'Score opslaan' }).click();
    await expect(page.getByRole('alert')).toContainText('Controleer de gemarkeerde velden. Er is niets opgeslagen.');
    await expect(page.getByText('Datum kan niet in de toekomst liggen.')).toBeVisible();
    await page.getByLabel('Datum', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Score opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fatima El Amrani');
    // Back on the client page, its status line says so; once: a reload does not say it again.
    const status = page.locator('.saved[role=status]').first();
    await expect(status).toHaveText(`Score van ${date} opgeslagen.`);
    await page.reload();
    await expect(history.locator('.scoring-entry')).toHaveCount(1);
    await expect(status).toHaveText('');
    await expect(history.locator('.scoring-entry')).toHaveCount(1);
    await expect(history.locator('.scoring-entry').first()).toContainText('Zelfredzaamheid, versie 1');
    await expect(history.locator('.scoring-entry').first()).toContainText('3 Beperkt zelfredzaam');
    await expect(history.locator('.scoring-entry').first()).toContainText('Betaalt 2 rekeningen te laat');

    // The client scores themselves the same day: both side by side, the difference in words.
    await history.getByRole('button', { name: 'Nu scoren' }).click();
    await expect(group(page, 'Financiën')).toContainText(`Vorige keer: 3 Beperkt zelfredzaam op ${date}`);
    await page.getByLabel('Wie scoorde').selectOption({ label: 'Klant (zelfscore)' });
    await group(page, 'Financiën').getByRole('radio', { name: '5 Volledig zelfredzaam' }).check();
    await group(page, 'Wonen').getByRole('radio', { name: '3 Beperkt zelfredzaam' }).check();
    await page.getByRole('button', { name: 'Score opslaan' }).click();
    const comparison = history.getByRole('region', { name: 'Scores uit dezelfde periode naast elkaar' });
    await expect(comparison.getByRole('row', { name: /Financiën/ })).toContainText('Δ +2');
    await expect(comparison.getByRole('row', { name: /Wonen/ })).toContainText('gelijk');
    await expect(comparison.getByRole('row', { name: /Dagbesteding/ })).toContainText('Niet gescoord');

    // A new version of the sheet renames a level; older scorings keep their texts.
    const draft = await ok(app.koers.call('sheets.edit', { id: sheet.id }));
    await ok(
      app.koers.call('sheets.saveDraft', {
        sheetId: sheet.id,
        name: draft.name,
        targetGroupIds: [targetGroup.id],
        indicators: draft.draft!.indicators.map((i) => ({
          key: i.key,
          name: i.name,
          description: i.description,
          scaleMin: i.scaleMin,
          scaleMax: i.scaleMax,
          levels: i.levels.map((l) => (l.value === 3 ? { ...l, label: 'Redt zich met hulp' } : l)),
        })),
      }),
    );
    await ok(app.koers.call('sheets.publish', { id: sheet.id }));
    await history.getByRole('button', { name: 'Nu scoren' }).click();
    await expect(page.getByLabel('Scorelijst').locator('option:checked')).toHaveText('Zelfredzaamheid, versie 2');
    await group(page, 'Financiën').getByRole('radio', { name: '3 Redt zich met hulp' }).check();
    await page.getByRole('button', { name: 'Score opslaan' }).click();
    const entries = history.locator('.scoring-entry');
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0)).toContainText('Zelfredzaamheid, versie 2');
    await expect(entries.nth(0)).toContainText('3 Redt zich met hulp');
    await expect(entries.nth(1)).toContainText('Zelfredzaamheid, versie 1');
    await expect(entries.nth(1)).toContainText('Klant (zelfscore)');
    await expect(entries.nth(1)).toContainText('5 Volledig zelfredzaam');
    await expect(entries.nth(2)).toContainText('Zelfredzaamheid, versie 1');
    await expect(entries.nth(2)).toContainText('3 Beperkt zelfredzaam');
    await page.screenshot({ path: resolve(screenshots, 'scoring-history.png'), fullPage: true });

    // Editing the self-score is recorded on the timeline.
    await entries
      .nth(1)
      .getByRole('link', { name: `De score van ${date} wijzigen` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Score van Fatima El Amrani wijzigen' })).toBeVisible();
    await expect(group(page, 'Financiën').getByRole('radio', { name: '5 Volledig zelfredzaam' })).toBeChecked();
    await group(page, 'Financiën').getByRole('radio', { name: '4 Voldoende zelfredzaam' }).check();
    await page.getByRole('button', { name: 'Score opslaan' }).click();
    await expect(entries.nth(1)).toContainText('(gewijzigd)');
    await expect(page.locator('.timeline')).toContainText(
      'Gescoord op Zelfredzaamheid (versie 1), door de klant (zelfscore) (gewijzigd)',
    );

    // Deleting the first scoring asks first, and stays on the timeline.
    await entries
      .nth(2)
      .getByRole('link', { name: /wijzigen/ })
      .click();
    await page.getByRole('button', { name: 'Score verwijderen' }).click();
    await page
      .getByRole('dialog', { name: 'Deze score verwijderen?' })
      .getByRole('button', { name: 'Verwijderen' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fatima El Amrani');
    await expect(status).toHaveText(`Score van ${date} verwijderd.`);
    await expect(entries).toHaveCount(2);
    await expect(page.locator('.timeline')).toContainText(
      'Gescoord op Zelfredzaamheid (versie 1), door de klantmanager (verwijderd)',
    );
  });
});

for (const [language, saved] of [
  ['nl', 'Score van {date} opgeslagen.'],
  ['da', 'Scoringen fra {date} er gemt.'],
  ['en', 'Scoring of {date} saved.'],
] as const) {
  test(`the client page confirms a saved scoring (${language})`, async ({ app }) => {
    const { client, today } = await seed(app);
    await ok(app.koers.call('settings.setLanguage', { language }));
    const page = app.page;
    await page.goto(`${app.url}#/clients/${client.id}/score`);
    await page.reload();
    await group(page, 'Financiën').getByRole('radio').nth(3).check();
    await page.locator('.scoring-footer button[type=submit]').click();
    const status = page.locator('.saved[role=status]').first();
    await expect(status).toHaveText(saved.replace('{date}', formatDate(today, language)));
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: resolve(screenshots, `scoring-saved-${language}-${size.width}x${size.height}.png`),
      });
    }
  });
}
