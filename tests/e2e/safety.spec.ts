import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ok } from '../helpers/seed';
import { type AppHarness, expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

async function keyPerson(app: AppHarness) {
  await ok(app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'key_person', demo: false }));
  const client = await ok(app.koers.call('clients.create', { firstName: 'Canaryvoornaam', lastName: 'Canaryachternaam', reference: 'CANARY-1' }));
  await ok(app.koers.call('notes.create', { clientId: client.id, kind: 'conversation', notedAt: '2026-11-20T10:15', body: 'CANARYNOTE gesprek' }));
  await app.page.reload();
  return client;
}

test('lock: set a PIN, lock, nothing of the clients in the page, wrong PIN refused, right PIN back; idle minutes lock too', async ({ app }) => {
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
  for (const secret of ['Canaryvoornaam', 'Canaryachternaam', 'CANARY-1', 'CANARYNOTE']) expect(html).not.toContain(secret);
  await expect(page).toHaveTitle('Koers');
  expect(await app.koers.call('clients.list', { status: 'active' })).toMatchObject({ ok: false, error: { details: { reason: 'locked' } } });
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
  await expect(dialog.getByRole('alert')).toHaveText('Deze back-up is gemaakt door een nieuwere versie van Koers. Installeer die versie om hem terug te zetten. Er is niets gewijzigd.', { timeout: 20_000 });
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
  expect(await app.koers.call('clients.get', { id: client.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

  // Retention: a case closed eleven years ago comes up for review and is purged.
  const reason = (await ok(app.koers.call('catalog.list', {}))).find((i) => i.kind === 'closure_reason')!;
  const old = await ok(app.koers.call('clients.create', { firstName: 'Oud', lastName: 'Dossier', startDate: '2013-01-07' }));
  await ok(app.koers.call('clients.close', { id: old.id, date: '2015-03-31', reasonId: reason.id }));
  await page.goto(`${app.url}#/retention`);
  await expect(page.getByRole('row', { name: /Oud Dossier/ })).toBeVisible();
  await page.getByRole('button', { name: '1 traject wissen…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '1 traject wissen…' }).click();
  await expect(page.getByText('1 traject gewist.')).toBeVisible();
  await expect(page.getByText('Van geen enkel afgesloten traject is de bewaartermijn verstreken.')).toBeVisible();
});
