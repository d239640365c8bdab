import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from '../../common/languages';
import { readFileSync } from 'node:fs';
import { formatDate } from '../../renderer/src/format';
import { pdfText } from '../helpers/pdf';
import { ok, publishSheet } from '../helpers/seed';
import { type AppHarness, expect, noViolations, test } from './fixtures';

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

  test('client mode: from the client page to a saved self-score by keyboard, nothing else in the page, the PIN to leave (Dutch, 1366×768)', async ({
    app,
  }) => {
    const { client, page } = await clientModeSeed(app, 'nl');
    await ok(app.koers.call('lock.setPin', { pin: '4711' }));
    await page.setViewportSize({ width: 1366, height: 768 });
    // The caseload first: other clients' names were on screen before client mode.
    await page.goto(`${app.url}#/`);
    await expect(page.getByRole('row', { name: /Zwetsloot/ })).toBeVisible();
    await page.goto(`${app.url}#/clients/${client.id}`);
    await page.getByRole('button', { name: 'Klantmodus' }).click();
    const start = page.getByRole('dialog', { name: 'Het scherm naar de klant draaien' });
    await expect(start.getByLabel('Scorelijst')).toHaveValue(/.+/);
    await expect(start).toContainText('Om het scherm terug te nemen heb je je pincode nodig.');
    await start.getByRole('button', { name: 'Klantmodus starten' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Hallo Noor' })).toBeVisible();
    await canary(page);
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'client-mode-welcome-nl-1366x768.png') });
    // Keyboard only: Enter starts, a number key picks, Enter goes on.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Financiën' })).toBeFocused();
    await expect(page.getByText('Onderwerp 1 van 3')).toBeVisible();
    await expect(page.getByText('Vorige keer koos je: 2 Niveau 2')).toBeVisible();
    await page.keyboard.press('4');
    await expect(page.getByRole('radio', { name: /4 Niveau 4/ })).toBeChecked();
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'client-mode-question-nl-1366x768.png') });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Wonen' })).toBeFocused();
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Onderwerp 3 van 3')).toBeVisible();
    // Not this one: skipped is "not scored".
    await page.getByRole('button', { name: 'Dit onderwerp overslaan' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Dank je wel, Noor!' })).toBeVisible();
    await canary(page);
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'client-mode-thanks-nl-1366x768.png') });

    // Leaving needs the PIN: a wrong one is refused and the client's screen stays.
    await page.getByRole('button', { name: 'Voor de klantmanager' }).click();
    const leave = page.getByRole('dialog', { name: 'Klantmodus verlaten' });
    await leave.getByLabel('Je pincode').fill('1234');
    await leave.getByRole('button', { name: 'Verlaten' }).click();
    await expect(leave.getByRole('alert')).toHaveText('Dat is niet de juiste pincode.');
    await leave.getByRole('button', { name: 'Terug naar de scorelijst' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dank je wel, Noor!' })).toBeVisible();
    await canary(page);
    // Even a page reload stays in client mode: main holds it.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Dank je wel, Noor!' })).toBeVisible();
    await page.getByRole('button', { name: 'Voor de klantmanager' }).click();
    await leave.getByLabel('Je pincode').fill('4711');
    await leave.getByRole('button', { name: 'Verlaten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Noor Haddad/ })).toBeVisible();

    const [saved] = await ok(app.koers.call('scorings.list', { clientId: client.id }));
    expect(saved).toMatchObject({ scoredBy: 'client' });
    expect(saved!.scores.map((s) => s.value)).toEqual([4, 3, null]);
    await expect(page.getByRole('region', { name: 'Scores' }).locator('.scoring-entry').first()).toContainText(
      'Klant (zelfscore)',
    );
  });

  test('client mode by mouse; without a PIN the word lets the caseworker out (Dutch, 1366×768)', async ({ app }) => {
    const { client, version, page } = await clientModeSeed(app, 'nl');
    await page.setViewportSize({ width: 1366, height: 768 });
    await ok(app.koers.call('clientmode.start', { clientId: client.id, versionId: version.id, showPrevious: false }));
    await page.reload();
    await page.getByRole('button', { name: 'Beginnen' }).click();
    await expect(page.getByText('Vorige keer koos je')).toHaveCount(0);
    await page.getByText('Niveau 5', { exact: true }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Terug' }).click();
    await expect(page.getByRole('radio', { name: /5 Niveau 5/ })).toBeChecked();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Niveau 2', { exact: true }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Niveau 1', { exact: true }).click();
    await page.getByRole('button', { name: 'Klaar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dank je wel, Noor!' })).toBeVisible();

    await page.getByRole('button', { name: 'Voor de klantmanager' }).click();
    const leave = page.getByRole('dialog', { name: 'Klantmodus verlaten' });
    await leave.getByLabel('Typ KOERS om de klantmodus te verlaten').fill('stop');
    await leave.getByRole('button', { name: 'Verlaten' }).click();
    await expect(leave.getByRole('alert')).toHaveText('Typ KOERS, met hoofdletters of zonder.');
    await leave.getByLabel('Typ KOERS om de klantmodus te verlaten').fill('koers');
    await leave.getByRole('button', { name: 'Verlaten' }).click();
    await expect(page.getByRole('navigation')).toBeVisible();
    const [saved] = await ok(app.koers.call('scorings.list', { clientId: client.id }));
    expect(saved!.scores.map((s) => s.value)).toEqual([5, 2, 1]);
  });

  for (const language of ['da', 'en'] as const)
    test(`client mode speaks ${language}, passes axe and shows no other client`, async ({ app }) => {
      const { client, version, page } = await clientModeSeed(app, language);
      await page.setViewportSize({ width: 1280, height: 720 });
      await ok(app.koers.call('clientmode.start', { clientId: client.id, versionId: version.id, showPrevious: true }));
      await page.reload();
      const hello = { da: 'Hej Noor', en: 'Hello Noor' }[language];
      await expect(page.getByRole('heading', { level: 1, name: hello })).toBeVisible();
      await expect(page.locator('.client-mode')).toHaveAttribute('lang', language);
      await noViolations(page);
      await page.getByRole('button', { name: { da: 'Start', en: 'Start' }[language] }).click();
      await expect(page.getByText({ da: 'Emne 1 af 3', en: 'Subject 1 of 3' }[language])).toBeVisible();
      await canary(page);
      await noViolations(page);
      await page.screenshot({ path: resolve(screenshots, `client-mode-question-${language}-1280x720.png`) });
    });

  test('an Arabic reader scores on the Arabic translation, right to left (1920×1080)', async ({ app }) => {
    const { client, version, page } = await clientModeSeed(app, 'nl');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await ok(
      app.koers.call('clients.update', { id: client.id, firstName: 'Noor', lastName: 'Haddad', language: 'ar' }),
    );
    const [fin, won] = version.indicators;
    await ok(
      app.koers.call('sheets.saveTranslation', {
        versionId: version.id,
        language: 'ar',
        indicators: [
          {
            key: fin!.key,
            name: 'المالية',
            description: 'هل تستطيع دفع فواتيرك في الوقت المحدد؟',
            levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `المستوى ${value}`, description: null })),
          },
          { key: won!.key, name: 'السكن', description: null, levels: [] },
        ],
      }),
    );
    await ok(app.koers.call('clientmode.start', { clientId: client.id, versionId: version.id, showPrevious: true }));
    await page.reload();
    await page.getByRole('button', { name: 'Beginnen' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'المالية' });
    await expect(heading).toHaveAttribute('dir', 'rtl');
    await expect(heading).toHaveAttribute('lang', 'ar');
    const choice = page.locator('.client-mode-level').first();
    await expect(choice).toHaveAttribute('dir', 'rtl');
    // Laid out right to left: the choice's radio button stands to the right of its text.
    expect(await choice.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const radio = await page.getByRole('radio').first().boundingBox();
    const text = await choice.boundingBox();
    expect(radio!.x).toBeGreaterThan(text!.x + text!.width);
    await expect(page.getByText('المستوى 3')).toBeVisible();
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'client-mode-question-ar-1920x1080.png') });
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    // Only its name translated: the name in Arabic, the levels in the original.
    await expect(page.getByRole('heading', { level: 1, name: 'السكن' })).toBeVisible();
    await page.keyboard.press('Enter');
    // Not translated at all: the original, left to right.
    const original = page.getByRole('heading', { level: 1, name: 'Dagbesteding' });
    await expect(original).toBeVisible();
    await expect(original).toHaveAttribute('dir', 'ltr');
  });
});

