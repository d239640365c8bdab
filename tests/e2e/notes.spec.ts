import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ok } from '../helpers/seed';
import { expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

const TYPED = 'Afspraak over de cursus Café-beheer, daarna';
const FULL = `${TYPED} één gesprek met de docent.`;
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

test.describe('notes (Dutch)', () => {
  test('quick note → draft survives a restart → edit history → search → household note → HTML stays text → follow-up to-dos', async ({
    app,
  }) => {
    test.setTimeout(90_000); // One long flow, with a restart in the middle.
    await ok(
      app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'caseworker', demo: false }),
    );
    const fatima = await ok(app.koers.call('clients.create', { firstName: 'Fatima', lastName: 'El Amrani' }));
    const youssef = await ok(app.koers.call('clients.create', { firstName: 'Youssef', lastName: 'El Amrani' }));
    const household = await ok(
      app.koers.call('households.create', { name: 'Familie El Amrani', memberIds: [fatima.id, youssef.id] }),
    );
    const draftOf = async (key: string) => (await ok(app.koers.call('drafts.get', { key })))?.body ?? null;
    const fatimaDraft = `client:${fatima.id}`;

    // The quick note: `n` on the client page, typing goes straight into the text.
    let page = app.page;
    await page.goto(`${app.url}#/clients/${fatima.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fatima El Amrani');
    await expect(page.getByText('Tip: druk op N om een notitie te schrijven.')).toBeVisible();
    await page.keyboard.press('n');
    let editor = page.getByRole('dialog', { name: 'Nieuwe notitie voor Fatima El Amrani' });
    await expect(editor.getByLabel('Tekst van de notitie')).toBeFocused();
    await page.keyboard.type(TYPED);
    // The draft is written while typing; then the window closes mid-sentence.
    await expect.poll(() => draftOf(fatimaDraft)).toBe(TYPED);
    page = await app.restart();

    await page.goto(`${app.url}#/clients/${fatima.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fatima El Amrani');
    await page.keyboard.press('n');
    editor = page.getByRole('dialog', { name: 'Nieuwe notitie voor Fatima El Amrani' });
    await expect(editor.getByText(/Concept van .* teruggezet\./)).toBeVisible();
    const text = editor.getByLabel('Tekst van de notitie');
    await expect(text).toHaveValue(TYPED);
    await text.press('End');
    await page.keyboard.type(' één gesprek met de docent.');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editor).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Notitie opgeslagen.' })).toBeVisible();
    expect(await draftOf(fatimaDraft)).toBeNull();
    const timeline = page.locator('ol.timeline');
    let card = timeline.locator('article.note-card').filter({ hasText: 'Café-beheer' });
    await expect(card).toContainText('Gesprek');
    await expect(card).toContainText('door Anne de Vries');

    // Edit it: the earlier text stays in the history.
    await card.getByRole('button', { name: 'Wijzigen', exact: true }).click();
    editor = page.getByRole('dialog', { name: 'Notitie wijzigen' });
    await editor.getByLabel('Tekst van de notitie').fill(`${FULL}\n\nGewijzigd: de cursus start in **maart**.`);
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editor).toBeHidden();
    card = timeline.locator('article.note-card').filter({ hasText: 'Café-beheer' });
    await expect(card.locator('strong')).toHaveText('maart');
    await expect(card).toContainText('gewijzigd');
    await card.getByRole('button', { name: 'Eerdere versies' }).click();
    const history = page.getByRole('dialog', { name: 'Eerdere versies van deze notitie' });
    await expect(history).toContainText(FULL);
    await expect(history).not.toContainText('maart');
    await expect(history).toContainText('Geschreven door Anne de Vries');
    await history.getByRole('button', { name: 'Sluiten' }).last().click();
    await expect(history).toBeHidden();

    // An agreement, with follow-up to-dos linked to it.
    await page.getByRole('button', { name: 'Notitie schrijven' }).click();
    editor = page.getByRole('dialog', { name: 'Nieuwe notitie voor Fatima El Amrani' });
    await editor.getByLabel('Soort').selectOption({ label: 'Gemaakte afspraken' });
    await editor
      .getByLabel('Tekst van de notitie')
      .fill('**Afgesproken:**\n- cv bijwerken\n- twee sollicitaties per week\n\nZie https://werk.nl/vacatures');
    await editor.getByLabel('Bovenaan de tijdlijn vastzetten').check();
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editor).toBeHidden();
    const agreement = timeline.locator('article.note-card').filter({ hasText: 'Afgesproken' });
    await expect(agreement.locator('li')).toHaveText(['cv bijwerken', 'twee sollicitaties per week']);
    await expect(agreement.locator('a')).toHaveCount(0);
    await expect(page.locator('.pinned-notes')).toContainText('Afgesproken');
    await agreement.getByRole('button', { name: 'Vervolgtaken' }).click();
    const followUp = page.getByRole('dialog', { name: 'Vervolgtaken bij deze notitie' });
    await followUp.getByRole('group', { name: 'Taak 1' }).getByLabel('Wat').fill('Cv bijwerken met de docent');
    await followUp.getByRole('button', { name: 'Nog een taak' }).click();
    await followUp.getByRole('group', { name: 'Taak 2' }).getByLabel('Wat').fill('Sollicitaties nabellen');
    await followUp.getByRole('button', { name: 'Taken aanmaken' }).click();
    await expect(followUp).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '2 taken aangemaakt.' })).toBeVisible();
    const todos = page.getByRole('region', { name: 'Taken' });
    await expect(todos).toContainText('Cv bijwerken met de docent');
    await expect(todos).toContainText('Sollicitaties nabellen');
    const agreementNote = (await ok(app.koers.call('clients.timeline', { id: fatima.id }))).find(
      (e) => e.kind === 'note' && e.note.kind === 'agreement',
    );
    const linked = (await ok(app.koers.call('actions.list', { clientId: fatima.id }))).filter(
      (a) => agreementNote?.kind === 'note' && a.noteId === agreementNote.note.id,
    );
    expect(linked).toHaveLength(2);

    // Typed HTML is text: nothing runs, no element appears.
    await page.keyboard.press('n');
    editor = page.getByRole('dialog', { name: 'Nieuwe notitie voor Fatima El Amrani' });
    await editor.getByLabel('Soort').selectOption({ label: 'Reflectie' });
    await editor.getByLabel('Tekst van de notitie').fill(PAYLOAD);
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editor).toBeHidden();
    await expect(timeline.locator('.note-body').filter({ hasText: PAYLOAD })).toHaveText(PAYLOAD);
    await expect(page.locator('.note-body img, .note-body script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // A household note, written on the household page, shows on both members' timelines.
    await page.goto(`${app.url}#/households/${household.id}`);
    await page.getByRole('button', { name: 'Notitie voor het huishouden schrijven' }).click();
    editor = page.getByRole('dialog', { name: 'Nieuwe notitie voor huishouden Familie El Amrani' });
    await editor.getByLabel('Soort').selectOption({ label: 'Huisbezoek' });
    await editor.getByLabel('Tekst van de notitie').fill('Huisbezoek: het gezin zoekt samen naar kinderopvang.');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editor).toBeHidden();
    await expect(page.getByRole('region', { name: 'Notities huishouden' })).toContainText('kinderopvang');
    for (const member of [youssef, fatima]) {
      await page.goto(`${app.url}#/clients/${member.id}`);
      const houseNote = page.locator('ol.timeline article.note-card').filter({ hasText: 'kinderopvang' });
      await expect(houseNote).toContainText('Notitie huishouden');
      await expect(houseNote).toContainText('Huisbezoek');
    }
    await page.getByLabel('Tonen').selectOption({ label: 'Notities' });
    await expect(page.locator('ol.timeline > li')).toHaveCount(4);
    await page.getByLabel('Tonen').selectOption({ label: 'Alles' });
    await page.screenshot({ path: resolve(screenshots, 'notes-timeline.png'), fullPage: true });

    // Cancel with something typed: keep or discard the draft.
    await page.keyboard.press('n');
    editor = page.getByRole('dialog', { name: 'Nieuwe notitie voor Fatima El Amrani' });
    await page.keyboard.type('Nog even nadenken');
    await editor.getByRole('button', { name: 'Annuleren' }).click();
    await expect(editor).toContainText('Deze notitie is niet opgeslagen.');
    await editor.getByRole('button', { name: 'Concept weggooien' }).click();
    await expect(editor).toBeHidden();
    expect(await draftOf(fatimaDraft)).toBeNull();

    // Search without accents; the snippet marks the match; a result opens the note.
    await page.getByRole('navigation').getByRole('link', { name: 'Notities' }).click();
    await expect(page.getByRole('heading', { name: 'Notities', level: 1 })).toBeVisible();
    const search = page.getByLabel('Zoeken in notities');
    await search.fill('cafe');
    const results = page.getByRole('list', { name: 'Resultaten' });
    await expect(results.getByRole('listitem')).toHaveCount(1);
    await expect(results.locator('mark')).toHaveText('Café');
    await expect(page.getByText('1 notitie gevonden.')).toBeVisible();
    await search.fill('een');
    await expect(results.locator('mark').first()).toHaveText('één');
    await search.fill('kinderopvang');
    await expect(results).toContainText('Familie El Amrani');
    await search.fill('cafe');
    await page.getByLabel('Soort').selectOption({ label: 'Huisbezoek' });
    await expect(page.getByText('Geen notities gevonden.')).toBeVisible();
    await page.getByLabel('Soort').selectOption({ label: 'Alle soorten' });
    await expect(results.locator('mark')).toHaveText('Café');
    // A half-typed date filters nothing yet (no refusal from main); the field says what is wrong once left.
    const from = page.getByLabel('Vanaf', { exact: true });
    await from.fill('31-2');
    await from.blur();
    await expect(page.getByText('Vanaf: 31-2 is geen datum.')).toBeVisible();
    await expect(results.locator('mark')).toHaveText('Café');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await from.fill('1-1-2099');
    await expect(page.getByText('Geen notities gevonden.')).toBeVisible();
    await from.fill('');
    await expect(results.locator('mark')).toHaveText('Café');
    await page.screenshot({ path: resolve(screenshots, 'notes-search.png'), fullPage: true });
    await results.getByRole('link', { name: 'Notitie over Fatima El Amrani openen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fatima El Amrani');
    const found = page.locator('ol.timeline article.note-card').filter({ hasText: 'Café-beheer' });
    await expect(found).toBeFocused();
    await expect(found).toBeInViewport();
  });

  test('caseload: n on a row opens a quick note for that client', async ({ app }) => {
    await ok(
      app.koers.call('setup.complete', { language: 'nl', name: 'Anne de Vries', role: 'caseworker', demo: false }),
    );
    await ok(app.koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen' }));
    const page = app.page;
    await page.goto(`${app.url}#/`);
    const row = page.getByRole('grid').locator('[role=row][data-index]').first();
    await row.focus();
    await page.keyboard.press('n');
    const editor = page.getByRole('dialog', { name: 'Nieuwe notitie voor Jan Jansen' });
    await page.keyboard.type('Kort gebeld over de uitkering.');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editor).toBeHidden();
    await expect(row).toBeFocused();
    await row.press('Enter');
    await expect(page.locator('ol.timeline')).toContainText('Kort gebeld over de uitkering.');
  });
});
