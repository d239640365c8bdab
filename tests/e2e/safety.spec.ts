import AxeBuilder from '@axe-core/playwright';
import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ok } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

async function keyPerson(app: AppHarness) {
  await ok(
    app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }),
  );
  const client = await ok(
    app.koers.call('clients.create', {
      firstName: 'Canaryvoornaam',
      lastName: 'Canaryachternaam',
      reference: 'CANARY-1',
    }),
  );
  await ok(
    app.koers.call('notes.create', {
      clientId: client.id,
      kind: 'conversation',
      notedAt: '2026-11-20T10:15',
      body: 'CANARYNOTE gesprek',
    }),
  );
  await app.page.reload();
  return client;
}

test('lock: set a PIN, lock, nothing of the clients in the page, wrong PIN refused, right PIN back; idle minutes lock too', async ({
  app,
}) => {
  const page = app.page;
  await page.clock.install();
  const client = await keyPerson(app);
  await page.goto(`${app.url}#/settings`);
  await page.getByLabel('Nieuwe pincode (4 tot 12 cijfers)').fill('2468');
  await page.getByRole('button', { name: 'Pincode instellen' }).click();
  await expect(page.getByText('De pincode is ingesteld. Koers vergrendelt zichzelf nu.')).toBeVisible();

  await page.goto(`${app.url}#/clients/${client.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Canaryvoornaam/ })).toBeVisible();
  await ok(app.koers.call('lock.lock', {}));
  await expect(page.getByRole('heading', { level: 1, name: 'Koers is vergrendeld' })).toBeVisible();
  const html = await page.content();
  for (const secret of ['Canaryvoornaam', 'Canaryachternaam', 'CANARY-1', 'CANARYNOTE'])
    expect(html).not.toContain(secret);
  await expect(page).toHaveTitle('Koers');
  expect(await app.koers.call('clients.list', { status: 'active' })).toMatchObject({
    ok: false,
    error: { details: { reason: 'locked' } },
  });
  await page.screenshot({ path: resolve(screenshots, 'lock.png') });

  await page.getByLabel('Pincode').fill('1111');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByText('Die pincode klopt niet.')).toBeVisible();
  await page.getByLabel('Pincode').fill('2468');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Canaryvoornaam/ })).toBeVisible();

  // Ten idle minutes (the default) later it locks by itself.
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('heading', { level: 1, name: /Canaryvoornaam/ })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { level: 1, name: 'Koers is vergrendeld' })).toBeVisible();
});

test('lock after a restart: the lock screen first, no client in the page; wrong PINs make Koers wait, shown with a countdown', async ({
  app,
}) => {
  await keyPerson(app);
  await ok(app.koers.call('lock.setPin', { pin: '2468' }));
  // Nine wrong PINs an hour ago: their back-off is over, the next wrong one waits over ten minutes.
  app.koers.settings.set('pinFailures', { count: 9, lastAt: new Date(Date.now() - 3_600_000).toISOString() });
  const page = await app.restart();
  await expect(page.getByRole('heading', { level: 1, name: 'Koers is vergrendeld' })).toBeVisible();
  for (const secret of ['Canaryvoornaam', 'Canaryachternaam', 'CANARY-1', 'CANARYNOTE'])
    expect(await page.content()).not.toContain(secret);
  expect(await app.koers.call('clients.list', { status: 'active' })).toMatchObject({
    ok: false,
    error: { details: { reason: 'locked' } },
  });

  await page.clock.install();
  await page.getByLabel('Pincode').fill('1111');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByText('Die pincode klopt niet.')).toBeVisible();
  await expect(page.getByText('Te veel verkeerde pincodes; probeer het over 11 minuten opnieuw.')).toBeVisible();
  await page.getByLabel('Pincode').fill('2468');
  await expect(page.getByRole('button', { name: 'Ontgrendelen' })).toBeDisabled();
  // 640 seconds: minutes, then seconds, then the button is back.
  await page.clock.fastForward('09:00');
  await expect(page.getByText('Te veel verkeerde pincodes; probeer het over 2 minuten opnieuw.')).toBeVisible();
  await page.clock.fastForward('01:00');
  await expect(page.getByText(/^Te veel verkeerde pincodes; probeer het over \d+ seconden opnieuw\.$/)).toBeVisible();
  await page.clock.fastForward('00:45');
  await expect(page.getByText(/Te veel verkeerde pincodes/)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Ontgrendelen' })).toBeEnabled();

  // The wait outlives a restart too.
  const again = await app.restart();
  await expect(again.getByText(/^Te veel verkeerde pincodes; probeer het over 1[01] minuten opnieuw\.$/)).toBeVisible();
  await again.getByLabel('Pincode').fill('2468');
  await expect(again.getByRole('button', { name: 'Ontgrendelen' })).toBeDisabled();
  expect(await app.koers.call('lock.unlock', { pin: '2468' })).toMatchObject({
    ok: false,
    error: { details: { reason: 'pin_wait' } },
  });
});

test('backups: back up now, restore with its contents shown and a safety backup first', async ({ app }) => {
  // A backup is checked in a worker; from the sources (under tsx) each worker takes seconds to start.
  test.slow();
  await keyPerson(app);
  const page = app.page;
  await page.goto(`${app.url}#/settings`);
  const backups = page.getByRole('region', { name: 'Back-ups' });
  await expect(backups.getByText(app.koers.databasePath)).toBeVisible();
  await backups.getByRole('button', { name: 'Nu een back-up maken' }).click();
  await expect(backups.getByRole('status')).toContainText('Back-up gemaakt: koers-');
  await expect(backups.getByRole('table').getByRole('row')).toHaveCount(2);

  // A client added after the backup is gone once the backup is restored.
  await ok(app.koers.call('clients.create', { firstName: 'Later', lastName: 'Toegevoegd' }));
  await backups.getByRole('button', { name: 'Terugzetten…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Deze back-up bevat 1 klant, 0 scores en 1 notitie.', { timeout: 20_000 });
  await page.screenshot({ path: resolve(screenshots, 'restore.png') });
  await dialog.getByRole('button', { name: 'Terugzetten' }).click();
  await page.waitForEvent('load');
  await page.goto(`${app.url}#/`);
  await expect(page.getByRole('row', { name: /Canaryachternaam/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Toegevoegd/ })).toHaveCount(0);
  const list = await ok(app.koers.call('backups.list', {}));
  expect(list.backups).toHaveLength(2);
});

test('restore: a backup from a newer Koers is refused in plain words and nothing changes', async ({ app }) => {
  test.slow();
  await keyPerson(app);
  const page = app.page;
  const backup = await ok(app.koers.call('backups.create', {}));
  const { ownFolder } = await ok(app.koers.call('backups.list', {}));
  const file = new BetterSqlite3(join(ownFolder, backup.fileName), { fileMustExist: true });
  file.exec(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00Z')`);
  file.close();
  await ok(app.koers.call('clients.create', { firstName: 'Later', lastName: 'Toegevoegd' }));

  await page.goto(`${app.url}#/settings`);
  const backups = page.getByRole('region', { name: 'Back-ups' });
  await expect(backups.getByText(ownFolder)).toBeVisible();
  await backups.getByRole('button', { name: 'Terugzetten…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Deze back-up is gemaakt door een nieuwere versie van Koers. Installeer die versie om hem terug te zetten. Er is niets gewijzigd.',
    { timeout: 20_000 },
  );
  await expect(dialog.getByRole('button', { name: 'Terugzetten' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await page.goto(`${app.url}#/`);
  await expect(page.getByRole('row', { name: /Toegevoegd/ })).toBeVisible();
  expect((await ok(app.koers.call('backups.list', {}))).backups).toHaveLength(1);
});

test('audit log, client export and erasure, retention review', async ({ app }) => {
  const client = await keyPerson(app);
  const page = app.page;
  await page.goto(`${app.url}#/clients/${client.id}`);
  await page.getByRole('button', { name: 'Alle gegevens exporteren' }).click();
  const today = (await ok(app.koers.call('app.info', {}))).today;
  const path = resolve(app.savedFolder, `Gegevens ${client.pseudonym} ${today}.json`);
  await expect(page.getByText(`Opgeslagen in ${path}`)).toBeVisible();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as { records: { notes: Array<{ body: string }> } };
  expect(exported.records.notes[0]?.body).toBe('CANARYNOTE gesprek');

  await page.goto(`${app.url}#/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
  await expect(page.getByRole('row', { name: /privacy\.exportClient/ })).toBeVisible();
  await page.getByRole('button', { name: 'Log controleren' }).click();
  await expect(page.getByText(/Het log is intact: \d+ regels/)).toBeVisible();
  await page.screenshot({ path: resolve(screenshots, 'audit.png'), fullPage: true });

  await page.goto(`${app.url}#/clients/${client.id}`);
  await page.getByRole('button', { name: 'Klant wissen…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Wissen' })).toBeDisabled();
  await dialog.getByLabel(`Typ het pseudoniem ${client.pseudonym} ter bevestiging`).fill(client.pseudonym);
  await dialog.getByRole('button', { name: 'Wissen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  expect(await app.koers.call('clients.get', { id: client.id })).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });

  // Retention: a case closed eleven years ago comes up for review and is purged.
  const reason = (await ok(app.koers.call('catalog.list', {}))).find((i) => i.kind === 'closure_reason')!;
  const old = await ok(
    app.koers.call('clients.create', { firstName: 'Oud', lastName: 'Dossier', startDate: '2013-01-07' }),
  );
  await ok(app.koers.call('clients.close', { id: old.id, date: '2015-03-31', reasonId: reason.id }));
  await page.goto(`${app.url}#/retention`);
  await expect(page.getByRole('row', { name: /Oud Dossier/ })).toBeVisible();
  await page.getByRole('button', { name: '1 traject wissen…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '1 traject wissen…' }).click();
  await expect(page.getByText('1 traject gewist.')).toBeVisible();
  await expect(page.getByText('Van geen enkel afgesloten traject is de bewaartermijn verstreken.')).toBeVisible();
});

test('erasure: the dialog says what happens to the household first; an erasure another program keeps from finishing on disk says so', async ({
  app,
}) => {
  // Two axe runs and a ~1.5 s retry of the checkpoint: more than the default on a busy machine.
  test.setTimeout(90_000);
  const client = await keyPerson(app);
  const page = app.page;
  const other = await ok(app.koers.call('clients.create', { firstName: 'Tweede', lastName: 'Lid' }));
  const home = await ok(
    app.koers.call('households.create', { name: 'Familie Canary', memberIds: [client.id, other.id] }),
  );
  await ok(
    app.koers.call('notes.create', {
      householdId: home.id,
      kind: 'home_visit',
      notedAt: '2026-11-18T11:00',
      body: 'Huisbezoek',
    }),
  );

  // Another member remains: the household and its notes stay, and the dialog says so before anything is erased.
  await page.goto(`${app.url}#/clients/${client.id}`);
  await page.getByRole('button', { name: 'Klant wissen…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    'Het huishouden “Familie Canary” en zijn notities blijven bestaan, want ze gaan ook over het andere lid: wat erin over deze klant staat, verandert niet.',
  );
  const axe = async () =>
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map(
      (v) => v.id,
    );
  expect(await axe()).toEqual([]);
  // The command line holds a read transaction: the log cannot be emptied.
  const reader = new BetterSqlite3(app.koers.databasePath);
  try {
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM client').get();
    await dialog.getByLabel(`Typ het pseudoniem ${client.pseudonym} ter bevestiging`).fill(client.pseudonym);
    await dialog.getByRole('button', { name: 'Wissen' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Gewist uit de database, maar er kan nog een kopie op de schijf staan tot Koers het wissen kan afmaken: een ander programma (bijvoorbeeld de opdrachtregel) gebruikt de database. Koers maakt het af bij de volgende keer wissen en bij het afsluiten.',
    );
    await expect(dialog.getByRole('button', { name: 'Sluiten', exact: true }).last()).toBeFocused();
    expect(await axe()).toEqual([]);
    await dialog.getByRole('button', { name: 'Sluiten', exact: true }).last().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
    reader.prepare('COMMIT').run();
  } finally {
    reader.close();
  }

  // Now the only member: the household and its note go too.
  await page.goto(`${app.url}#/clients/${other.id}`);
  await page.getByRole('button', { name: 'Klant wissen…' }).click();
  await expect(dialog).toContainText(
    'Deze klant is het enige lid van het huishouden “Familie Canary”: het huishouden en zijn 1 notitie worden ook gewist.',
  );
  await dialog.getByLabel(`Typ het pseudoniem ${other.pseudonym} ter bevestiging`).fill(other.pseudonym);
  await dialog.getByRole('button', { name: 'Wissen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  expect(await app.koers.call('households.get', { id: home.id })).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });
});