test.describe('paper sheets (issue 19, Must have 3)', () => {
  test('the week’s sheets as one PDF, a page per client in their language with previous level and goal; 20 typed in by keyboard only', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    await ok(
      app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'caseworker', demo: false }),
    );
    const group = await ok(app.koers.call('catalog.create', { kind: 'target_group', name: 'Werkfit' }));
    const sheet = await publishSheet(app.koers, [group.id]);
    const version = sheet.published!;
    const clients = [];
    for (let n = 0; n < 20; n++)
      clients.push(
        await ok(
          app.koers.call('clients.create', {
            firstName: ['Noor', 'Sem', 'Fenna', 'Daan', 'Aya'][n % 5]!,
            lastName: `Klant ${String(n + 1).padStart(2, '0')}`,
            targetGroupId: group.id,
            ...(n === 0 ? { language: 'ar' } : {}),
          }),
        ),
      );
    const noor = clients[0]!;
    const [fin] = version.indicators;
    await ok(
      app.koers.call('sheets.saveTranslation', {
        versionId: version.id,
        language: 'ar',
        indicators: [{ key: fin!.key, name: 'المالية', description: null, levels: [] }],
      }),
    );
    // Noor was scored a week ago: 2 on every indicator, a goal of 4 on Financiën; due again, the rhythm is a week.
    await ok(app.koers.call('catalog.update', { id: group.id, name: 'Werkfit', rescoreWeeks: 1 }));
    const { today } = await ok(app.koers.call('app.info', {}));
    const weekAgo = new Date(Date.parse(`${today}T12:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    await ok(
      app.koers.call('scorings.create', {
        clientId: noor.id,
        versionId: version.id,
        date: weekAgo,
        scoredBy: 'caseworker',
        scores: version.indicators.map((i) => ({ indicatorId: i.id, value: 2, comment: null })),
      }),
    );
    await ok(app.koers.call('goals.set', { clientId: noor.id, indicatorKey: fin!.key, target: 4 }));

    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.reload();
    await page.goto(`${app.url}#/papers`);
    await page
      .getByRole('button', { name: 'Scorelijsten afdrukken voor klanten die binnen een week gescoord moeten worden' })
      .click();
    const pdfPath = resolve(app.savedFolder, `Papieren scorelijsten ${today}.pdf`);
    await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toHaveText(
      `20 scorelijsten opgeslagen in ${pdfPath}.`,
      { timeout: 30_000 },
    );
    const pdf = readFileSync(pdfPath);
    const pages = await pdfText(pdf);
    expect(pages).toHaveLength(20);
    const codes = await app.koers.connection.db
      .selectFrom('paper_sheet as p')
      .innerJoin('client as c', 'c.id', 'p.client_id')
      .select(['p.code', 'c.last_name'])
      .orderBy('c.last_name')
      .execute();
    expect(codes).toHaveLength(20);
    const noorPage = pages.find((text) => text.includes('Noor Klant 01'))!;
    // In Arabic where translated: pdf.js gives the letters as shaped glyphs in visual order, NFKC gives them back.
    const arabic = noorPage.normalize('NFKC');
    expect(arabic.includes('المالية') || arabic.includes([...'المالية'].reverse().join(''))).toBe(true);
    expect(noorPage).toContain('Wonen');
    expect(noorPage).toContain('◀ vorige keer');
    expect(noorPage).toContain('★ doel');
    expect(noorPage).toContain(codes.find((c) => c.last_name === 'Klant 01')!.code);
    expect(noorPage).toContain(formatDate(today, 'nl'));
    // Every page carries its own client's code.
    for (const { code, last_name } of codes) expect(pages.find((text) => text.includes(last_name))).toContain(code);
    await app.koers.context.audit.flush();

    // Twenty sheets typed in by keyboard only: the code, Enter, one digit per indicator, Enter.
    const codeField = page.getByLabel('Code', { exact: true });
    await codeField.focus();
    for (const [n, { code }] of codes.entries()) {
      await page.keyboard.type(code.toLowerCase().replace('-', ''));
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('Scores', { exact: true })).toBeFocused();
      await page.keyboard.type(`${(n % 5) + 1}-${((n + 2) % 5) + 1}`);
      await page.keyboard.press('Enter');
      await expect(codeField).toBeFocused();
      await expect(codeField).toHaveValue('');
    }
    await expect(page.getByText('20 scorelijsten ingevoerd in deze sessie.')).toBeVisible();
    await noViolations(page);
    await page.screenshot({ path: resolve(screenshots, 'paper-quick-entry-nl-1366x768.png') });
    const scorings = await app.koers.connection.db
      .selectFrom('scoring')
      .select(['client_id', 'scored_by'])
      .where('scored_on', '=', today)
      .execute();
    expect(scorings).toHaveLength(20);
    expect(new Set(scorings.map((s) => s.scored_by))).toEqual(new Set(['together']));
    const entered = await app.koers.connection.db.selectFrom('paper_sheet').select('scoring_id').execute();
    expect(entered.every((p) => p.scoring_id !== null)).toBe(true);
    // A code typed twice: said so, and the digits are not asked for.
    await page.keyboard.type(codes[0]!.code);
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Al ingevoerd, als de score van ${formatDate(today, 'nl')}.`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Opslaan en volgende' })).toBeDisabled();
  });
});

test('one client’s paper sheet from the client page, with the pseudonym as chosen', async ({ app }) => {
  await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'caseworker', demo: false }),
  );
  const group = await ok(app.koers.call('catalog.create', { kind: 'target_group', name: 'Werkfit' }));
  await publishSheet(app.koers, [group.id]);
  const client = await ok(
    app.koers.call('clients.create', { firstName: 'Noor', lastName: 'Haddad', targetGroupId: group.id }),
  );
  const page = app.page;
  await page.reload();
  await page.goto(`${app.url}#/clients/${client.id}`);
  await page.getByRole('button', { name: 'Papieren scorelijst (pdf)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Een papieren scorelijst voor Noor' });
  await dialog.getByLabel('Pseudoniem in plaats van de naam').check();
  await noViolations(page);
  await dialog.getByRole('button', { name: 'Papieren scorelijst (pdf)' }).click();
  const { today } = await ok(app.koers.call('app.info', {}));
  const path = resolve(app.savedFolder, `Papieren scorelijsten ${client.pseudonym} ${today}.pdf`);
  await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toHaveText(
    `De scorelijst is opgeslagen in ${path}.`,
    { timeout: 15_000 },
  );
  const [sheet] = await pdfText(readFileSync(path));
  expect(sheet).toContain(`Voor: ${client.pseudonym}`);
  expect(sheet).not.toContain('Haddad');
});

