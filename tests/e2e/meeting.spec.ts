import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ok } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

const LABELS = ['Crisis', 'Kwetsbaar', 'Beperkt zelfredzaam', 'Voldoende zelfredzaam', 'Volledig zelfredzaam'];
const levels = (topic: string) =>
  LABELS.map((label, i) => ({ value: i + 1, label, description: `${topic}: ${label.toLowerCase()}.` }));

/** Strings that must never reach the meeting screen while it is pseudonymised. */
const CANARIES = [
  'Canaryvoornaam',
  'Canaryachternaam',
  'CANARY-12',
  'CANARYPHONE',
  'canary@example.org',
  '1961-02-03',
  'CANARYNOTE',
];

const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** A key person (Dutch), a target group and a published sheet of two indicators. */
async function seedSheet(app: AppHarness) {
  const { caseworkerId } = await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
  );
  const group = await ok(app.koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren tot 27' }));
  const sheet = await ok(app.koers.call('sheets.createFromStarter', { starter: 'empty', language: 'nl' }));
  await ok(
    app.koers.call('sheets.saveDraft', {
      sheetId: sheet.id,
      name: 'Zelfredzaamheid',
      targetGroupIds: [group.id],
      indicators: [
        { name: 'Financiën', description: null, scaleMin: 1, scaleMax: 5, levels: levels('Financiën') },
        { name: 'Wonen', description: null, scaleMin: 1, scaleMax: 5, levels: levels('Wonen') },
      ],
    }),
  );
  const version = (await ok(app.koers.call('sheets.publish', { id: sheet.id }))).published!;
  const { today } = await ok(app.koers.call('app.info', {}));
  const score = (clientId: string, date: string, values: readonly [number, number]) =>
    ok(
      app.koers.call('scorings.create', {
        clientId,
        versionId: version.id,
        date,
        scoredBy: 'together',
        scores: version.indicators.map((indicator, i) => ({ indicatorId: indicator.id, value: values[i]! })),
      }),
    );
  return { me: caseworkerId, group, sheet, today, score };
}

async function expectNoCanaries(page: Page) {
  const content = await page.content();
  const title = await page.title();
  for (const canary of CANARIES) {
    expect(content, canary).not.toContain(canary);
    expect(title, canary).not.toContain(canary);
  }
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: resolve(screenshots, name) });
}

