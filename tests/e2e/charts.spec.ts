import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plusDays } from '../../common/dates';
import { formatDate } from '../../renderer/src/format';
import { pdfText, pngSize } from '../helpers/pdf';
import { createClient, ok, setUp } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

const LABELS = ['Crisis', 'Kwetsbaar', 'Beperkt zelfredzaam', 'Voldoende zelfredzaam', 'Volledig zelfredzaam'];
const levels = LABELS.map((label, i) => ({ value: i + 1, label, description: null }));

/** A published three-indicator sheet, default for the client's group; three caseworker scorings, a self-score, a goal and a milestone. */
async function seed(app: AppHarness) {
  await setUp(app.koers);
  const group = await ok(app.koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren tot 27' }));
  const client = await createClient(app.koers, {
    targetGroupId: group.id,
    reference: 'KLANT-4711',
    dateOfBirth: '1990-04-05',
  });
  const sheet = await ok(app.koers.call('sheets.createFromStarter', { starter: 'empty', language: 'nl' }));
  await ok(
    app.koers.call('sheets.saveDraft', {
      sheetId: sheet.id,
      name: 'Zelfredzaamheid',
      targetGroupIds: [group.id],
      indicators: ['Financiën', 'Wonen', 'Dagbesteding'].map((name) => ({
        name,
        description: null,
        scaleMin: 1,
        scaleMax: 5,
        levels,
      })),
    }),
  );
  await ok(app.koers.call('sheets.publish', { id: sheet.id }));
  const { today } = await ok(app.koers.call('app.info', {}));
  const form = await ok(app.koers.call('scorings.form', { clientId: client.id }));
  if (!form) throw new Error('no default sheet');
  const [fin, won, dag] = form.version.indicators;
  if (!fin || !won || !dag) throw new Error('three indicators expected');
  const dates = [plusDays(today, -120), plusDays(today, -60), plusDays(today, -5)];
  const score = (date: string, scoredBy: 'caseworker' | 'client', values: [number, number, number | null]) =>
    ok(
      app.koers.call('scorings.create', {
        clientId: client.id,
        versionId: form.version.id,
        date,
        scoredBy,
        scores: [fin, won, dag].map((indicator, i) => ({
          indicatorId: indicator.id,
          value: values[i] ?? null,
          comment: null,
        })),
      }),
    );
  await score(dates[0]!, 'caseworker', [2, 1, 3]);
  await score(dates[1]!, 'caseworker', [3, 2, 3]);
  await score(dates[1]!, 'client', [5, 2, null]);
  await score(dates[2]!, 'caseworker', [4, 2, 4]);
  await ok(
    app.koers.call('goals.set', {
      clientId: client.id,
      indicatorKey: won.key,
      target: 4,
      targetDate: plusDays(today, 180),
    }),
  );
  await ok(
    app.koers.call('notes.create', {
      clientId: client.id,
      kind: 'milestone',
      notedAt: `${plusDays(today, -30)}T10:00`,
      body: 'Eigen woning gevonden\nHuurcontract getekend.',
    }),
  );
  return { client, dates };
}

test('the progression chart: lines, a table with level labels, choosing indicators, the radar', async ({ app }) => {
  const { client, dates } = await seed(app);
  const page = app.page;
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${app.url}#/clients/${client.id}`);
  const section = page.getByRole('region', { name: 'Voortgang' });
  await expect(section).toBeVisible();
  const chart = section.getByRole('img', {
    name: /Lijngrafieken van de scores in de tijd, één per indicator: Financiën, Wonen, Dagbesteding\./,
  });
  await expect(chart).toBeVisible();
  await expect(chart.locator('canvas')).toBeVisible();
  const box = await chart.locator('canvas').boundingBox();
  expect(box?.height).toBeGreaterThan(200);

  // The table: hidden until asked for, but there for a screen reader all along.
  const table = section.getByRole('table', { name: 'Scores per datum voor de gekozen indicatoren' });
  await expect(table).toBeAttached();
  await section.getByRole('button', { name: 'Als tabel tonen' }).click();
  await expect(section.getByRole('button', { name: 'Tabel verbergen' })).toHaveAttribute('aria-expanded', 'true');
  await expect(table).toBeVisible();
  const first = formatDate(dates[0]!, 'nl');
  const second = formatDate(dates[1]!, 'nl');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Datum',
    'Wie scoorde',
    'Financiën',
    'Wonen',
    'Dagbesteding',
  ]);
  await expect(table.getByRole('row', { name: new RegExp(first) })).toContainText('2 Kwetsbaar');
  await expect(table.getByRole('row', { name: new RegExp(first) })).toContainText('1 Crisis');
  await expect(table.getByRole('row', { name: new RegExp(`${second} zelfscore`) })).toContainText(
    '5 Volledig zelfredzaam',
  );
  await expect(table.getByRole('row', { name: /Mijlpalen/ })).toContainText('Eigen woning gevonden');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  // Dagbesteding not self-scored: a gap in the chart, a dash in the table.
  await expect(table.getByRole('row', { name: new RegExp(`${second} zelfscore`) }).getByRole('cell')).toHaveText([
    'zelfscore',
    '5 Volledig zelfredzaam',
    '2 Kwetsbaar',
    '–',
  ]);
  await section.screenshot({ path: resolve(screenshots, 'chart.png') });

  // Untick two indicators: the table and the label follow; the chart is one larger plot with the level labels.
  const three = (await chart.boundingBox())?.height ?? 0;
  await section.getByRole('checkbox', { name: 'Financiën' }).uncheck();
  await section.getByRole('checkbox', { name: 'Dagbesteding' }).uncheck();
  await expect(table.getByRole('columnheader')).toHaveText(['Datum', 'Wie scoorde', 'Wonen']);
  const one = section.getByRole('img', { name: /één per indicator: Wonen\./ });
  await expect(one).toBeVisible();
  await expect.poll(async () => (await one.boundingBox())?.height ?? 0).not.toBe(three);
  await section.screenshot({ path: resolve(screenshots, 'chart-one.png') });
  await section.getByRole('checkbox', { name: 'Financiën' }).check();
  await section.getByRole('checkbox', { name: 'Dagbesteding' }).check();

  // The radar: first, previous and latest scoring and the goal.
  await section.getByRole('button', { name: 'Radar' }).click();
  await expect(section.getByRole('button', { name: 'Radar' })).toHaveAttribute('aria-pressed', 'true');
  const radar = section.getByRole('img', { name: /Radargrafiek/ });
  await expect(radar.locator('canvas')).toBeVisible();
  const radarTable = section.getByRole('table', {
    name: 'Eerste, vorige en laatste score van de klantmanager en doelen',
  });
  await expect(radarTable.getByRole('row', { name: /Doelen/ })).toContainText('4 Voldoende zelfredzaam');
  await expect(radarTable.getByRole('row', { name: /Laatste/ })).toContainText('4 Voldoende zelfredzaam');
  await section.screenshot({ path: resolve(screenshots, 'chart-radar.png') });
  expect(errors).toEqual([]);
});

