import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_MODE_LANGUAGES, clientModeTexts } from '../../renderer/src/client-mode/texts';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, publishSheet, setUp } from '../helpers/seed';

/** Issue 19, Must have 1: while client mode is on, main serves nothing but the client's sheet. */
describe('client mode', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => new Date('2026-11-23T09:30:00Z') });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  async function withScorings() {
    const sheet = await publishSheet(koers);
    const version = sheet.published!;
    const client = await createClient(koers, { firstName: 'Noor', lastName: 'Haddad', language: 'ar' });
    const other = await createClient(koers, { firstName: 'Sem', lastName: 'Jansen' });
    const score = (scoredBy: 'client' | 'caseworker', date: string, values: number[]) =>
      ok(
        koers.call('scorings.create', {
          clientId: client.id,
          versionId: version.id,
          date,
          scoredBy,
          scores: version.indicators.map((i, n) => ({ indicatorId: i.id, value: values[n] ?? null, comment: null })),
        }),
      );
    await score('client', '2026-10-01', [2, 3, 4]);
    await score('caseworker', '2026-10-02', [1, 1, 1]);
    return { sheet, version, client, other };
  }

  it('serves only its own calls while on; saves the answers as a self-score of today; the word lets the caseworker out', async () => {
    const { version, client, other } = await withScorings();
    await ok(
      koers.call('sheets.saveTranslation', {
        versionId: version.id,
        language: 'ar',
        indicators: [{ key: version.indicators[0]!.key, name: 'المالية', description: null, levels: [] }],
      }),
    );
    expect(
      await ok(koers.call('clientmode.start', { clientId: client.id, versionId: version.id, showPrevious: true })),
    ).toEqual({ active: true, hasPin: false, clientId: client.id });
    expect(koers.events.filter((e) => e.event === 'clientmode.changed').map((e) => e.payload)).toEqual([
      { active: true },
    ]);

    // Nothing else is served: not the caseload, not another client, not the notes.
    const refused = { ok: false, error: { code: 'conflict', details: { reason: 'client_mode' } } };
    expect(await koers.call('clients.list', { status: 'all' })).toMatchObject(refused);
    expect(await koers.call('clients.get', { id: other.id })).toMatchObject(refused);
    expect(await koers.call('notes.search', { text: 'x' })).toMatchObject(refused);
    // Not even switched to another client: only the caseworker's leaving ends it.
    expect(
      await koers.call('clientmode.start', { clientId: other.id, versionId: version.id, showPrevious: false }),
    ).toMatchObject(refused);

    // The sheet in Arabic where translated, right to left, with the client's own previous self-score only.
    const sheet = await ok(koers.call('clientmode.sheet', {}));
    expect(sheet).toMatchObject({
      firstName: 'Noor',
      clientLanguage: 'ar',
      textLanguage: 'ar',
      direction: 'rtl',
      saved: false,
    });
    expect(sheet.indicators.map((i) => [i.name, i.previous])).toEqual([
      ['المالية', 2],
      ['Wonen', 3],
      ['Dagbesteding', 4],
    ]);
    // Untranslated indicators read in the original, left to right.
    expect(sheet.indicators.map((i) => [i.textLanguage, i.direction])).toEqual([
      ['ar', 'rtl'],
      [null, 'ltr'],
      [null, 'ltr'],
    ]);
    expect(JSON.stringify(sheet)).not.toMatch(/Haddad|Jansen|Sem/);

    // A value off the scale is refused; the answers are saved once, as the client's, today.
    const answers = (values: Array<number | null>) => ({
      scores: sheet.indicators.map((i, n) => ({ indicatorId: i.id, value: values[n] ?? null })),
    });
    expect(await koers.call('clientmode.save', answers([9, 1, 1]))).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'scores.0.value', rule: 'out_of_scale' }] } },
    });
    expect(
      await koers.call('clientmode.save', {
        scores: [sheet.indicators[0]!, sheet.indicators[0]!].map((i) => ({ indicatorId: i.id, value: 1 })),
      }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'scores', rule: 'invalid' }] } } });
    // Two Enters at once: one scoring, the other refused.
    const [first, second] = await Promise.all([
      koers.call('clientmode.save', answers([4, null, 5])),
      koers.call('clientmode.save', answers([4, null, 5])),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toMatchObject({ error: { details: { reason: 'client_mode_saved' } } });
    expect((await ok(koers.call('clientmode.sheet', {}))).saved).toBe(true);

    // Leaving: a wrong word is refused, the mode stays; the word itself lets her out.
    expect(await koers.call('clientmode.leave', { confirm: 'stop' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'confirm', rule: 'invalid' }] } },
    });
    expect(await koers.call('clients.list', { status: 'all' })).toMatchObject(refused);
    expect(await ok(koers.call('clientmode.leave', { confirm: ' KOERS ' }))).toEqual({
      active: false,
      hasPin: false,
      clientId: null,
    });
    const scorings = await ok(koers.call('scorings.list', { clientId: client.id }));
    expect(scorings.filter((s) => s.date === '2026-11-23')).toHaveLength(1);
    expect(scorings[0]).toMatchObject({ date: '2026-11-23', scoredBy: 'client', organisation: null });
    expect(scorings[0]!.scores.map((s) => s.value)).toEqual([4, null, 5]);
    // The client's sheet and answers are in the audit log under the client.
    await koers.context.audit.flush();
    const logged = await koers.connection.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['clientmode.start', 'clientmode.sheet', 'clientmode.save'])
      .where('result', '=', 'ok')
      .execute();
    expect(new Set(logged.map((l) => l.entity_id))).toEqual(new Set([client.id]));
    expect(new Set(logged.map((l) => l.action))).toEqual(
      new Set(['clientmode.start', 'clientmode.sheet', 'clientmode.save']),
    );
  });

  it('with a PIN set, only the PIN lets the caseworker out, with the lock’s back-off after wrong ones', async () => {
    const { version, client } = await withScorings();
    await ok(koers.call('lock.setPin', { pin: '4711' }));
    await ok(koers.call('clientmode.start', { clientId: client.id, versionId: version.id, showPrevious: false }));
    const sheet = await ok(koers.call('clientmode.sheet', {}));
    expect(sheet.indicators.every((i) => i.previous === null)).toBe(true);
    expect(await koers.call('clientmode.leave', { confirm: 'KOERS' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'pin', rule: 'invalid' }] } },
    });
    expect(await koers.call('clientmode.leave', { pin: '0000' })).toMatchObject({ ok: false });
    expect(await koers.call('clientmode.leave', { pin: '1234' })).toMatchObject({ ok: false });
    // After the third wrong PIN in a row even the right one waits, as on the lock screen.
    expect(await koers.call('clientmode.leave', { pin: '4711' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'pin_wait' } },
    });
    expect((await ok(koers.call('clientmode.status', {}))).active).toBe(true);
  });

  it('speaks the client’s language where it has a file for it, else Koers’s; every file has every text', () => {
    expect(CLIENT_MODE_LANGUAGES).toEqual(['da', 'en', 'nl']);
    expect(clientModeTexts('da', 'nl').language).toBe('da');
    expect(clientModeTexts('nl-BE', 'da').language).toBe('nl');
    expect(clientModeTexts('ar', 'da')).toMatchObject({ language: 'da', texts: { next: 'Næste' } });
    expect(clientModeTexts(null, 'en').texts.next).toBe('Next');
    const keys = (language: string) => Object.keys(clientModeTexts(language, 'en').texts).sort();
    for (const language of CLIENT_MODE_LANGUAGES) expect(keys(language)).toEqual(keys('en'));
  });
});
