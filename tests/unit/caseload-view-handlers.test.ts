import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CaseloadView } from '../../common/contract/caseload-view';
import { fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers } from '../helpers/koers';
import { catalog, ok, setUp } from '../helpers/seed';

const NOW = () => new Date('2026-11-23T09:30:00Z');

const VIEW: CaseloadView = {
  scope: 'all',
  status: 'all',
  targetGroupId: null,
  stageId: null,
  overdueOnly: true,
  dueOnly: false,
  sort: [
    { column: 'stage', direction: 'ascending' },
    { column: 'name', direction: 'descending' },
  ],
  hidden: ['weight', 'reference'],
};

describe('the caseload as left, in the settings', () => {
  it('is kept across a restart; a damaged value reads as none; bad input is refused', async () => {
    let koers = await openTestKoers({ now: NOW });
    try {
      await setUp(koers);
      expect(await ok(koers.call('settings.caseloadView', {}))).toBeNull();
      await ok(koers.call('settings.setCaseloadView', VIEW));
      koers = await koers.restart();
      expect(await ok(koers.call('settings.caseloadView', {}))).toEqual(VIEW);

      const refused = await koers.call('settings.setCaseloadView', { ...VIEW, sort: [], hidden: ['nope'] });
      expect(refused.ok).toBe(false);
      const tooMany = await koers.call('settings.setCaseloadView', {
        ...VIEW,
        sort: [VIEW.sort[0], VIEW.sort[1], VIEW.sort[0]],
      });
      expect(tooMany.ok).toBe(false);
      expect(await ok(koers.call('settings.caseloadView', {}))).toEqual(VIEW);

      // A hand-edited settings file: Koers starts with the default view instead of failing.
      (koers.settings as unknown as { set(key: string, value: unknown): void }).set('caseloadView', { sort: 'name' });
      expect(await ok(koers.call('settings.caseloadView', {}))).toBeNull();
    } finally {
      await koers.cleanup();
    }
  });
});

describe('printing and exporting the caseload as shown', () => {
  it('asks the desktop to print the page, and the audit log records it', async () => {
    const desktop = fakeDesktop();
    const koers = await openTestKoers({ desktop, now: NOW });
    try {
      await setUp(koers);
      expect(await ok(koers.call('app.print', {}))).toEqual({ printed: true });
      expect(desktop.printed).toBe(1);
      // Written a moment after the call.
      await vi.waitFor(async () => expect(await ok(koers.call('audit.list', { action: 'app.print' }))).toHaveLength(1));
    } finally {
      await koers.cleanup();
    }
  });

  it('writes the rows in the order given, with exactly the columns given, in their order', async () => {
    const desktop = fakeDesktop();
    const koers = await openTestKoers({ desktop, now: NOW });
    try {
      await setUp(koers);
      const { stages } = await catalog(koers);
      const a = await ok(
        koers.call('clients.create', {
          firstName: 'Jan',
          lastName: 'van den Berg',
          reference: 'R-1',
          stageId: stages[0]!.id,
        }),
      );
      const b = await ok(
        koers.call('clients.create', {
          firstName: 'Piet',
          lastName: 'Bakker',
          reference: 'R-2',
          stageId: stages[1]!.id,
        }),
      );
      await ok(koers.call('actions.create', { clientId: b.id, kind: 'task', title: 'Bellen', dueDate: '2026-11-01' }));
      const c = await ok(koers.call('clients.create', { firstName: 'Ida', lastName: 'Claes' }));

      desktop.saveAs = join(koers.folder, 'view.xlsx');
      const out = await ok(
        koers.call('exports.caseloadView', {
          fileType: 'xlsx',
          columns: ['stage', 'name', 'overdue', 'due', 'weeks'],
          clientIds: [b.id, a.id, 'not-a-client'],
          pseudonyms: false,
        }),
      );
      expect(out).toEqual({ path: desktop.saveAs, rows: 2 });
      expect(desktop.dialogs.at(-1)?.defaultName).toBe('Caseload 2026-11-23.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(desktop.saveAs);
      const rows = book.worksheets[0]!.getSheetValues()
        .slice(1)
        .map((row) => (Array.isArray(row) ? row.slice(1) : []));
      expect(rows[0]).toEqual(['Fase', 'Naam', 'Te laat', 'Datum', 'Weken in fase']);
      expect(rows[1]?.slice(1, 4)).toEqual(['Bakker, Piet', 1, new Date(Date.UTC(2026, 10, 1))]);
      expect(rows[2]?.[1]).toBe('van den Berg, Jan');
      expect(rows).toHaveLength(3);
      expect(JSON.stringify(rows)).not.toContain('Claes');
      expect(JSON.stringify(rows)).not.toContain('R-1');

      // Pseudonyms on screen: pseudonyms in the file; CSV in the Dutch profile.
      desktop.saveAs = join(koers.folder, 'view.csv');
      await ok(
        koers.call('exports.caseloadView', {
          fileType: 'csv',
          columns: ['name', 'reference'],
          clientIds: [c.id],
          pseudonyms: true,
        }),
      );
      const csv = readFileSync(desktop.saveAs, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(csv).toEqual(['Naam;Klantnummer', `${c.pseudonym};`]);

      const bad = await koers.call('exports.caseloadView', {
        fileType: 'xlsx',
        columns: ['name', 'dateOfBirth'],
        clientIds: [a.id],
        pseudonyms: false,
      });
      expect(bad.ok).toBe(false);
    } finally {
      await koers.cleanup();
    }
  });
});
