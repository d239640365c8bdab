import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import { catalog, ok, setUp } from '../helpers/seed';
import { formatTypedDate } from '../../renderer/src/dateInput';
import { type AppHarness, expect, test } from './fixtures';

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

/** A key person at work (Dutch), on one screen. */
async function openAs(app: AppHarness, hash: string) {
  const me = await setUp(app.koers);
  await app.page.reload();
  await app.page.goto(`${app.url}${hash}`);
  return me;
}

/** Names in a list's table, top to bottom (without the retired badge). */
function names(section: Locator): Promise<string[]> {
  return section
    .locator('tbody th[scope=row]')
    .evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''));
}

test.describe('caseworkers (key person)', () => {
  test('add a caseworker, change the role, deactivation refused while they have clients, hand over the caseload, then deactivate', async ({
    app,
  }) => {
    const me = await openAs(app, '#/caseworkers');
    const { today } = await ok(app.koers.call('app.info', {}));
    const page = app.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Klantmanagers' })).toBeVisible();

    const add = page.getByRole('form', { name: 'Klantmanager toevoegen' });
    await add.getByRole('button', { name: 'Klantmanager toevoegen' }).click();
    await expect(add.getByLabel('Naam')).toHaveAccessibleDescription('Naam is verplicht.');
    await add.getByLabel('Naam').fill('Bram Visser');
    await add.getByLabel('Rol').selectOption({ label: 'Klantmanager' });
    await add.getByRole('button', { name: 'Klantmanager toevoegen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Bram Visser is toegevoegd.' })).toBeVisible();
    await expect(add.getByLabel('Naam')).toHaveValue('');

    const table = page.getByRole('table', { name: 'Klantmanagers' });
    const row = table.getByRole('row', { name: /Bram Visser/ });
    await expect(row).toContainText('Klantmanager');
    await expect(row).toContainText('Actief');

    // Edit the role in a dialog.
    await row.getByRole('button', { name: 'Bram Visser wijzigen' }).click();
    const edit = page.getByRole('dialog', { name: 'Bram Visser wijzigen' });
    await edit.getByLabel('Rol').selectOption({ label: 'Kwaliteitsmedewerker' });
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect(edit).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: 'Wijzigingen voor Bram Visser opgeslagen.' }),
    ).toBeVisible();
    await expect(row.getByRole('cell').first()).toHaveText('Kwaliteitsmedewerker');

    // Two clients for Bram: the list counts them.
    const bram = (await ok(app.koers.call('caseworkers.list', {}))).find((w) => w.name === 'Bram Visser')!;
    await ok(app.koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen', caseworkerId: bram.id }));
    await ok(app.koers.call('clients.create', { firstName: 'Ayşe', lastName: 'Yılmaz', caseworkerId: bram.id }));
    await expect(row.getByRole('cell').nth(2)).toHaveText('2');

    // Deactivation is refused, in Dutch, with the way out.
    await row.getByRole('button', { name: 'Bram Visser deactiveren' }).click();
    const deactivate = page.getByRole('dialog', { name: 'Bram Visser deactiveren' });
    await deactivate.getByRole('button', { name: 'Deactiveren', exact: true }).click();
    await expect(deactivate.getByRole('alert')).toHaveText(
      'Deze klantmanager heeft nog 2 actieve klanten. Draag de caseload eerst over.',
    );
    await page.screenshot({ path: resolve(screenshots, 'manage-deactivate-refused.png') });
    await deactivate.getByRole('button', { name: 'Hele caseload overdragen…' }).click();

    const handover = page.getByRole('dialog', { name: 'Hele caseload van Bram Visser overdragen' });
    await expect(handover).toContainText('Bram Visser heeft 2 actieve klanten.');
    await expect(handover.getByLabel('Datum')).toHaveValue(formatTypedDate(today));
    await handover.getByLabel('Nieuwe klantmanager').selectOption({ label: 'Anne de Vries' });
    await handover.getByLabel('Toelichting').fill('Bram gaat met verlof');
    await handover.getByRole('button', { name: 'Opslaan' }).click();
    await expect(handover).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'overgedragen' })).toHaveText(
      '2 klanten van Bram Visser overgedragen aan Anne de Vries.',
    );
    await expect(row.getByRole('cell').nth(2)).toHaveText('0');
    expect((await ok(app.koers.call('clients.list', { caseworkerId: me }))).map((c) => c.lastName).sort()).toEqual([
      'Jansen',
      'Yılmaz',
    ]);

    // Now it works, and can be undone.
    await row.getByRole('button', { name: 'Bram Visser deactiveren' }).click();
    await page
      .getByRole('dialog', { name: 'Bram Visser deactiveren' })
      .getByRole('button', { name: 'Deactiveren', exact: true })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'Bram Visser is gedeactiveerd.' })).toBeVisible();
    await expect(row).toContainText('Gedeactiveerd');
    await expect(row.getByRole('button', { name: 'Werken als Bram Visser' })).toHaveCount(0);
    await page.screenshot({ path: resolve(screenshots, 'manage-caseworkers.png'), fullPage: true });
    await row.getByRole('button', { name: 'Bram Visser heractiveren' }).click();
    await expect(row).toContainText('Actief');

    // Work as Bram: the shell follows without a reload.
    await row.getByRole('button', { name: 'Werken als Bram Visser' }).click();
    await expect(page.getByText('Werkt als Bram Visser')).toBeVisible();
  });
});