test.describe('team meeting (presentation mode)', () => {
  test('pick clients, present them without names, step with the keyboard, leave with Esc, and show names only when chosen', async ({
    app,
  }) => {
    const { me, group, today, score } = await seedSheet(app);
    for (let i = 1; i <= 5; i++) {
      const client = await ok(
        app.koers.call('clients.create', {
          firstName: `Canaryvoornaam${i}`,
          lastName: 'Canaryachternaam',
          reference: `CANARY-12${i}`,
          dateOfBirth: '1961-02-03',
          phone: 'CANARYPHONE',
          email: 'canary@example.org',
          targetGroupId: group.id,
          caseworkerId: me,
        }),
      );
      await ok(
        app.koers.call('notes.create', {
          clientId: client.id,
          kind: 'milestone',
          notedAt: `${daysBefore(today, 10)}T10:00`,
          body: 'CANARYNOTE mijlpaal',
        }),
      );
      // The fifth was scored long ago only: due for scoring.
      if (i === 5) await score(client.id, daysBefore(today, 200), [1, 1]);
      else {
        await score(client.id, daysBefore(today, 30), [2, 3]);
        await score(client.id, today, [4, 3]);
      }
    }
    const rows = await ok(app.koers.call('clients.list', { status: 'active' }));
    const pseudonyms = rows.map((r) => r.pseudonym);
    await app.page.reload();
    const page = app.page;
    await page.goto(`${app.url}#/meeting`);

    await expect(page.getByRole('heading', { level: 1, name: 'Teamoverleg' })).toBeVisible();
    // The button says what it selects: those due for scoring.
    await page.getByRole('button', { name: 'Selecteer wie gescoord moet worden' }).click();
    await expect(page.getByRole('status')).toHaveText('1 klant moet gescoord worden en is nu geselecteerd.');
    await expect(page.getByRole('checkbox', { name: /^Canaryvoornaam5 / })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^Canaryvoornaam1 / })).not.toBeChecked();

    await page.getByLabel('Klanten zoeken').fill('voornaam3');
    await expect(page.getByRole('checkbox', { name: /Canaryvoornaam/ })).toHaveCount(1);
    await page.getByLabel('Klanten zoeken').fill('');
    for (const box of await page.getByRole('checkbox', { name: /Canaryvoornaam/ }).all()) await box.check();
    await expect(page.getByText('5 klanten geselecteerd')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Namen tonen' })).not.toBeChecked();

    await page.getByRole('button', { name: 'Presentatie starten' }).click();
    const slide = page.getByRole('region', { name: pseudonyms[0] });
    await expect(slide).toBeVisible();
    await expect(page.locator('html')).toHaveClass(/presenting/);
    await expect(page.getByRole('navigation')).toBeHidden();
    const position = page.locator('[aria-live="polite"]').filter({ hasText: '/' });
    await expect(position).toHaveText('1 / 5');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pseudonyms[0]!);
    await expect(page).toHaveTitle(pseudonyms[0]!);
    const first = page.getByRole('row', { name: /Financiën/ });
    await expect(first.getByRole('cell')).toHaveText(['2 – Kwetsbaar', '→ 4 – Voldoende zelfredzaam', 'geen doel']);
    await expect(page.getByText('Jongeren tot 27')).toBeVisible();
    // The large chart: the room sees the lines, the table gives the values.
    const chart = page.getByRole('img', { name: /Lijngrafiek van de scores in de tijd voor Financiën, Wonen/ });
    await expect(chart.locator('canvas')).toBeVisible();
    expect((await chart.boundingBox())?.height).toBeGreaterThan(300);
    await expectNoCanaries(page);
    await screenshot(page, 'presentation.png');

    const keys = ['ArrowRight', 'PageDown', 'ArrowDown', 'ArrowRight'];
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key);
      await expect(position).toHaveText(`${i + 2} / 5`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(pseudonyms[i + 1]!);
      await expect(page).toHaveTitle(pseudonyms[i + 1]!);
      await expectNoCanaries(page);
    }
    // Stays on the last one.
    await page.keyboard.press('PageDown');
    await expect(position).toHaveText('5 / 5');
    await page.keyboard.press('PageUp');
    await expect(position).toHaveText('4 / 5');
    await page.keyboard.press('ArrowLeft');
    await expect(position).toHaveText('3 / 5');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pseudonyms[2]!);

    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Teamoverleg' })).toBeVisible();
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    await expect(page).toHaveTitle('Koers');
    await expect(page.getByRole('button', { name: 'Presentatie starten' })).toBeFocused();

    // Names only after the explicit choice; the window title still shows none.
    await page.getByRole('checkbox', { name: 'Namen tonen' }).check();
    await page.getByRole('button', { name: 'Presentatie starten' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${rows[0]!.firstName} Canaryachternaam`);
    await expect(page).toHaveTitle('Koers');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Teamoverleg' })).toBeVisible();
  });
});

test.describe('presenting on a second display', () => {
  test.use({ secondDisplay: true });

  test('the room gets the slides, the laptop keeps the list; both step together; Esc in the room ends it', async ({
    app,
  }) => {
    const { me, group, today, score } = await seedSheet(app);
    for (let i = 1; i <= 3; i++) {
      const client = await ok(
        app.koers.call('clients.create', {
          firstName: `Canaryvoornaam${i}`,
          lastName: 'Canaryachternaam',
          reference: `CANARY-12${i}`,
          targetGroupId: group.id,
          caseworkerId: me,
        }),
      );
      await ok(
        app.koers.call('notes.create', {
          clientId: client.id,
          kind: 'milestone',
          notedAt: `${daysBefore(today, 10)}T10:00`,
          body: 'CANARYNOTE mijlpaal',
        }),
      );
      await score(client.id, daysBefore(today, 30), [2, 3]);
      await score(client.id, today, [4, 3]);
    }
    const rows = await ok(app.koers.call('clients.list', { status: 'active' }));
    await app.page.reload();
    const page = app.page;
    await page.goto(`${app.url}#/meeting`);
    await expect(page.getByRole('checkbox', { name: /Canaryvoornaam/ })).toHaveCount(3);
    for (const box of await page.getByRole('checkbox', { name: /Canaryvoornaam/ }).all()) await box.check();
    await expect(page.getByRole('button', { name: 'Presenteren in dit venster' })).toBeVisible();
    await expect(page.getByText('Op een ander scherm ziet de ruimte de presentatie')).toBeVisible();
    await page.getByRole('button', { name: 'Presenteren op Projector (1280 × 720)' }).click();

    await expect.poll(() => app.room()).toBeTruthy();
    const room = app.room()!;
    await expect(room.getByRole('heading', { level: 1 })).toHaveText(rows[0]!.pseudonym);
    await expect(room.locator('html')).toHaveClass(/presenting/);
    await expect(room.getByRole('img', { name: /Lijngrafiek/ }).locator('canvas')).toBeVisible();
    await expectNoCanaries(room);

    // The laptop: the list with the client on screen marked.
    await expect(page.getByRole('heading', { level: 2, name: 'Presentatie op Projector (1280 × 720)' })).toBeVisible();
    const current = page.locator('.presenter-list [aria-current="step"]');
    await expect(current).toContainText(`${rows[0]!.firstName} Canaryachternaam`);
    await screenshot(page, 'presenter-laptop.png');
    await screenshot(room, 'presenter-room.png');

    // A clicker on the room's window, then the laptop's keys and buttons.
    await room.keyboard.press('PageDown');
    await expect(current).toContainText(rows[1]!.firstName);
    await expect(room.getByRole('heading', { level: 1 })).toHaveText(rows[1]!.pseudonym);
    await page.keyboard.press('ArrowRight');
    await expect(room.getByRole('heading', { level: 1 })).toHaveText(rows[2]!.pseudonym);
    await expect(room).toHaveTitle(rows[2]!.pseudonym);
    await page.getByRole('button', { name: 'Vorige' }).click();
    await expect(room.getByRole('heading', { level: 1 })).toHaveText(rows[1]!.pseudonym);
    await expect(page.getByText('2 / 3')).toBeVisible();
    await expectNoCanaries(room);

    // Only the key going down: the window closes on it, before any key-up.
    await room.keyboard.down('Escape');
    await expect.poll(() => app.room()).toBeUndefined();
    await expect(page.getByRole('button', { name: 'Presenteren op Projector (1280 × 720)' })).toBeVisible();
    expect(await ok(app.koers.call('presentation.current', {}))).toBeNull();

    // Stopped from the laptop this time.
    await page.getByRole('button', { name: 'Presenteren op Projector (1280 × 720)' }).click();
    await expect.poll(() => app.room()).toBeTruthy();
    await page.getByRole('button', { name: 'Presentatie stoppen' }).click();
    await expect.poll(() => app.room()).toBeUndefined();
    // With the room's window gone, the laptop's window is the active one again.
    await page.bringToFront();
    await expect(page.getByRole('button', { name: 'Presenteren in dit venster' })).toBeFocused();
  });
});

