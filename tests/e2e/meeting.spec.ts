import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from '../../common/languages';
import { plusDays } from '../../common/dates';
import { formatDate } from '../../renderer/src/format';
import { pdfText } from '../helpers/pdf';
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
    await expect(first.getByRole('cell')).toHaveText(['2 Kwetsbaar', '→ 4 Voldoende zelfredzaam', 'geen doel']);
    await expect(page.getByText('Jongeren tot 27')).toBeVisible();
    // The large chart: the room sees the lines, the table gives the values.
    const chart = page.getByRole('img', {
      name: /Lijngrafieken van de scores in de tijd, één per indicator: Financiën, Wonen\./,
    });
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
    // The fifth was scored once: that is its baseline, not "not scored yet".
    await expect(page.getByText('Nog niet gescoord')).toHaveCount(0);
    await expect(
      page.getByText(
        `Eén keer gescoord, op ${formatDate(daysBefore(today, 200), 'nl')}: dit is de nulmeting. De voortgang is te zien na de volgende score.`,
      ),
    ).toBeVisible();
    const baseline = page.getByRole('table', { name: 'Scores en doelen per indicator' });
    await expect(baseline.getByRole('columnheader')).toHaveText(['Indicator', 'Nulmeting', 'Doel']);
    await expect(baseline.getByRole('row', { name: /Financiën/ }).getByRole('cell')).toHaveText([
      '1 Crisis',
      'geen doel',
    ]);
    await expect(chart.locator('canvas')).toBeVisible();
    await screenshot(page, 'presentation-baseline.png');
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

/** Five indicators more for a sheet of twelve: a long sheet, as some teams keep. */
const EXTRA: Record<Language, string[]> = {
  nl: ['Dagbesteding', 'Huisvesting', 'Schulden en betalingsachterstanden', 'Vervoer', 'Digitale vaardigheden'],
  da: ['Dagligdag', 'Bolig', 'Gæld og restancer', 'Transport', 'Digitale færdigheder'],
  en: ['Daily activities', 'Housing', 'Debts and arrears', 'Transport', 'Digital skills'],
};

/**
 * The starter work-readiness sheet (seven indicators with long level names) in `language`,
 * and a twelve-indicator sheet; three clients: a full history (self-scores, a gap, goals, a
 * milestone), one scored once, one on the long sheet.
 */
