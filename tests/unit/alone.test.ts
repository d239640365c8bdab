import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Method } from '../../common/contract';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, createClient, ok } from '../helpers/seed';

/** A caseworker (not a key person) sets Koers up on her own, in Dutch. */
async function aloneAsCaseworker(koers: TestKoers, starters: boolean): Promise<string> {
  const { caseworkerId } = await ok(
    koers.call('setup.complete', { language: 'nl', name: 'Sanne Bakker', role: 'caseworker', demo: false, starters }),
  );
  return caseworkerId;
}

describe('first run offers starter lists and sheets', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers();
  });
  afterEach(() => koers.cleanup());

  it('with starters: target groups in her language, each with a published default sheet she can score on', async () => {
    await aloneAsCaseworker(koers, true);
    const { targetGroups, stages, reasons } = await catalog(koers);
    expect(targetGroups.map((g) => [g.name, g.rescoreWeeks])).toEqual([
      ['Werkfit', 8],
      ['Ontwikkelroute naar werk', 12],
      ['Jongeren tot 27 jaar', 6],
      ['Meedoen', 12],
    ]);
    expect(stages).toHaveLength(8);
    expect(reasons).toHaveLength(4);

    const sheets = await ok(koers.call('sheets.list', {}));
    expect(sheets.map((s) => [s.name, s.publishedNumber, s.targetGroupIds.length]).sort()).toEqual([
      ['Participatieladder', 1, 1],
      ['Werkfitheid', 1, 3],
    ]);
    const byName = (name: string) => targetGroups.find((g) => g.name === name)!.id;
    expect(sheets.find((s) => s.name === 'Participatieladder')!.targetGroupIds).toEqual([byName('Meedoen')]);

    // Scoring works straight away: the client's target group brings its sheet.
    const client = await createClient(koers, { targetGroupId: byName('Werkfit') });
    const form = (await ok(koers.call('scorings.form', { clientId: client.id })))!;
    expect(form.version.indicators).toHaveLength(7);
    expect(form.version.indicators[0]!.levels[0]!.label).toBe('Nog niet aan toe');
    const scoring = await ok(
      koers.call('scorings.create', {
        clientId: client.id,
        versionId: form.version.id,
        date: '2026-12-07',
        scoredBy: 'caseworker',
        scores: form.version.indicators.map((i) => ({ indicatorId: i.id, value: 3, comment: '' })),
      }),
    );
    expect(scoring.scores).toHaveLength(7);
  });

  it('in Danish, the Danish names', async () => {
    await ok(
      koers.call('setup.complete', { language: 'da', name: 'Mette', role: 'caseworker', demo: false, starters: true }),
    );
    expect((await catalog(koers)).targetGroups.map((g) => g.name)).toEqual([
      'Jobparat',
      'Aktivitetsparat',
      'Unge under 30 år',
      'Ressourceforløb',
    ]);
    expect((await ok(koers.call('sheets.list', {}))).map((s) => s.name).sort()).toEqual([
      'Deltagelsesstige',
      'Jobparathed',
    ]);
  });

  it('declined (or not asked): no target groups and no sheets, the shipped stages only', async () => {
    await aloneAsCaseworker(koers, false);
    const { targetGroups, stages } = await catalog(koers);
    expect(targetGroups).toEqual([]);
    expect(stages).toHaveLength(8);
    expect(await ok(koers.call('sheets.list', {}))).toEqual([]);
  });

  it('with the demo, the demo’s own lists and sheets and no starters beside them', async () => {
    await ok(
      koers.call('setup.complete', { language: 'nl', name: 'Anne', role: 'caseworker', demo: true, starters: true }),
    );
    const names = (await catalog(koers)).targetGroups.map((g) => g.name);
    expect(names).not.toContain('Meedoen');
    expect(names).toContain('Werkfit (Participatiewet)');
  });
});