test.describe('team view (key person)', () => {
  test('change per indicator and the team compass for two caseworkers', async ({ app }) => {
    const { me, today, score } = await seedSheet(app);
    const bram = await ok(app.koers.call('caseworkers.create', { name: 'Bram Visser', role: 'caseworker' }));
    const before = daysBefore(today, 30);
    const jan = await ok(app.koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen', caseworkerId: me }));
    const ayse = await ok(
      app.koers.call('clients.create', { firstName: 'Ayşe', lastName: 'Yılmaz', caseworkerId: me }),
    );
    const daan = await ok(
      app.koers.call('clients.create', { firstName: 'Daan', lastName: 'de Boer', caseworkerId: bram.id }),
    );
    await score(jan.id, before, [2, 3]);
    await score(jan.id, today, [4, 3]);
    await score(ayse.id, before, [3, 3]);
    await score(ayse.id, today, [2, 3]);
    await score(daan.id, before, [1, 2]);
    await score(daan.id, today, [3, 3]);
    await app.page.reload();
    const page = app.page;
    await page.goto(`${app.url}#/team`);

    await expect(page.getByRole('heading', { level: 1, name: 'Teamoverzicht' })).toBeVisible();
    await expect(page.getByText('Kies een scorelijst om de voortgang van het team te zien.')).toBeVisible();
    await page.getByLabel('Scorelijst', { exact: true }).selectOption({ label: 'Zelfredzaamheid' });

    const indicators = page.getByRole('table', { name: 'Verandering per indicator' });
    await expect(indicators.getByRole('row', { name: /Financiën/ }).getByRole('cell')).toHaveText([
      '3',
      '+1,0',
      '2 (67%)',
      '0 (0%)',
      '1 (33%)',
    ]);
    await expect(indicators.getByRole('row', { name: /Wonen/ }).getByRole('cell')).toHaveText([
      '3',
      '+0,3',
      '1 (33%)',
      '2 (67%)',
      '0 (0%)',
    ]);

    const compass = page.getByRole('table', { name: 'Teamkompas per klantmanager' });
    await expect(compass.getByRole('row', { name: /Bram Visser/ }).getByRole('cell')).toHaveText([
      '1',
      /\d/,
      '100%',
      '+1,5',
    ]);
    await expect(
      compass
        .getByRole('row', { name: /Anne de Vries/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('2');
    await expect(
      compass
        .getByRole('row', { name: /Anne de Vries/ })
        .getByRole('cell')
        .nth(2),
    ).toHaveText('100%');

    // One caseworker only: Bram's client moved on both indicators.
    await page.getByLabel('Klantmanager', { exact: true }).selectOption({ label: 'Bram Visser' });
    await expect(indicators.getByRole('row', { name: /Financiën/ }).getByRole('cell')).toHaveText([
      '1',
      '+2,0',
      '1 (100%)',
      '0 (0%)',
      '0 (0%)',
    ]);

    // A period with no scorings explains why the table is empty.
    await page.getByLabel('Klantmanager', { exact: true }).selectOption({ label: 'Alle' });
    await page.getByLabel('Van', { exact: true }).fill('2001-01-01');
    await page.getByLabel('Tot en met', { exact: true }).fill('2001-12-31');
    await expect(
      page.getByText('Geen klant is in deze selectie twee keer op deze scorelijst gescoord', { exact: false }),
    ).toBeVisible();
    await page.getByLabel('Van', { exact: true }).fill('');
    await page.getByLabel('Tot en met', { exact: true }).fill('');
    await expect(
      indicators
        .getByRole('row', { name: /Financiën/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('3');
    await page.getByLabel('Tot en met', { exact: true }).blur();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height });
    await screenshot(page, 'team-view.png');
  });
});