async function seedRoom(app: AppHarness, language: Language) {
  const { caseworkerId } = await ok(
    app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'key_person', demo: false }),
  );
  const group = await ok(app.koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren tot 27' }));
  const { today } = await ok(app.koers.call('app.info', {}));
  const readiness = await ok(app.koers.call('sheets.createFromStarter', { starter: 'work_readiness', language }));
  const base = readiness.draft!.indicators.map((i) => ({
    name: i.name,
    description: null,
    scaleMin: i.scaleMin,
    scaleMax: i.scaleMax,
    levels: i.levels.map((l) => ({ value: l.value, label: l.label, description: null })),
  }));
  const publish = async (id: string, name: string, targetGroupIds: string[], indicators: typeof base) => {
    await ok(app.koers.call('sheets.saveDraft', { sheetId: id, name, targetGroupIds, indicators }));
    return (await ok(app.koers.call('sheets.publish', { id }))).published!;
  };
  const seven = await publish(readiness.id, readiness.name, [group.id], base);
  const empty = await ok(app.koers.call('sheets.createFromStarter', { starter: 'empty', language }));
  const twelve = await publish(
    empty.id,
    'Twaalf',
    [],
    [...base, ...EXTRA[language].map((name) => ({ ...base[0]!, name }))],
  );
  const client = (n: number) =>
    ok(
      app.koers.call('clients.create', {
        firstName: `Klant${n}`,
        lastName: 'Voorbeeld',
        targetGroupId: group.id,
        caseworkerId,
      }),
    );
  const score = (
    clientId: string,
    version: typeof seven,
    days: number,
    scoredBy: 'caseworker' | 'client',
    values: ReadonlyArray<number | null>,
  ) =>
    ok(
      app.koers.call('scorings.create', {
        clientId,
        versionId: version.id,
        date: plusDays(today, -days),
        scoredBy,
        scores: version.indicators.map((indicator, i) => ({ indicatorId: indicator.id, value: values[i] ?? null })),
      }),
    );
  const full = await client(1);
  await score(full.id, seven, 300, 'caseworker', [1, 2, 1, 2, 1, 3, 2]);
  await score(full.id, seven, 200, 'client', [3, 3, 2, 3, 2, 3, 3]);
  await score(full.id, seven, 200, 'caseworker', [2, 2, 2, 3, 2, 3, 2]);
  // Health not scored this time: a gap, not a bridge.
  await score(full.id, seven, 110, 'caseworker', [3, 3, null, 3, 2, 4, 3]);
  await score(full.id, seven, 10, 'client', [5, 4, 3, 4, 3, 4, 4]);
  await score(full.id, seven, 10, 'caseworker', [4, 3, 3, 4, 3, 5, 3]);
  for (const [n, target] of [
    [0, 5],
    [2, 4],
    [4, 4],
  ] as const)
    await ok(
      app.koers.call('goals.set', {
        clientId: full.id,
        indicatorKey: seven.indicators[n]!.key,
        target,
        targetDate: plusDays(today, 120),
      }),
    );
  await ok(
    app.koers.call('notes.create', {
      clientId: full.id,
      kind: 'milestone',
      notedAt: `${plusDays(today, -60)}T10:00`,
      body: 'CANARYNOTE eerste werkdag',
    }),
  );
  const once = await client(2);
  await score(once.id, seven, 20, 'caseworker', [2, 1, 3, 2, 1, 2, 1]);
  await ok(
    app.koers.call('goals.set', {
      clientId: once.id,
      indicatorKey: seven.indicators[0]!.key,
      target: 4,
      targetDate: null,
    }),
  );
  const long = await client(3);
  await score(long.id, twelve, 180, 'caseworker', [1, 2, 1, 2, 1, 3, 2, 1, 2, 3, 1, 2]);
  await score(long.id, twelve, 90, 'caseworker', [2, 3, 2, 2, 2, 3, 3, 2, 2, 3, 2, 2]);
  await score(long.id, twelve, 5, 'caseworker', [3, 3, 3, 4, 2, 4, 3, 3, 2, 4, 3, 3]);
  return { seven, twelve, full, long };
}

/**
 * What is wrong with the slide's layout, measured in the page: boxes of text (line by
 * line), buttons and the chart that overlap or reach outside the screen, elements whose
 * content is cut off (scroll size larger than the box where the box clips), and text
 * smaller than `minFont` pixels (the key hint for the presenter excepted).
 */
