import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consentStatus } from '../../renderer/src/consent/status';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';

/** Issue 19, Must have 5: consent records per client. */
describe('consent records', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  let clock: Date;
  beforeEach(async () => {
    desktop = fakeDesktop();
    clock = new Date('2026-11-23T09:30:00Z');
    koers = await openTestKoers({ desktop, now: () => clock });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  const sharing = (clientId: string) => ({
    clientId,
    purpose: 'Gegevens delen met Werkbrug Re-integratie',
    legalBasis: 'consent' as const,
    givenAs: 'written' as const,
    givenOn: '2026-11-02',
    validUntil: '2027-05-02',
    remark: 'Formulier getekend, in het dossier',
  });

  it('adds, corrects, withdraws and deletes a consent; bad dates are refused and change nothing', async () => {
    const client = await createClient(koers);
    const saved = await ok(koers.call('consents.save', sharing(client.id)));
    expect(saved).toMatchObject({ purpose: 'Gegevens delen met Werkbrug Re-integratie', withdrawnOn: null });

    // Given in the future, or ending before it was given: each refused at its field.
    expect(
      await koers.call('consents.save', { ...sharing(client.id), givenOn: '2026-11-24', validUntil: '2026-11-01' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        details: {
          issues: [
            { field: 'givenOn', rule: 'future_date' },
            { field: 'validUntil', rule: 'before_given' },
          ],
        },
      },
    });
    expect(await koers.call('consents.save', { ...sharing(client.id), purpose: '  ' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'purpose', rule: 'required' }] } },
    });
    expect(await ok(koers.call('consents.list', { clientId: client.id }))).toHaveLength(1);

    // A correction (the end date was typed wrong) keeps the record's id.
    const corrected = await ok(
      koers.call('consents.save', { ...sharing(client.id), id: saved.id, validUntil: '2027-11-02' }),
    );
    expect(corrected).toMatchObject({ id: saved.id, validUntil: '2027-11-02' });

    // Withdrawn: not before it was given, not in the future; the record stays, marked.
    const withdraw = { clientId: client.id, id: saved.id };
    expect(await koers.call('consents.withdraw', { ...withdraw, withdrawnOn: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'withdrawnOn', rule: 'before_given' }] } },
    });
    expect(await koers.call('consents.withdraw', { ...withdraw, withdrawnOn: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'withdrawnOn', rule: 'future_date' }] } },
    });
    const withdrawn = await ok(koers.call('consents.withdraw', { ...withdraw, withdrawnOn: '2026-11-20' }));
    expect(withdrawn.withdrawnOn).toBe('2026-11-20');
    expect(consentStatus(withdrawn, '2026-11-23')).toBe('withdrawn');
    // A correction cannot move the day it was given past its withdrawal.
    expect(
      await koers.call('consents.save', { ...sharing(client.id), id: saved.id, givenOn: '2026-11-21' }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'withdrawnOn', rule: 'before_given' }] } } });

    // Another client's consent is not found through this client.
    const other = await createClient(koers, { firstName: 'Ander' });
    expect(await koers.call('consents.remove', { clientId: other.id, id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await ok(koers.call('consents.remove', { clientId: client.id, id: saved.id }));
    expect(await ok(koers.call('consents.list', { clientId: client.id }))).toEqual([]);

    // Every call is in the audit log under the client, never with its content.
    await koers.context.audit.flush();
    const audit = await koers.connection.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'result'])
      .where('action', 'like', 'consents.%')
      .orderBy('seq')
      .execute();
    expect(audit.filter((a) => a.result === 'ok').map((a) => [a.action, a.entity_id])).toEqual([
      ['consents.save', client.id],
      ['consents.list', client.id],
      ['consents.save', client.id],
      ['consents.withdraw', client.id],
      ['consents.remove', client.id],
      ['consents.list', client.id],
    ]);
    expect(JSON.stringify(await koers.connection.db.selectFrom('audit_log').selectAll().execute())).not.toMatch(
      /Werkbrug|Formulier/,
    );
  });

  it('a consent ending within 30 days appears in My day, until it is withdrawn or has ended', async () => {
    const mine = await createClient(koers, { firstName: 'Emre', lastName: 'Öztürk' });
    const ends = async (validUntil: string, purpose: string, clientId = mine.id) =>
      ok(koers.call('consents.save', { ...sharing(clientId), purpose, validUntil }));
    await ends('2026-12-23', 'Contact met de werkgever'); // day 30: in
    await ends('2026-12-24', 'Gegevens delen met de huisarts'); // day 31: not yet
    await ends('2026-11-23', 'Delen met schuldhulp'); // today: in
    await ends('2026-11-22', 'Oud doel'); // ended yesterday: no longer a reminder
    const noEnd = await ok(
      koers.call('consents.save', { ...sharing(mine.id), purpose: 'Zonder einde', validUntil: null }),
    );
    expect(noEnd.validUntil).toBeNull();
    const me = (await ok(koers.call('app.info', {}))).currentCaseworker!.id;
    const expiring = async () =>
      (await ok(koers.call('consents.expiring', { caseworkerId: me }))).map((c) => [c.validUntil, c.purpose]);
    expect(await expiring()).toEqual([
      ['2026-11-23', 'Delen met schuldhulp'],
      ['2026-12-23', 'Contact met de werkgever'],
    ]);
    const statuses = (await ok(koers.call('consents.list', { clientId: mine.id }))).map((c) => [
      c.purpose,
      consentStatus(c, '2026-11-23'),
    ]);
    expect(Object.fromEntries(statuses)).toEqual({
      'Contact met de werkgever': 'expiring',
      'Gegevens delen met de huisarts': 'valid',
      'Delen met schuldhulp': 'expiring',
      'Oud doel': 'expired',
      'Zonder einde': 'valid',
    });

    // A day later: the one that ended is gone from My day, the one on day 30 then is in.
    clock = new Date('2026-11-24T09:30:00Z');
    expect(await expiring()).toEqual([
      ['2026-12-23', 'Contact met de werkgever'],
      ['2026-12-24', 'Gegevens delen met de huisarts'],
    ]);
    // Withdrawn: no reminder. A colleague's client: not in her My day.
    const [employer] = (await ok(koers.call('consents.list', { clientId: mine.id }))).filter(
      (c) => c.purpose === 'Contact met de werkgever',
    );
    await ok(koers.call('consents.withdraw', { clientId: mine.id, id: employer!.id, withdrawnOn: '2026-11-24' }));
    const colleague = await ok(koers.call('caseworkers.create', { name: 'Bo Jensen', role: 'caseworker' }));
    const theirs = await createClient(koers, { firstName: 'Sofie', caseworkerId: colleague.id });
    await ends('2026-12-01', 'Contact met de werkgever', theirs.id);
    expect(await expiring()).toEqual([['2026-12-24', 'Gegevens delen met de huisarts']]);
    expect((await ok(koers.call('consents.expiring', { caseworkerId: colleague.id }))).map((c) => c.client.id)).toEqual(
      [theirs.id],
    );
  });

  it('consents are in the access export, and gone with an erasure', async () => {
    const client = await createClient(koers, { firstName: 'Quirina', lastName: 'Zwaanswijk' });
    await ok(koers.call('consents.save', { ...sharing(client.id), purpose: 'Delen met Qwyndrel Jobcoaching' }));
    desktop.saveAs = join(koers.folder, 'export.json');
    await ok(koers.call('privacy.exportClient', { clientId: client.id }));
    const exported = JSON.parse(readFileSync(desktop.saveAs, 'utf8')) as {
      records: { consents: Array<{ purpose: string; legal_basis: string; given_as: string }> };
    };
    expect(exported.records.consents).toEqual([
      expect.objectContaining({
        purpose: 'Delen met Qwyndrel Jobcoaching',
        legal_basis: 'consent',
        given_as: 'written',
      }),
    ]);

    await ok(koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }));
    expect(await koers.connection.db.selectFrom('consent').selectAll().execute()).toEqual([]);
    koers.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(koers.databasePath).includes('Qwyndrel')).toBe(false);
  });
});