describe('a caseworker without a key person in her Koers', () => {
  let koers: TestKoers;
  let sanneId: string;
  beforeEach(async () => {
    koers = await openTestKoers();
    sanneId = await aloneAsCaseworker(koers, false);
  });
  afterEach(() => koers.cleanup());

  const forbidden = { ok: false, error: { code: 'forbidden' } };

  /** Lists, a sheet of her own, published, and a colleague: what she needs so as not to be stuck. */
  async function manageListsAndSheets() {
    const group = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Statushouders' }));
    await ok(koers.call('catalog.update', { id: group.id, name: 'Statushouders', rescoreWeeks: 8 }));
    const sheet = await ok(koers.call('sheets.createFromStarter', { starter: 'work_readiness', language: 'nl' }));
    await ok(
      koers.call('sheets.saveDraft', {
        sheetId: sheet.id,
        name: 'Mijn scorelijst',
        description: '',
        targetGroupIds: [group.id],
        indicators: sheet.draft!.indicators.map(({ key, name, description, scaleMin, scaleMax, levels }) => ({
          key,
          name,
          description,
          scaleMin,
          scaleMax,
          levels: levels.map(({ value, label, description }) => ({ value, label, description })),
        })),
      }),
    );
    await ok(koers.call('sheets.publish', { id: sheet.id }));
    return { group, sheet };
  }

  it('may manage the lists, the sheets and the caseworkers (main lets her through)', async () => {
    const { sheet } = await manageListsAndSheets();
    expect((await ok(koers.call('sheets.list', {})))[0]).toMatchObject({ name: 'Mijn scorelijst', publishedNumber: 1 });
    const kees = await ok(koers.call('caseworkers.create', { name: 'Kees de Boer', role: 'caseworker' }));
    expect(kees).toMatchObject({ role: 'caseworker', active: true });
    expect(await ok(koers.call('sheets.copy', { id: sheet.id, name: 'Kopie' }))).toMatchObject({ name: 'Kopie' });
  });

  it('is still refused what only a key person does: the team figures, the audit log, erasure, retention', async () => {
    const client = await createClient(koers);
    const keyPersonOnly: Array<[Method, unknown]> = [
      ['audit.list', { limit: 10 }],
      ['audit.check', {}],
      ['team.view', { sheetId: '0190c2d4-7b9a-7cc0-8000-000000000000' }],
      ['coverage.setTarget', { share: 0.5, dueOn: '2027-01-01' }],
      ['privacy.retention', {}],
      ['privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }],
    ];
    for (const [method, input] of keyPersonOnly)
      expect({ method, outcome: await koers.dispatch(method, input) }).toMatchObject({
        method,
        outcome: { ok: false, error: { code: 'forbidden', details: { method } } },
      });
    expect(await ok(koers.call('clients.list', { status: 'all' }))).toHaveLength(1);
  });

  it('once a key person exists, the normal rule applies to her again; without an active one, not', async () => {
    const lotte = await ok(koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'key_person' }));
    const before = await ok(koers.call('catalog.list', {}));
    expect(await koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren' })).toMatchObject(forbidden);
    expect(await koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' })).toMatchObject(
      forbidden,
    );
    expect(await koers.call('caseworkers.update', { id: sanneId, name: 'Sanne', role: 'key_person' })).toMatchObject(
      forbidden,
    );
    expect(await ok(koers.call('catalog.list', {}))).toEqual(before);
    expect(await ok(koers.call('sheets.list', {}))).toEqual([]);

    // The key person may, of course.
    await ok(koers.call('caseworkers.switchCurrent', { id: lotte.id }));
    await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren' }));
    // A key person who left the team (deactivated) keeps no one from managing: Kees takes over from Lotte,
    // then hands the role back. No active key person is left, only Lotte's deactivated record.
    const kees = await ok(koers.call('caseworkers.create', { name: 'Kees de Boer', role: 'key_person' }));
    await ok(koers.call('caseworkers.switchCurrent', { id: kees.id }));
    await ok(koers.call('caseworkers.setActive', { id: lotte.id, active: false }));
    await ok(koers.call('caseworkers.update', { id: kees.id, name: 'Kees de Boer', role: 'caseworker' }));
    await ok(koers.call('caseworkers.switchCurrent', { id: sanneId }));
    await manageListsAndSheets();
  });

  it('is refused when Koers does not know who works on it, key person or not', async () => {
    koers.settings.set('currentCaseworkerId', null);
    expect(await koers.call('catalog.create', { kind: 'target_group', name: 'X' })).toMatchObject(forbidden);
    expect((await catalog(koers)).targetGroups).toEqual([]);
  });

  it('keeps the rule across a restart: it is read from the database file, not remembered', async () => {
    await ok(koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'key_person' }));
    koers = await koers.restart();
    expect(await koers.call('catalog.create', { kind: 'target_group', name: 'X' })).toMatchObject(forbidden);
  });
});