async function layoutProblems(page: Page, minFont: number): Promise<string[]> {
  return page.evaluate((minimum) => {
    const problems: string[] = [];
    const slide = document.querySelector('.presentation');
    if (!slide) return ['no slide'];
    const hidden = (el: Element) => el.closest('.visually-hidden, [aria-hidden="true"]') !== null;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    type Atom = { what: string; rect: DOMRect };
    const atoms: Atom[] = [];
    for (const el of slide.querySelectorAll('button, canvas')) {
      if (hidden(el)) continue;
      atoms.push({ what: name(el), rect: el.getBoundingClientRect() });
    }
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || hidden(parent) || parent.closest('button')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects())
        if (rect.width > 0 && rect.height > 0) atoms.push({ what: name(parent), rect });
      const size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (size < minimum && !parent.closest('.presentation-keys'))
        problems.push(`${name(parent)}: ${size.toFixed(1)}px type, less than ${minimum.toFixed(1)}px`);
    }
    const { innerWidth: width, innerHeight: height } = window;
    atoms.forEach((a, i) => {
      const r = a.rect;
      if (r.left < -0.5 || r.top < -0.5 || r.right > width + 0.5 || r.bottom > height + 0.5)
        problems.push(`${a.what} reaches outside the screen: ${JSON.stringify(r)}`);
      for (const b of atoms.slice(i + 1)) {
        const s = b.rect;
        const x = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const y = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (x > 1 && y > 1) problems.push(`${a.what} overlaps ${b.what}`);
      }
    });
    for (const el of [document.documentElement, ...slide.querySelectorAll('*')]) {
      if (hidden(el) || el.tagName === 'CANVAS') continue;
      const style = getComputedStyle(el);
      const clips = el === document.documentElement || style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (!clips) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        problems.push(
          `${name(el)} cuts off its content: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        );
    }
    return problems;
  }, minFont);
}

/** The chart has been laid out for its box: the canvas fills it. */
async function chartFits(page: Page) {
  const chart = page.locator('.presentation-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect
    .poll(async () =>
      chart.evaluate((el) => {
        const canvas = el.querySelector('canvas');
        const box = el.getBoundingClientRect();
        const drawn = canvas?.getBoundingClientRect();
        return drawn !== undefined && Math.abs(drawn.width - box.width) <= 1 && Math.abs(drawn.height - box.height) <= 1
          ? 'fits'
          : `${drawn?.width}×${drawn?.height} in ${box.width}×${box.height}`;
      }),
    )
    .toBe('fits');
}

const ROOM_SCREENS = [
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const;

const BASELINE: Record<Language, string> = {
  nl: 'dit is de nulmeting. De voortgang is te zien na de volgende score.',
  da: 'det er udgangspunktet. Udviklingen vises efter næste scoring.',
  en: 'this is the baseline. Progress shows after the next scoring.',
};
const START: Record<Language, string> = {
  nl: 'Presentatie starten',
  da: 'Start præsentation',
  en: 'Start presentation',
};

for (const language of ['nl', 'da', 'en'] as const) {
  test(`the slide fits every room screen (${language}): nothing overlaps, nothing is cut off, every indicator on it`, async ({
    app,
  }) => {
    test.setTimeout(180_000);
    const { seven, twelve, full, long } = await seedRoom(app, language);
    await app.page.reload();
    const page = app.page;
    await page.goto(`${app.url}#/meeting`);
    await expect(page.locator('.meeting-list input[type=checkbox]')).toHaveCount(3);
    for (const box of await page.locator('.meeting-list input[type=checkbox]').all()) await box.check();
    await page.getByRole('button', { name: START[language] }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^K-/);

    const slides = [
      { name: 'full', indicators: seven.indicators },
      { name: 'once', indicators: seven.indicators },
      { name: 'twelve', indicators: twelve.indicators },
    ];
    for (const [n, slide] of slides.entries()) {
      if (n > 0) await page.keyboard.press('PageDown');
      await expect(page.locator('.presentation-position')).toHaveText(`${n + 1} / 3`);
      const table = page.locator('.presentation-table table');
      // Every indicator in the table, the goal column included.
      await expect(table.locator('tbody tr')).toHaveCount(slide.indicators.length);
      for (const indicator of slide.indicators)
        await expect(table.getByRole('row', { name: new RegExp(`^${indicator.name}`) })).toBeVisible();
      if (slide.name === 'once') await expect(page.getByText(BASELINE[language])).toBeVisible();
      else await expect(page.locator('.presentation-baseline')).toHaveCount(0);
      await expectNoCanaries(page);

      for (const [width, height] of ROOM_SCREENS) {
        await page.setViewportSize({ width, height });
        await chartFits(page);
        await expect(table.getByRole('columnheader')).toHaveCount(slide.name === 'once' ? 3 : 4);
        // Type for the back of the room: two percent of the screen's height at least.
        expect.soft(await layoutProblems(page, height * 0.02), `${slide.name} at ${width}×${height}`).toEqual([]);
        await page.screenshot({ path: resolve(screenshots, `slide-${language}-${slide.name}-${width}x${height}.png`) });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    await page.keyboard.press('Escape');

    // The same chart on the client page, seven indicators; and twelve on the report's one page.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${app.url}#/clients/${full.id}`);
    const chart = page.getByRole('img', { name: new RegExp(seven.indicators[0]!.name) }).first();
    await expect(chart.locator('canvas')).toBeVisible();
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(screenshots, `chart-seven-${language}-1366x768.png`) });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.goto(`${app.url}#/report/${long.id}/pseudonymised`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    await page.screenshot({ path: resolve(screenshots, `report-twelve-${language}.png`), fullPage: true });
    const { path } = await ok(app.koers.call('reports.progressPdf', { clientId: long.id, pseudonymised: true }));
    const pages = await pdfText(readFileSync(path!));
    expect(pages).toHaveLength(1);
    for (const indicator of twelve.indicators) expect(pages[0]).toContain(indicator.name);
  });
}