test('exports: the chart as a sharp PNG and a one-page progress report as PDF, pseudonymised unless chosen otherwise', async ({
  app,
}) => {
  const { client } = await seed(app);
  const page = app.page;
  await page.goto(`${app.url}#/clients/${client.id}`);
  const section = page.getByRole('region', { name: 'Voortgang' });
  const exports = section.getByRole('group', { name: 'Opslaan of afdrukken' });
  await expect(exports.getByRole('checkbox', { name: 'Gepseudonimiseerd' })).toBeChecked();
  await expect(section.getByRole('img', { name: /Lijngrafiek/ }).locator('canvas')).toBeVisible();
  const today = (await ok(app.koers.call('app.info', {}))).today;

  // The PNG: three times the chart's size on screen.
  await exports.getByRole('button', { name: 'Grafiek opslaan als afbeelding (PNG)' }).click();
  const pngPath = resolve(app.savedFolder, `Voortgang ${client.pseudonym} ${today}.png`);
  await expect(exports.getByRole('status')).toHaveText(`Opgeslagen in ${pngPath}`);
  const png = readFileSync(pngPath);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const canvas = await section.getByRole('img', { name: /Lijngrafiek/ }).boundingBox();
  expect(pngSize(png).width).toBe(Math.round((canvas?.width ?? 0) * 3));
  expect(png.length).toBeGreaterThan(20_000);
  copyFileSync(pngPath, resolve(screenshots, 'chart-export.png'));

  // The pseudonymised report: one page, the pseudonym and the progression, nothing that names the client.
  await exports.getByRole('button', { name: 'Voortgangsrapport opslaan (PDF)' }).click();
  const pdfPath = resolve(app.savedFolder, `Voortgangsrapport ${client.pseudonym} ${today}.pdf`);
  await expect(exports.getByRole('status')).toHaveText(`Opgeslagen in ${pdfPath}`, { timeout: 15_000 });
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  copyFileSync(pdfPath, resolve(screenshots, 'report.pdf'));
  const pages = await pdfText(pdf);
  expect(pages).toHaveLength(1);
  const text = pages[0]!;
  for (const expected of [
    'Voortgangsrapport',
    'Gepseudonimiseerd',
    client.pseudonym,
    'Jongeren tot 27',
    'Financiën',
    'Wonen',
    'Dagbesteding',
    '2 Kwetsbaar',
    '4 Voldoende zelfredzaam',
    'Anne de Vries',
    'Mijlpaal',
  ]) {
    expect(text, expected).toContain(expected);
  }
  for (const secret of [client.firstName, client.lastName, 'KLANT-4711', 'Eigen woning', 'Huurcontract'])
    expect(text, secret).not.toContain(secret);

  // Named: name, number and the milestone's title.
  await exports.getByRole('checkbox', { name: 'Gepseudonimiseerd' }).uncheck();
  await exports.getByRole('button', { name: 'Voortgangsrapport opslaan (PDF)' }).click();
  const namedPath = resolve(app.savedFolder, `Voortgangsrapport ${client.firstName} ${client.lastName} ${today}.pdf`);
  await expect(exports.getByRole('status')).toHaveText(`Opgeslagen in ${namedPath}`, { timeout: 15_000 });
  const named = (await pdfText(readFileSync(namedPath)))[0]!;
  for (const expected of [
    `${client.firstName} ${client.lastName}`,
    'KLANT-4711',
    'Vertrouwelijk',
    'Eigen woning gevonden',
  ])
    expect(named, expected).toContain(expected);

  // The page that was printed, to look at.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto(`${app.url}#/report/${client.id}/pseudonymised`);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.screenshot({ path: resolve(screenshots, 'report.png'), fullPage: true });
});

