import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ftsQuery, snippet } from '../../db/search/notes';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';

const NOW = new Date('2026-11-23T09:30:00Z');

describe('case notes', () => {
  let koers: TestKoers;
  let me: string;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => NOW });
    me = await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  const note = (clientId: string, body: string, extra: object = {}) =>
    ok(koers.call('notes.create', { clientId, kind: 'conversation', notedAt: '2026-11-20T10:15', body, ...extra }));
  const search = async (text: string, extra: object = {}) =>
    (await ok(koers.call('notes.search', { text, ...extra }))).map((h) => h.id);

  it('writes a note with author and kind, and refuses bad input', async () => {
    const client = await createClient(koers);
    const written = await note(client.id, 'Eerste gesprek over de werkstage.', { kind: 'agreement', pinned: true });
    expect(written).toMatchObject({
      clientId: client.id,
      householdId: null,
      kind: 'agreement',
      notedAt: '2026-11-20T10:15',
      authorId: me,
      pinned: true,
      edited: false,
    });
    expect(
      await koers.call('notes.create', {
        clientId: client.id,
        kind: 'conversation',
        notedAt: '2026-11-20T10:15',
        body: '   ',
      }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'body', rule: 'required' }] } } });
    expect(
      await koers.call('notes.create', {
        clientId: client.id,
        kind: 'conversation',
        notedAt: '2026-02-30T10:15',
        body: 'x',
      }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'notedAt', rule: 'date' }] } } });
    expect(
      await koers.call('notes.create', { kind: 'conversation', notedAt: '2026-11-20T10:15', body: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(
      await koers.call('notes.create', {
        clientId: 'nobody',
        kind: 'conversation',
        notedAt: '2026-11-20T10:15',
        body: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('finds notes regardless of case and diacritics, by prefix, ranked, with highlighted snippets', async () => {
    const client = await createClient(koers);
    const cafe = await note(client.id, 'Afspraak: één keer per week naar het Café in de wijk. Søren helpt mee.');
    const other = await note(client.id, 'Gesprek over een cursus; cafe genoemd.');
    expect(await search('cafe')).toEqual(expect.arrayContaining([cafe.id, other.id]));
    expect(await search('CAFÉ')).toHaveLength(2);
    expect(await search('een keer')).toEqual([cafe.id]);
    expect(await search('soren')).toEqual([cafe.id]);
    expect(await search('afspr')).toEqual([cafe.id]);
    expect(await search('"; DROP TABLE note; --')).toEqual([]);
    expect(await search('NEAR( OR *')).toEqual([]);
    const [hit] = await ok(koers.call('notes.search', { text: 'soren' }));
    expect(hit?.snippet).toContain('\u0002Søren\u0003');
    expect(hit?.snippet).toContain('het Café in de wijk.');
    expect(hit?.ownerName).toBe('Fatima El Amrani');
  });

  it('keeps the index right after edits and deletes, and keeps earlier versions', async () => {
    const client = await createClient(koers);
    const written = await note(client.id, 'Gesprek over de huisvesting.');
    await ok(
      koers.call('notes.update', {
        id: written.id,
        kind: 'reflection',
        notedAt: '2026-11-20T10:15',
        body: 'Gesprek over schulden.',
        pinned: false,
      }),
    );
    expect(await search('huisvesting')).toEqual([]);
    expect(await search('schulden')).toEqual([written.id]);
    await ok(
      koers.call('notes.update', {
        id: written.id,
        kind: 'reflection',
        notedAt: '2026-11-20T10:15',
        body: 'Gesprek over werk.',
        pinned: true,
      }),
    );

    const full = await ok(koers.call('notes.get', { id: written.id }));
    expect(full).toMatchObject({ body: 'Gesprek over werk.', edited: true, pinned: true });
    expect(full.versions.map((v) => [v.body, v.kind, v.writtenBy])).toEqual([
      ['Gesprek over schulden.', 'reflection', me],
      ['Gesprek over de huisvesting.', 'conversation', me],
    ]);

    await ok(koers.call('notes.remove', { id: written.id }));
    expect(await search('werk')).toEqual([]);
    expect(await koers.call('notes.get', { id: written.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // The index holds exactly the live notes.
    const indexed = koers.connection.sqlite
      .prepare("SELECT count(*) AS n FROM note_fts WHERE note_fts MATCH 'gesprek'")
      .get() as { n: number };
    expect(indexed.n).toBe(0);
  });

  it('filters by client, kind and period', async () => {
    const a = await createClient(koers);
    const b = await createClient(koers, { firstName: 'Jan', lastName: 'Jansen' });
    const one = await note(a.id, 'Werkstage besproken.', { kind: 'conversation', notedAt: '2026-10-01T09:00' });
    const two = await note(b.id, 'Werkstage gestart!', { kind: 'milestone', notedAt: '2026-11-15T09:00' });
    expect(await search('werkstage', { clientId: b.id })).toEqual([two.id]);
    expect(await search('werkstage', { kind: 'conversation' })).toEqual([one.id]);
    expect(await search('werkstage', { from: '2026-11-01', to: '2026-11-30' })).toEqual([two.id]);
    expect(await search('werkstage', { to: '2026-10-01' })).toEqual([one.id]);
  });

  it('shows a household note on every member’s timeline, and finds it when searching within a member', async () => {
    const a = await createClient(koers, { firstName: 'Samira', lastName: 'Bakkali' });
    const b = await createClient(koers, { firstName: 'Youssef', lastName: 'Bakkali' });
    const household = await ok(koers.call('households.create', { name: 'Familie Bakkali', memberIds: [a.id, b.id] }));
    const shared = await ok(
      koers.call('notes.create', {
        householdId: household.id,
        kind: 'home_visit',
        notedAt: '2026-11-21T14:00',
        body: 'Huisbezoek: het gezin zoekt een grotere woning.',
      }),
    );
    for (const member of [a, b]) {
      const timeline = await ok(koers.call('clients.timeline', { id: member.id }));
      expect(timeline.find((e) => e.kind === 'note')).toMatchObject({
        date: '2026-11-21',
        note: { id: shared.id, householdId: household.id },
      });
    }
    expect(await search('woning', { clientId: a.id })).toEqual([shared.id]);
    expect((await ok(koers.call('notes.forHousehold', { id: household.id }))).map((n) => n.id)).toEqual([shared.id]);
  });

  it('turns an agreement into linked follow-up to-dos', async () => {
    const client = await createClient(koers);
    const agreement = await note(client.id, 'Afgesproken: cv sturen en bellen met de werkgever.', {
      kind: 'agreement',
    });
    const todo = await ok(
      koers.call('actions.create', {
        clientId: client.id,
        title: 'Cv sturen',
        kind: 'follow_up',
        dueDate: '2026-11-27',
        noteId: agreement.id,
      }),
    );
    expect(todo.noteId).toBe(agreement.id);
    expect(
      await koers.call('actions.create', {
        clientId: client.id,
        title: 'X',
        kind: 'task',
        dueDate: '2026-11-27',
        noteId: 'nope',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps a draft until the note is saved', async () => {
    const client = await createClient(koers);
    const key = `client:${client.id}`;
    expect(await ok(koers.call('drafts.get', { key }))).toBeNull();
    await ok(koers.call('drafts.save', { key, kind: 'phone_call', notedAt: '2026-11-23T09:00', body: 'Half getypt' }));
    await ok(
      koers.call('drafts.save', {
        key,
        kind: 'phone_call',
        notedAt: '2026-11-23T09:00',
        body: 'Half getypt, nu verder',
      }),
    );
    expect(await ok(koers.call('drafts.get', { key }))).toMatchObject({
      body: 'Half getypt, nu verder',
      kind: 'phone_call',
    });
    expect(
      await koers.call('drafts.save', { key: 'x; DROP', kind: 'phone_call', notedAt: '', body: '' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    await note(client.id, 'Half getypt, nu verder en klaar.');
    expect(await ok(koers.call('drafts.get', { key }))).toBeNull();
  });
});

describe('FTS query from typed text', () => {
  it.each([
    ['Café', '"cafe"*'],
    ['gesprek over', '"gesprek" "over"*'],
    ['"; DROP TABLE', '"drop" "table"*'],
    ['  ', null],
    ['één-keer', '"een" "keer"*'],
    ['Søren Ærø', '"soren" "aero"*'],
  ])('%j → %j', (text, query) => {
    expect(ftsQuery(text)).toBe(query);
  });
});

describe('snippets', () => {
  it('marks whole earlier words and the prefix being typed, in the original spelling', () => {
    expect(snippet('Gesprek met Søren over de købmand in Århus.', 'soren kob')).toBe(
      'Gesprek met \u0002Søren\u0003 over de \u0002købmand\u0003 in Århus.',
    );
    expect(snippet('Werk en werkstage.', 'werk st')).toBe('\u0002Werk\u0003 en werkstage.');
  });

  it('cuts long notes around the first match', () => {
    const long = `${'woord '.repeat(40)}afspraak ${'einde '.repeat(40)}`;
    const cut = snippet(long, 'afspraak');
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toContain('\u0002afspraak\u0003');
  });
});