/** A caseworker's caseload of three: Noor (scored before, by herself) and two canaries whose words must never show. */
async function clientModeSeed(app: AppHarness, language: Language) {
  await ok(app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'key_person', demo: false }));
  const sheet = await publishSheet(app.koers);
  const version = sheet.published!;
  const client = await ok(
    app.koers.call('clients.create', { firstName: 'Noor', lastName: 'Haddad', reference: 'KL-2001' }),
  );
  for (const [firstName, lastName, reference] of [
    ['Quirijn', 'Zwetsloot', 'CANARY-REF-77'],
    ['Xenia', 'Vrolijk-Ambacht', 'CANARY-REF-78'],
  ] as const) {
    const other = await ok(app.koers.call('clients.create', { firstName, lastName, reference }));
    await ok(
      app.koers.call('notes.create', {
        clientId: other.id,
        kind: 'conversation',
        notedAt: '2026-11-02T10:00',
        body: `kanarie-notitie-geheim over ${firstName}`,
      }),
    );
  }
  await ok(
    app.koers.call('notes.create', {
      clientId: client.id,
      kind: 'conversation',
      notedAt: '2026-11-02T10:00',
      body: 'eigen-notitie-niet-voor-het-scherm',
    }),
  );
  await ok(
    app.koers.call('scorings.create', {
      clientId: client.id,
      versionId: version.id,
      date: '2026-11-01',
      scoredBy: 'client',
      scores: version.indicators.map((i, n) => ({ indicatorId: i.id, value: n + 2, comment: null })),
    }),
  );
  await app.page.reload();
  return { client, version, page: app.page };
}

/** Nothing in the page but the client's own sheet: no other client's name or number, no note, no menu. */
async function canary(page: Page) {
  const html = await page.content();
  for (const word of [
    'Zwetsloot',
    'Quirijn',
    'Vrolijk',
    'Xenia',
    'CANARY-REF',
    'kanarie',
    'eigen-notitie',
    'KL-2001',
    'Haddad',
    'Anne de Vries',
  ])
    expect(html, word).not.toContain(word);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
}
