import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Method } from '../../common/contract';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';

describe('first run happens once', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers();
  });
  afterEach(() => koers.cleanup());

  it('refuses setup.complete once someone works here: no new caseworker, no demo clients, the settings kept', async () => {
    const annId = await setUp(koers);
    const again = await koers.call('setup.complete', {
      language: 'da',
      name: 'Intruder',
      role: 'key_person',
      demo: true,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'already_set_up' } } });
    expect((await ok(koers.call('caseworkers.list', {}))).map((w) => w.name)).toEqual(['Anne de Vries']);
    expect(await ok(koers.call('clients.list', { status: 'all' }))).toEqual([]);
    expect(koers.settings.get('currentCaseworkerId')).toBe(annId);
    expect(koers.settings.get('language')).toBe('nl');
  });

  it('when the settings lost who works here, the existing caseworkers can still be chosen (first run is not offered again)', async () => {
    const annId = await setUp(koers);
    koers.settings.set('currentCaseworkerId', null);
    expect(await ok(koers.call('app.info', {}))).toMatchObject({ currentCaseworker: null, setUp: true });
    expect(await ok(koers.call('caseworkers.switchCurrent', { id: annId }))).toEqual({ ok: true });
    expect(await ok(koers.call('app.info', {}))).toMatchObject({ currentCaseworker: { id: annId }, setUp: true });
  });
});

describe('key-person methods are refused in main for caseworkers', () => {
  let koers: TestKoers;
  let annId: string;
  let keesId: string;
  beforeEach(async () => {
    koers = await openTestKoers();
    annId = await setUp(koers);
    keesId = (await ok(koers.call('caseworkers.create', { name: 'Kees Bakker', role: 'caseworker' }))).id;
  });
  afterEach(() => koers.cleanup());

  /** A valid input for each method we try: the refusal must come from the role, not the input. */
  async function attempts(): Promise<Array<[Method, unknown]>> {
    const targetGroup = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Participatie' }));
    const client = await createClient(koers, { firstName: 'Jan' });
    return [
      ['audit.list', { limit: 10 }],
      ['audit.check', {}],
      ['caseworkers.create', { name: 'Mallory', role: 'key_person' }],
      ['caseworkers.update', { id: keesId, name: 'Kees B.', role: 'key_person' }],
      ['caseworkers.setActive', { id: annId, active: false }],
      ['catalog.create', { kind: 'stage', name: 'Extra', weight: 1 }],
      ['sheets.createFromStarter', { starter: 'work_readiness', language: 'nl' }],
      ['team.view', { sheetId: '0190c2d4-7b9a-7cc0-8000-000000000000' }],
      ['coverage.setTarget', { share: 0.5, dueOn: '2027-01-01' }],
      ['privacy.retention', {}],
      ['privacy.setRetention', { targetGroupId: targetGroup.id, years: 1 }],
      ['privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }],
      ['privacy.purge', { clientIds: [client.id] }],
    ];
  }

  it('answers forbidden to a caseworker, changes nothing, and lets a key person through', async () => {
    const tries = await attempts();
    const before = await ok(koers.call('caseworkers.list', {}));
    await ok(koers.call('caseworkers.switchCurrent', { id: keesId }));
    for (const [method, input] of tries) {
      const outcome = await koers.dispatch(method, input);
      expect({ method, outcome }).toMatchObject({
        method,
        outcome: { ok: false, error: { code: 'forbidden', details: { method } } },
      });
    }
    expect(await ok(koers.call('caseworkers.list', {}))).toEqual(before);
    expect(await ok(koers.call('clients.list', { status: 'all' }))).toHaveLength(1);
    expect(koers.internalErrors).toEqual([]);

    // The same calls by the key person are not refused for the role.
    await ok(koers.call('caseworkers.switchCurrent', { id: annId }));
    for (const [method, input] of tries) {
      const outcome = await koers.dispatch(method, input);
      expect({ method, outcome }).not.toMatchObject({ outcome: { ok: false, error: { code: 'forbidden' } } });
    }
  });

  it('refuses without a current caseworker too; the own work of a caseworker goes on', async () => {
    koers.settings.set('currentCaseworkerId', null);
    expect(await koers.call('audit.check', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A caseworker's own work is not affected.
    await ok(koers.call('caseworkers.switchCurrent', { id: keesId }));
    expect(await ok(koers.call('clients.list', { status: 'active', caseworkerId: keesId }))).toEqual([]);
    expect(await ok(koers.call('clients.create', { firstName: 'Piet', lastName: 'Smit' }))).toMatchObject({
      caseworkerId: keesId,
    });
  });
});
