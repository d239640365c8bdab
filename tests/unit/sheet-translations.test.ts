import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalLanguage, textDirection } from '../../common/languages';
import { translatedVersion, translationFor } from '../../db/queries/sheet-translations';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, publishSheet, setUp } from '../helpers/seed';

/** Issue 19, Must have 2: a key person translates a sheet version into a client's language. */
describe('sheet translations and the client language', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => new Date('2026-11-23T09:30:00Z') });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('knows language tags and their direction from the script', () => {
    expect(['AR', 'pt_br', 'ku-arab', 'ti', 'prs', ' nl '].map(canonicalLanguage)).toEqual([
      'ar',
      'pt-BR',
      'ku-Arab',
      'ti',
      'fa-AF', // Dari, as CLDR writes it
      'nl',
    ]);
    expect(['', 'x', 'not a language', '12', 'en-'].map(canonicalLanguage)).toEqual([null, null, null, null, null]);
    expect(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'ku-Arab', 'ar-MA'].map(textDirection)).toEqual(Array(8).fill('rtl'));
    expect(['nl', 'da', 'ti', 'tr', 'ku', 'so', 'uk', 'zh'].map(textDirection)).toEqual(Array(8).fill('ltr'));
  });

  it('saves a partial Arabic translation of the published version; the rest stays in the original', async () => {
    const sheet = await publishSheet(koers);
    const version = sheet.published!;
    const [fin, won] = version.indicators;
    const saved = await ok(
      koers.call('sheets.saveTranslation', {
        versionId: version.id,
        language: 'AR',
        indicators: [
          {
            key: fin!.key,
            name: 'المالية',
            description: '',
            levels: [
              { value: 1, label: 'أزمة', description: 'لا يستطيع دفع الفواتير' },
              { value: 2, label: '', description: '' },
            ],
          },
          { key: won!.key, name: '', description: null, levels: [] },
        ],
      }),
    );
    // Canonical tag, right to left; empty texts are not stored.
    expect(saved).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(saved.indicators).toEqual([
      {
        key: fin!.key,
        name: 'المالية',
        description: null,
        levels: [{ value: 1, label: 'أزمة', description: 'لا يستطيع دفع الفواتير' }],
      },
    ]);
    // Saving the language again changes the same record.
    const again = await ok(
      koers.call('sheets.saveTranslation', {
        versionId: version.id,
        language: 'ar',
        indicators: [{ key: fin!.key, name: 'الشؤون المالية', description: null, levels: [] }],
      }),
    );
    expect(again.id).toBe(saved.id);
    expect(await ok(koers.call('sheets.translations', { versionId: version.id }))).toHaveLength(1);

    // An Arabic reader from Morocco gets the Arabic translation; the version reads in Arabic where translated.
    const translation = await translationFor(koers.connection.db, version.id, 'ar-MA');
    const read = translatedVersion(version, translation);
    expect(read.indicators.map((i) => i.name)).toEqual(['الشؤون المالية', 'Wonen', 'Dagbesteding']);
    expect(read.indicators[0]!.levels[0]!.label).toBe('Niveau 1');
    expect(await translationFor(koers.connection.db, version.id, 'tr')).toBeUndefined();

    // Another version's indicator, a level off the scale, no language: refused, nothing changed.
    expect(
      await koers.call('sheets.saveTranslation', {
        versionId: version.id,
        language: 'ar',
        indicators: [
          { key: 'not-here', name: 'x', description: null, levels: [] },
          { key: fin!.key, name: 'x', description: null, levels: [{ value: 9, label: 'x', description: null }] },
        ],
      }),
    ).toMatchObject({
      ok: false,
      error: {
        details: {
          issues: [
            { field: 'indicators.0.key', rule: 'unavailable' },
            { field: 'indicators.1.levels.0.value', rule: 'out_of_scale' },
          ],
        },
      },
    });
    expect(
      await koers.call('sheets.saveTranslation', { versionId: version.id, language: '', indicators: [] }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'language', rule: 'required' }] } } });
    expect(
      await koers.call('sheets.saveTranslation', { versionId: version.id, language: 'klingon!', indicators: [] }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'language', rule: 'invalid' }] } } });
    expect((await ok(koers.call('sheets.translations', { versionId: version.id })))[0]!.indicators[0]!.name).toBe(
      'الشؤون المالية',
    );

    // A draft is not translated yet: only what caseworkers score on.
    const draft = await ok(koers.call('sheets.edit', { id: sheet.id }));
    expect(
      await koers.call('sheets.saveTranslation', { versionId: draft.draftVersionId!, language: 'ar', indicators: [] }),
    ).toMatchObject({ ok: false, error: { details: { reason: 'not_published' } } });

    // A caseworker reads translations but, with a key person in the team, does not write them.
    const colleague = await ok(koers.call('caseworkers.create', { name: 'Bo Jensen', role: 'caseworker' }));
    koers.context.settings.set('currentCaseworkerId', colleague.id);
    expect(await ok(koers.call('sheets.translations', { versionId: version.id }))).toHaveLength(1);
    expect(await koers.call('sheets.removeTranslation', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it("a client's language is any language, written canonically, and left alone by an edit that does not send it", async () => {
    const client = await createClient(koers, { language: 'TI' });
    expect(client.language).toBe('ti');
    expect(
      await koers.call('clients.update', { id: client.id, firstName: 'A', lastName: 'B', language: 'x!' }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'language', rule: 'invalid' }] } } });
    const kept = await ok(koers.call('clients.update', { id: client.id, firstName: 'Abeba', lastName: 'Tesfay' }));
    expect(kept.language).toBe('ti');
    const cleared = await ok(
      koers.call('clients.update', { id: client.id, firstName: 'Abeba', lastName: 'Tesfay', language: '' }),
    );
    expect(cleared.language).toBeNull();
  });
});
