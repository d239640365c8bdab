import type { Language } from '../../common/languages';
import { ok } from '../helpers/seed';
import type { AppHarness } from './fixtures';

/** A caseworker with one client; `shift(n)` is the date n days from Koers's today. */
export async function withClient(app: AppHarness, language: Language) {
  await ok(app.koers.call('setup.complete', { language, name: 'Anne de Vries', role: 'caseworker', demo: false }));
  const { today } = await ok(app.koers.call('app.info', {}));
  const client = await ok(app.koers.call('clients.create', { firstName: 'Ahmed', lastName: 'Bakkali' }));
  await app.page.reload(); // in the language just chosen
  const shift = (days: number) =>
    new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { client, today, shift };
}
