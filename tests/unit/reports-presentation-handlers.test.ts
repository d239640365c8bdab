import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDesktop, fakeDesktop, PROJECTOR } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('report handlers', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  beforeEach(async () => {
    desktop = fakeDesktop(async (route) => new TextEncoder().encode(`%PDF-1.7 ${route}`));
    koers = await openTestKoers({ desktop, now: () => new Date('2026-11-23T09:30:00Z') });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('saves the chart PNG where the user chose, suggesting a name with the pseudonym, or the name only when asked', async () => {
    const client = await createClient(koers, { firstName: 'Fatima', lastName: 'El Amrani' });
    desktop.saveAs = join(koers.folder, 'chart.png');
    expect(await ok(koers.call('reports.chartPng', { clientId: client.id, pseudonymised: true, png: PNG }))).toEqual({
      path: desktop.saveAs,
    });
    expect(readFileSync(desktop.saveAs).equals(Buffer.from(PNG, 'base64'))).toBe(true);
    expect(desktop.dialogs[0]).toEqual({
      defaultName: `Voortgang ${client.pseudonym} 2026-11-23.png`,
      filters: [{ name: 'PNG-afbeelding', extensions: ['png'] }],
    });

    await ok(koers.call('reports.chartPng', { clientId: client.id, pseudonymised: false, png: PNG }));
    expect(desktop.dialogs[1]?.defaultName).toBe('Voortgang Fatima El Amrani 2026-11-23.png');

    // A name with path characters or a right-to-left override cannot steer or disguise the file.
    const other = await createClient(koers, { firstName: '../..', lastName: 'x\u202Egnp.exe' });
    await ok(koers.call('reports.progressPdf', { clientId: other.id, pseudonymised: false }));
    expect(desktop.dialogs[2]?.defaultName).toBe('Voortgangsrapport ..-.. xgnp.exe 2026-11-23.pdf');
  });

  it('refuses data that is not a PNG and leaves an existing file alone', async () => {
    const client = await createClient(koers);
    desktop.saveAs = join(koers.folder, 'chart.png');
    writeFileSync(desktop.saveAs, 'before');
    const notPng = Buffer.from('<svg onload="alert(1)"/>').toString('base64');
    expect(
      await koers.call('reports.chartPng', { clientId: client.id, pseudonymised: true, png: notPng }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field: 'png', rule: 'invalid' }] } },
    });
    expect(
      await koers.call('reports.chartPng', { clientId: client.id, pseudonymised: true, png: 'not base64!' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(readFileSync(desktop.saveAs, 'utf8')).toBe('before');
    expect(await koers.call('reports.chartPng', { clientId: 'missing', pseudonymised: true, png: PNG })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('prints the report route to PDF, pseudonymised or not; a cancelled dialog prints and writes nothing', async () => {
    const client = await createClient(koers);
    expect(await ok(koers.call('reports.progressPdf', { clientId: client.id, pseudonymised: true }))).toEqual({
      path: null,
    });
    expect(desktop.pdfRoutes).toEqual([]);

    desktop.saveAs = join(koers.folder, 'report.pdf');
    await ok(koers.call('reports.progressPdf', { clientId: client.id, pseudonymised: true }));
    expect(readFileSync(desktop.saveAs, 'utf8')).toBe(`%PDF-1.7 report/${client.id}/pseudonymised`);
    await ok(koers.call('reports.progressPdf', { clientId: client.id, pseudonymised: false }));
    expect(desktop.pdfRoutes).toEqual([`report/${client.id}/pseudonymised`, `report/${client.id}`]);
  });

  it('a failed print leaves no file behind', async () => {
    const failing = fakeDesktop(async () => {
      throw new Error('renderer crashed');
    });
    const other = await openTestKoers({ desktop: failing });
    try {
      await setUp(other);
      const client = await createClient(other);
      failing.saveAs = join(other.folder, 'report.pdf');
      expect(await other.call('reports.progressPdf', { clientId: client.id, pseudonymised: true })).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
      expect(existsSync(failing.saveAs)).toBe(false);
    } finally {
      await other.cleanup();
    }
  });
});

describe('presentation on another display', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  beforeEach(async () => {
    desktop = fakeDesktop();
    desktop.screens = [desktop.screens[0]!, PROJECTOR];
    koers = await openTestKoers({ desktop });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  const changes = () =>
    koers.events
      .filter((e) => e.event === 'presentation.changed')
      .map((e) => (e.payload as { state: { index: number } | null }).state?.index ?? null);

  it('opens on the chosen display, steps from either window and stops', async () => {
    const a = await createClient(koers);
    const b = await createClient(koers, { firstName: 'Jens' });
    const c = await createClient(koers, { firstName: 'Mette' });
    expect(await ok(koers.call('presentation.displays', {}))).toHaveLength(2);
    expect(await ok(koers.call('presentation.current', {}))).toBeNull();

    const state = await ok(
      koers.call('presentation.start', { clientIds: [a.id, b.id, c.id], showNames: false, displayId: PROJECTOR.id }),
    );
    expect(state).toEqual({ clientIds: [a.id, b.id, c.id], showNames: false, index: 0, displayId: PROJECTOR.id });
    expect(desktop.presenting).toBe(PROJECTOR.id);
    expect((await ok(koers.call('presentation.step', { move: 'next' }))).index).toBe(1);
    expect((await ok(koers.call('presentation.step', { move: 'last' }))).index).toBe(2);
    expect((await ok(koers.call('presentation.step', { move: 'next' }))).index).toBe(2);
    expect(await ok(koers.call('presentation.current', {}))).toMatchObject({ index: 2 });

    await ok(koers.call('presentation.stop', {}));
    expect(desktop.presenting).toBeNull();
    expect(await ok(koers.call('presentation.current', {}))).toBeNull();
    expect(changes()).toEqual([0, 1, 2, 2, null]);
    expect(await koers.call('presentation.step', { move: 'next' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('hears when the room closes the window, and refuses an unknown display or client', async () => {
    const a = await createClient(koers);
    await ok(koers.call('presentation.start', { clientIds: [a.id], showNames: true, displayId: PROJECTOR.id }));
    desktop.closeFromRoom();
    expect(await ok(koers.call('presentation.current', {}))).toBeNull();
    expect(changes()).toEqual([0, null]);

    expect(
      await koers.call('presentation.start', { clientIds: [a.id], showNames: false, displayId: 99 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field: 'displayId', rule: 'unavailable' }] } },
    });
    expect(
      await koers.call('presentation.start', { clientIds: ['nope'], showNames: false, displayId: PROJECTOR.id }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await koers.call('presentation.start', { clientIds: [], showNames: false, displayId: PROJECTOR.id }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(desktop.presenting).toBeNull();
  });
});