test('small charts per indicator at three window sizes in Dutch, Danish and English; a client scored once', async ({
  app,
}) => {
  const { client } = await seed(app);
  const once = await createClient(app.koers, { firstName: 'Ayşe', lastName: 'Yılmaz' });
  const form = await ok(app.koers.call('scorings.form', { clientId: client.id }));
  const { today } = await ok(app.koers.call('app.info', {}));
  await ok(
    app.koers.call('scorings.create', {
      clientId: once.id,
      versionId: form!.version.id,
      date: today,
      scoredBy: 'caseworker',
      scores: form!.version.indicators.map((indicator, i) => ({
        indicatorId: indicator.id,
        value: i + 2,
        comment: null,
      })),
    }),
  );
  const page = app.page;
  const heading = { nl: 'Voortgang', da: 'Udvikling', en: 'Progression' } as const;
  for (const language of ['nl', 'da', 'en'] as const) {
    await ok(app.koers.call('settings.setLanguage', { language }));
    await page.goto(`${app.url}#/clients/${client.id}`);
    await page.reload();
    const section = page.getByRole('region', { name: heading[language] });
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      const chart = section.getByRole('img').first();
      await expect(chart.locator('canvas')).toBeVisible();
      // The canvas is drawn for the box: three small charts side by side or stacked, never squeezed.
      await expect
        .poll(() => chart.evaluate((el) => Math.abs(el.querySelector('canvas')!.clientWidth - el.clientWidth)))
        .toBeLessThanOrEqual(1);
      expect((await chart.boundingBox())?.height).toBeGreaterThan(150);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: resolve(screenshots, `chart-${language}-${width}x${height}.png`) });
    }
  }

  // Scored once, today: one tick, one date, one row.
  await ok(app.koers.call('settings.setLanguage', { language: 'nl' }));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${app.url}#/clients/${once.id}`);
  await page.reload();
  const section = page.getByRole('region', { name: 'Voortgang' });
  await expect(section.getByRole('img', { name: /1 scores van .* tot / }).locator('canvas')).toBeVisible();
  await expect(
    section.getByText(
      `Eén keer gescoord, op ${formatDate(today, 'nl')}: dit is de nulmeting. De voortgang is te zien na de volgende score.`,
    ),
  ).toBeVisible();
  const table = section.getByRole('table', { name: 'Scores per datum voor de gekozen indicatoren' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first().getByRole('cell')).toHaveText([
    'klantmanager',
    '2 Kwetsbaar',
    '3 Beperkt zelfredzaam',
    '4 Voldoende zelfredzaam',
  ]);
  await section.screenshot({ path: resolve(screenshots, 'chart-once.png') });
});
