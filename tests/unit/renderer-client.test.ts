import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
    const error = await call('clients.create', { firstName: 'Piet', lastName: 'Smit', reference: '1001' }).catch((e: unknown) => e);
    expect(describeError(i18next.t, error, { reference: '1001' }).summary).toBe('Klantnummer 1001 hoort al bij Jan Jansen. Er is niets opgeslagen.');
  });

  it('says plainly that only a key person may do something, and that first run was done before', async () => {
    await call('setup.complete', { language: 'nl', name: 'Kees Bakker', role: 'caseworker', demo: false });
    const forbidden = await call('audit.check', {}).catch((e: unknown) => e);
    expect(describeError(i18next.t, forbidden).summary).toBe('Alleen een kwaliteitsmedewerker kan dit doen. Er is niets gewijzigd.');
    const again = await call('setup.complete', { language: 'nl', name: 'Kees Bakker', role: 'key_person', demo: false }).catch((e: unknown) => e);
    expect(describeError(i18next.t, again).summary).toBe('Koers is op deze computer al ingericht. Kies in plaats daarvan wie u bent.');
  });

  it('says that the audit log cannot be written, not the general error', () => {
    const error = new KoersError({ code: 'conflict', message: 'The audit log cannot be written', details: { reason: 'audit_unavailable' } });
    expect(describeError(i18next.t, error).summary).toMatch(/^Koers kan het auditlog nu niet bijwerken/);
  });

  it('shows anything unexpected as the general error, in the user language', () => {
    expect(describeError(i18next.t, new TypeError('x is undefined')).summary).toBe('Er ging iets mis in Koers. Er is niets opgeslagen; probeer het opnieuw.');
  });
});
