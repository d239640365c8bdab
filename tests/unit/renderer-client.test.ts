import BetterSqlite3 from 'better-sqlite3';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../db/connection';
import { createBridge } from '../../preload/bridge';
import { call, KoersError } from '../../renderer/src/api';
import { describeError } from '../../renderer/src/errors';
import { resources } from '../../renderer/src/i18n';
import { openTestKoers, type TestKoers } from '../helpers/koers';

describe('renderer client over the real bridge and dispatcher', () => {
  let koers: TestKoers;
  beforeAll(async () => {
    await i18next.init({ resources, lng: 'nl', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });
  beforeEach(async () => {
    koers = await openTestKoers();
    const bridge = createBridge({ invoke: (method, input) => koers.dispatch(method, input), listen: () => () => {} });
    Object.assign(globalThis, { window: { koers: bridge } });
  });
  afterEach(async () => {
    Reflect.deleteProperty(globalThis, 'window');
    await koers.cleanup();
  });

  it('resolves with the value', async () => {
    const client = await call('clients.create', { firstName: 'Ida', lastName: 'Holm', reference: '77' });
    expect(client).toMatchObject({ firstName: 'Ida', pseudonym: 'K-0001' });
  });

  it('rethrows a failure as a typed KoersError that translates field by field', async () => {
    const error = await call('clients.create', { firstName: '', lastName: 'Holm' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoersError);
    expect((error as KoersError).code).toBe('validation');
    expect(describeError(i18next.t, error)).toEqual({
      summary: 'Controleer de gemarkeerde velden. Er is niets opgeslagen.',
      fields: { firstName: 'Voornaam is verplicht.' },
    });
  });

  it('names the holder of a duplicate reference', async () => {
    await call('clients.create', { firstName: 'Jan', lastName: 'Jansen', reference: '1001' });
    const error = await call('clients.create', { firstName: 'Piet', lastName: 'Smit', reference: '1001' }).catch(
      (e: unknown) => e,
    );
    expect(describeError(i18next.t, error, { reference: '1001' }).summary).toBe(
      'Klantnummer 1001 hoort al bij Jan Jansen. Er is niets opgeslagen.',
    );
  });

  it('says plainly that only a key person may do something, and that first run was done before', async () => {
    await call('setup.complete', { language: 'nl', name: 'Kees Bakker', role: 'caseworker', demo: false });
    const forbidden = await call('audit.check', {}).catch((e: unknown) => e);
    expect(describeError(i18next.t, forbidden).summary).toBe(
      'Alleen een kwaliteitsmedewerker kan dit doen. Er is niets gewijzigd.',
    );
    const again = await call('setup.complete', {
      language: 'nl',
      name: 'Kees Bakker',
      role: 'key_person',
      demo: false,
    }).catch((e: unknown) => e);
    expect(describeError(i18next.t, again).summary).toBe(
      'Koers is op deze computer al ingericht. Kies in plaats daarvan wie u bent.',
    );
  });

  it('says that the audit log cannot be written, not the general error', () => {
    const error = new KoersError({
      code: 'conflict',
      message: 'The audit log cannot be written',
      details: { reason: 'audit_unavailable' },
    });
    expect(describeError(i18next.t, error).summary).toMatch(/^Koers kan het auditlog nu niet bijwerken/);
  });

  it('shows anything unexpected as the general error, in the user language', () => {
    expect(describeError(i18next.t, new TypeError('x is undefined')).summary).toBe(
      'Er ging iets mis in Koers. Er is niets opgeslagen; probeer het opnieuw.',
    );
  });
});

describe('a database that cannot take the write, as the renderer shows it', () => {
  let koers: TestKoers;
  let other: BetterSqlite3.Database;
  beforeAll(async () => {
    await i18next.init({ resources, lng: 'nl', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });
  beforeEach(async () => {
    // A short wait for the write lock: the app's ~10 s would only slow the test down.
    koers = await openTestKoers({ lockWait: { blockingMs: 0, retryMs: 50 } });
    const bridge = createBridge({ invoke: (method, input) => koers.dispatch(method, input), listen: () => () => {} });
    Object.assign(globalThis, { window: { koers: bridge } });
    other = new BetterSqlite3(koers.databasePath, { timeout: 0 });
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    Reflect.deleteProperty(globalThis, 'window');
    await koers.cleanup();
  });

  const draft = {
    key: 'client:x',
    kind: 'conversation',
    notedAt: '2026-11-20T10:15',
    body: 'Gesprek. '.repeat(2000),
  } as const;
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => Promise.reject(new Error('expected a failure')),
      (error: unknown) => error,
    );
  const inEveryLanguage = (error: unknown) =>
    Object.fromEntries(
      (['nl', 'da', 'en'] as const).map((lng) => [lng, describeError(i18next.getFixedT(lng), error).summary]),
    );

  it('gives a busy, a full and a read-only database each its own plain sentence in Dutch, Danish and English', async () => {
    // Busy: another program holds the write lock longer than Koers waits.
    other.exec('BEGIN IMMEDIATE');
    const busy = await failure(call('drafts.save', draft));
    other.exec('ROLLBACK');

    // Full: the file may not grow, which SQLite reports exactly as a full disk.
    const sqlite = koers.connection.sqlite;
    sqlite.pragma(`max_page_count = ${String(sqlite.pragma('page_count', { simple: true }))}`);
    const full = await failure(call('drafts.save', draft));
    sqlite.pragma('max_page_count = 1073741823');

    // Read-only: the file could only be opened for reading.
    const readOnly = openConnection(koers.databasePath, { readonly: true });
    const writable = { db: koers.context.db, sqlite: koers.context.sqlite };
    Object.assign(koers.context, { db: readOnly.db, sqlite: readOnly.sqlite });
    const cannotWrite = await failure(call('drafts.save', draft)).finally(() => Object.assign(koers.context, writable));
    await readOnly.close();

    expect(inEveryLanguage(busy)).toEqual({
      nl: 'De database is bezet: een ander programma gebruikt hem. Probeer het over een ogenblik opnieuw.',
      da: 'Databasen er optaget: et andet program bruger den. Prøv igen om et øjeblik.',
      en: 'The database is busy: another program is using it. Try again in a moment.',
    });
    expect(inEveryLanguage(full)).toEqual({
      nl: 'De schijf is vol. Maak ruimte vrij en probeer het opnieuw. Er is niets opgeslagen.',
      da: 'Disken er fuld. Frigør plads, og prøv igen. Intet er gemt.',
      en: 'The disk is full. Free up space and try again. Nothing was saved.',
    });
    expect(inEveryLanguage(cannotWrite)).toEqual({
      nl: 'Koers kan de database niet wijzigen: het bestand of de map is alleen-lezen, of u mag er niet in schrijven. Er is niets opgeslagen.',
      da: 'Koers kan ikke ændre databasen: filen eller mappen er skrivebeskyttet, eller du må ikke skrive i den. Intet er gemt.',
      en: 'Koers cannot change the database: the file or its folder is read-only, or you may not write there. Nothing was saved.',
    });
  });
});