test.describe('lists (key person)', () => {
  test('add, rename, reorder, retire and restore; remove only what nothing uses', async ({ app }) => {
    await openAs(app, '#/lists');
    const page = app.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Lijsten' })).toBeVisible();
    const groups = page.getByRole('region', { name: 'Doelgroepen' });
    await expect(groups).toContainText('Nog niets toegevoegd.');

    const addGroup = groups.getByRole('form', { name: 'Toevoegen aan Doelgroepen' });
    for (const name of ['Jongeren', 'Statushouders', 'Ouderen']) {
      await addGroup.getByLabel('Naam').fill(name);
      await addGroup.getByRole('button', { name: 'Toevoegen' }).click();
      await expect(groups.getByRole('status')).toHaveText(`“${name}” is toegevoegd aan Doelgroepen.`);
    }
    await expect.poll(() => names(groups)).toEqual(['Jongeren', 'Statushouders', 'Ouderen']);

    // Rename.
    await groups.getByRole('button', { name: 'Naam wijzigen van Ouderen' }).click();
    const rename = page.getByRole('dialog', { name: 'Naam van “Ouderen” wijzigen' });
    await rename.getByLabel('Naam').fill('Ouderen 55+');
    await rename.getByRole('button', { name: 'Opslaan' }).click();
    await expect(groups.getByRole('status')).toHaveText('Opgeslagen als “Ouderen 55+”.');
    await expect.poll(() => names(groups)).toEqual(['Jongeren', 'Statushouders', 'Ouderen 55+']);

    // Reorder from the keyboard: focus stays on the arrow, or moves to the other one at the top.
    await groups.getByRole('button', { name: 'Ouderen 55+ omhoog verplaatsen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => names(groups)).toEqual(['Jongeren', 'Ouderen 55+', 'Statushouders']);
    await expect(groups.getByRole('button', { name: 'Ouderen 55+ omhoog verplaatsen' })).toBeFocused();
    await expect(groups.getByRole('status')).toHaveText('“Ouderen 55+” staat nu op plaats 2 van 3.');
    await page.keyboard.press('Enter');
    await expect.poll(() => names(groups)).toEqual(['Ouderen 55+', 'Jongeren', 'Statushouders']);
    await expect(groups.getByRole('button', { name: 'Ouderen 55+ omhoog verplaatsen' })).toBeDisabled();
    await expect(groups.getByRole('button', { name: 'Ouderen 55+ omlaag verplaatsen' })).toBeFocused();
    await groups.getByRole('button', { name: 'Jongeren omlaag verplaatsen' }).click();
    await expect.poll(() => names(groups)).toEqual(['Ouderen 55+', 'Statushouders', 'Jongeren']);

    // Stages: shipped names are translated; a new one carries a workload weight.
    const stages = page.getByRole('region', { name: 'Fases' });
    await stages.getByRole('button', { name: 'Kennismaking omlaag verplaatsen' }).click();
    await expect.poll(async () => (await names(stages)).slice(0, 2)).toEqual(['Situatie in beeld', 'Kennismaking']);
    const addStage = stages.getByRole('form', { name: 'Toevoegen aan Fases' });
    await addStage.getByLabel('Naam').fill('Nazorg');
    await addStage.getByLabel('Gewicht (werklast)').fill('');
    await addStage.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(addStage.getByLabel('Gewicht (werklast)')).toHaveAccessibleDescription(
      /Gewicht \(werklast\) is niet geldig\./,
    );
    await addStage.getByLabel('Gewicht (werklast)').fill('2.5');
    await addStage.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(stages.getByRole('row', { name: /Nazorg/ })).toContainText('2,5');

    // Retire: no longer offered for a new client; restore: offered again.
    const { targetGroups } = await catalog(app.koers);
    const retireStatushouders = groups.getByRole('button', { name: 'Statushouders buiten gebruik stellen' });
    await retireStatushouders.click();
    await expect(groups.getByRole('row', { name: /Statushouders/ })).toContainText('Niet meer in gebruik');
    await expect(groups.getByRole('status')).toHaveText(
      '“Statushouders” is buiten gebruik gesteld: het kan niet meer worden gekozen.',
    );
    const choices = async () => {
      await page.goto(`${app.url}#/`);
      await page.getByRole('button', { name: 'Nieuwe klant' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nieuwe klant' });
      const options = await dialog.getByLabel('Doelgroep').locator('option').allInnerTexts();
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      await page.goto(`${app.url}#/lists`);
      return options;
    };
    expect(await choices()).toEqual(['geen', 'Ouderen 55+', 'Jongeren']);
    await groups.getByRole('button', { name: 'Statushouders weer in gebruik nemen' }).click();
    await expect(groups.getByRole('row', { name: /Statushouders/ })).not.toContainText('Niet meer in gebruik');
    expect(await choices()).toEqual(['geen', 'Ouderen 55+', 'Statushouders', 'Jongeren']);

    // Remove: not offered for an item in use; refused by Koers if it came into use meanwhile.
    const jongeren = targetGroups.find((g) => g.name === 'Jongeren')!;
    const ouderen = targetGroups.find((g) => g.name === 'Ouderen 55+')!;
    await ok(app.koers.call('clients.create', { firstName: 'Daan', lastName: 'de Boer', targetGroupId: jongeren.id }));
    await expect(groups.getByRole('button', { name: 'Jongeren verwijderen' })).toBeDisabled();
    await groups.getByRole('button', { name: 'Ouderen 55+ verwijderen' }).click();
    const remove = page.getByRole('dialog', { name: '“Ouderen 55+” verwijderen' });
    await ok(app.koers.call('clients.create', { firstName: 'Riet', lastName: 'Smit', targetGroupId: ouderen.id }));
    await remove.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(remove.getByRole('alert')).toHaveText(
      'Dit wordt gebruikt door 1 gegeven en kan alleen buiten gebruik worden gesteld. Er is niets verwijderd.',
    );
    await remove.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => names(groups)).toEqual(['Ouderen 55+', 'Statushouders', 'Jongeren']);

    await groups.getByRole('button', { name: 'Statushouders verwijderen' }).click();
    await page
      .getByRole('dialog', { name: '“Statushouders” verwijderen' })
      .getByRole('button', { name: 'Verwijderen' })
      .click();
    await expect(groups.getByRole('status')).toHaveText('“Statushouders” is verwijderd.');
    await expect.poll(() => names(groups)).toEqual(['Ouderen 55+', 'Jongeren']);
    await groups.getByRole('button', { name: 'Jongeren buiten gebruik stellen' }).click();
    await expect(groups.getByRole('row', { name: /Jongeren/ })).toContainText('Niet meer in gebruik');
    await page.screenshot({ path: resolve(screenshots, 'manage-lists.png'), fullPage: true });
  });
});

test.describe('Danish', () => {
  test('the key-person screens speak of sagsbehandlere, målgrupper and faser', async ({ app }) => {
    await ok(
      app.koers.call('setup.complete', { language: 'da', name: 'Mette Jensen', role: 'key_person', demo: false }),
    );
    await app.page.reload();
    const page = app.page;
    await page.goto(`${app.url}#/caseworkers`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sagsbehandlere' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Sagsbehandlere' }).getByRole('row', { name: /Mette Jensen/ }),
    ).toContainText('Nøgleperson');
    await page.goto(`${app.url}#/lists`);
    await expect(page.getByRole('region', { name: 'Målgrupper' })).toContainText('Intet tilføjet endnu.');
    const stages = page.getByRole('region', { name: 'Faser' });
    await expect(stages.getByRole('row', { name: /Første møde/ })).toContainText('1,5');
    await expect(stages.getByRole('row', { name: /Plan/ }).first()).toContainText('1,25');
    await expect(stages.getByRole('button', { name: 'Flyt Første møde ned' })).toBeEnabled();
    await page.screenshot({ path: resolve(screenshots, 'manage-lists-da.png'), fullPage: true });
  });
});

test.describe('households', () => {
  test('create a household with two members, open it, see the members, rename it', async ({ app }) => {
    await setUp(app.koers);
    const fatima = await ok(app.koers.call('clients.create', { firstName: 'Fatima', lastName: 'El Amrani' }));
    const youssef = await ok(app.koers.call('clients.create', { firstName: 'Youssef', lastName: 'El Amrani' }));
    await ok(app.koers.call('clients.create', { firstName: 'Jan', lastName: 'Jansen', reference: '1001' }));
    await app.page.reload();
    await app.page.goto(`${app.url}#/households`);
    const page = app.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Huishoudens' })).toBeVisible();
    await expect(page.getByText('Nog geen huishoudens.')).toBeVisible();

    const form = page.getByRole('form', { name: 'Nieuw huishouden' });
    await form.getByLabel('Naam').fill('Gezin El Amrani');
    await form.getByLabel('Klanten zoeken').fill('amrani');
    await expect(form.getByText('2 actieve klanten gevonden.')).toBeVisible();
    await form.getByRole('checkbox', { name: /Youssef El Amrani/ }).check();
    await form.getByRole('checkbox', { name: /Fatima El Amrani/ }).check();
    await expect(form.getByRole('group', { name: /Leden/ })).toHaveAccessibleName('Leden (2 gekozen)');
    // A new search keeps what was chosen in view.
    await form.getByLabel('Klanten zoeken').fill('1001');
    await expect(form.getByText('1 actieve klant gevonden.')).toBeVisible();
    await expect(form.getByRole('checkbox')).toHaveCount(3);
    await expect(form.getByRole('checkbox', { name: /Fatima El Amrani/ })).toBeChecked();
    await expect(form.getByRole('checkbox', { name: /Jan Jansen/ })).not.toBeChecked();
    await page.screenshot({ path: resolve(screenshots, 'households-new.png'), fullPage: true });
    await form.getByRole('button', { name: 'Huishouden aanmaken' }).click();
    await expect(page.getByRole('status')).toHaveText('Huishouden “Gezin El Amrani” aangemaakt met 2 leden.');
    await expect(form.getByLabel('Naam')).toHaveValue('');
    await expect(form.getByRole('checkbox')).toHaveCount(0);

    const row = page.getByRole('table', { name: 'Huishoudens' }).getByRole('row', { name: /Gezin El Amrani/ });
    await expect(row).toContainText('Anne de Vries');
    await expect(row).toContainText('2 leden');
    await page.screenshot({ path: resolve(screenshots, 'households.png'), fullPage: true });

    // A closed member is still a member, and says so in words.
    const { reasons } = await catalog(app.koers);
    const { today } = await ok(app.koers.call('app.info', {}));
    await ok(app.koers.call('clients.close', { id: youssef.id, date: today, reasonId: reasons[0]!.id }));

    await row.getByRole('link', { name: 'Gezin El Amrani' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezin El Amrani');
    const members = page.getByRole('region', { name: 'Leden' });
    await expect(members.getByRole('row', { name: /Fatima El Amrani/ })).toContainText('Actief');
    await expect(members.getByRole('row', { name: /Youssef El Amrani/ })).toContainText('Afgesloten');
    await expect(members.getByRole('link', { name: 'Fatima El Amrani' })).toHaveAttribute(
      'href',
      `#/clients/${fatima.id}`,
    );
    await expect(members.getByRole('row', { name: /Fatima El Amrani/ })).toContainText(fatima.pseudonym);

    await page.getByRole('button', { name: 'Naam wijzigen' }).click();
    const rename = page.getByRole('dialog', { name: 'Naam van het huishouden wijzigen' });
    await rename.getByLabel('Naam').fill('');
    await rename.getByRole('button', { name: 'Opslaan' }).click();
    await expect(rename.getByLabel('Naam')).toHaveAccessibleDescription('Naam is verplicht.');
    await rename.getByLabel('Naam').fill('Familie El Amrani');
    await rename.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Familie El Amrani');
    await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
    await page.screenshot({ path: resolve(screenshots, 'household.png'), fullPage: true });

    await members.getByRole('link', { name: 'Fatima El Amrani' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fatima El Amrani');
  });
});
