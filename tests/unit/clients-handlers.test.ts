import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestKoers, type TestKoers } from '../helpers/koers';

describe('clients handlers (real registry, real SQLite file)', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => new Date('2026-11-23T09:30:00Z') });
  });
  afterEach(() => koers.cleanup());

  it('creates clients with pseudonyms and lists them by last name', async () => {
    const first = await koers.call('clients.create', { firstName: ' Mette ', lastName: 'Kjærgaard', reference: '2024-0117' });
    const second = await koers.call('clients.create', { firstName: 'Ahmed', lastName: 'Bakkali' });
    expect(first).toMatchObject({ ok: true, value: { firstName: 'Mette', lastName: 'Kjærgaard', reference: '2024-0117', pseudonym: 'K-0001', createdAt: '2026-11-23T09:30:00.000Z' } });
    expect(second).toMatchObject({ ok: true, value: { reference: null, pseudonym: 'K-0002' } });

    const list = await koers.call('clients.list', {});
    expect(list.ok && list.value.map((c) => c.lastName)).toEqual(['Bakkali', 'Kjærgaard']);
    expect(koers.events.map((e) => e.event)).toEqual(['clients.changed', 'clients.changed']);
  });

  it('records the current caseworker as owner and author', async () => {
    await koers.connection.db
      .insertInto('caseworker')
      .values({ id: 'cw-1', name: 'Lotte Visser', created_at: 'x', updated_at: 'x', updated_by: null, deleted_at: null })
      .execute();
    koers.settings.set('currentCaseworkerId', 'cw-1');
    const created = await koers.call('clients.create', { firstName: 'Kim', lastName: 'Larsen' });
    expect(created).toMatchObject({ ok: true, value: { caseworkerId: 'cw-1' } });
    const row = await koers.connection.db.selectFrom('client').select(['updated_by']).executeTakeFirstOrThrow();
    expect(row.updated_by).toBe('cw-1');
  });

  it('searches by name, reference and pseudonym, treating % and _ literally', async () => {
    await koers.call('clients.create', { firstName: 'Jan', lastName: 'de Boer', reference: 'A_1' });
    await koers.call('clients.create', { firstName: 'Janne', lastName: 'Smit', reference: 'AB1' });
    const names = async (search: string) => {
      const result = await koers.call('clients.list', { search });
      return result.ok ? result.value.map((c) => c.firstName) : result.error;
    };
    expect(await names('jan')).toEqual(['Jan', 'Janne']);
    expect(await names('jan de')).toEqual(['Jan']);
    expect(await names('A_1')).toEqual(['Jan']);
    expect(await names('K-0002')).toEqual(['Janne']);
    expect(await names('%')).toEqual([]);
  });

  it('refuses a duplicate reference, names the client who has it, and saves nothing', async () => {
    await koers.call('clients.create', { firstName: 'Fatima', lastName: 'El Amrani', reference: '1001' });
    const duplicate = await koers.call('clients.create', { firstName: 'Other', lastName: 'Person', reference: '1001' });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { field: 'reference', existing: { label: 'Fatima El Amrani' } } },
    });
    const list = await koers.call('clients.list', {});
    expect(list.ok && list.value).toHaveLength(1);
    // The pseudonym counter was not used up by the refused client.
    const next = await koers.call('clients.create', { firstName: 'Next', lastName: 'One' });
    expect(next.ok && next.value.pseudonym).toBe('K-0002');
  });

  it('explains invalid input field by field', async () => {
    const result = await koers.call('clients.create', { firstName: '   ', lastName: 'x'.repeat(101), reference: 42 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'Invalid input',
        details: {
          issues: [
            { field: 'firstName', rule: 'required' },
            { field: 'lastName', rule: 'too_long', limit: 100 },
            { field: 'reference', rule: 'invalid' },
          ],
        },
      },
    });
    expect(await koers.call('clients.create', { firstName: 'a', lastName: 'b', admin: true })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field: 'admin', rule: 'unknown_field' }] } },
    });
    expect(await koers.call('clients.create', undefined)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('turns an unexpected failure into a bare internal error: no SQL, no stack', async () => {
    await sql`DROP TABLE client`.execute(koers.connection.db);
    const result = await koers.call('clients.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(JSON.stringify(result)).not.toMatch(/client|SELECT|sqlite|at /i);
    expect(koers.internalErrors).toHaveLength(1);
    expect(String(koers.internalErrors[0]?.error)).toMatch(/no such table/);
  });
});
