import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldName, nameKey } from '../../common/fold';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';

describe('name folding', () => {
  it('folds case and accents in every script, and the letters Unicode does not decompose', () => {
    expect(foldName('Öztürk')).toBe('ozturk');
    expect(foldName('Østergaard')).toBe('ostergaard');
    expect(foldName('Ærø')).toBe('aero');
    expect(foldName('Yılmaz')).toBe('yilmaz');
    expect(foldName('ШЕВЧЕНКО')).toBe('шевченко');
    expect(foldName('ΣΟΦΊΑΣ')).toBe(foldName('σοφιας'));
    expect(foldName('Straße Łódź Đorđe')).toBe('strasse lodz dorde');
  });

  it('keys names by letters and digits of any script only', () => {
    expect(nameKey('  Jan   de  VRIES ')).toBe(nameKey('jan de vries'));
    expect(nameKey('E-mail')).toBe('email');
    expect(nameKey('Шевченко')).toBe('шевченко');
    expect(nameKey('Шевченко')).not.toBe(nameKey('Петренко'));
  });
});

describe('caseload search', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers();
    await setUp(koers);
    for (const [firstName, lastName, reference] of [
      ['Emre', 'Öztürk', 'KL-10267'],
      ['Søren', 'Østergaard', 'SAG-40871'],
      ['Mette', 'Ærø', 'SAG-40876'],
      ['Тарас', 'Шевченко', 'UA-001'],
      ['Émile', 'Zola', null],
      ['Ayşe', 'Yılmaz', 'KL-10234'],
    ] as const)
      await createClient(koers, { firstName, lastName, ...(reference ? { reference } : {}) });
  });
  afterEach(() => koers.cleanup());

  const found = async (search: string) =>
    (await ok(koers.call('clients.list', { status: 'all', search }))).map((c) => c.lastName);

  it('finds names whatever their case and accents, in Latin and Cyrillic', async () => {
    expect(await found('ozturk')).toEqual(['Öztürk']);
    expect(await found('ÖZTÜRK')).toEqual(['Öztürk']);
    expect(await found('ostergaard')).toEqual(['Østergaard']);
    expect(await found('aero')).toEqual(['Ærø']);
    expect(await found('ærø')).toEqual(['Ærø']);
    expect(await found('шевченко')).toEqual(['Шевченко']);
    expect(await found('ШЕВЧ')).toEqual(['Шевченко']);
    expect(await found('emile')).toEqual(['Zola']);
    expect(await found('yilmaz, ayse')).toEqual(['Yılmaz']);
    expect(await found('sag-4087')).toEqual(['Ærø', 'Østergaard']);
    // The fields are kept apart: no match across the name and the reference.
    expect(await found('ozturk kl')).toEqual([]);
  });

  it('follows a rename, a client added by any write path and a removed client', async () => {
    const [ayse] = await ok(koers.call('clients.list', { status: 'all', search: 'yilmaz' }));
    await ok(koers.call('clients.update', { id: ayse!.id, firstName: 'Ayşe', lastName: 'Çelik', reference: 'KL-1' }));
    expect(await found('yilmaz')).toEqual([]);
    expect(await found('celik')).toEqual(['Çelik']);
    // A row written straight into the table (as a team pull does) is found too.
    const [template] = await ok(koers.call('clients.list', { status: 'all', search: 'zola' }));
    koers.connection.sqlite
      .prepare(
        `INSERT INTO client (id, pseudonym, first_name, last_name, caseworker_id, start_date, created_at, updated_at)
         SELECT '01900000-0000-7000-8000-000000000001', 'K-0999', 'Zoë', 'Ğündüz', caseworker_id, start_date, created_at, updated_at
         FROM client WHERE id = ?`,
      )
      .run(template!.id);
    expect(await found('gunduz')).toEqual(['Ğündüz']);
    expect(await found('k-0999')).toEqual(['Ğündüz']);
    // And a row a pull writes over (an upsert, as db/queries/sync-rows.ts does) is folded again.
    koers.connection.sqlite
      .prepare(
        `INSERT INTO client (id, pseudonym, first_name, last_name, caseworker_id, start_date, created_at, updated_at)
         SELECT id, pseudonym, first_name, 'Güneş', caseworker_id, start_date, created_at, updated_at FROM client WHERE id = ?
         ON CONFLICT (id) DO UPDATE SET last_name = excluded.last_name, first_name = excluded.first_name`,
      )
      .run('01900000-0000-7000-8000-000000000001');
    expect(await found('gunduz')).toEqual([]);
    expect(await found('gunes')).toEqual(['Güneş']);
    koers.connection.sqlite.prepare(`DELETE FROM client WHERE id = '01900000-0000-7000-8000-000000000001'`).run();
    expect(koers.connection.sqlite.prepare('SELECT count(*) AS n FROM client_search').get()).toEqual({ n: 6 });
  });
});
