import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { foldForSearch, foldName } from '../../common/fold';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, createClient, ok, setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

/**
 * Erasure (GDPR art. 17) on the bytes: after it, none of the client's words may be
 * found in the database file, its write-ahead log or its shared-memory file, neither
 * as typed nor as the full-text index keeps them (lower case, diacritics folded).
 */

const now = () => new Date('2026-11-23T09:30:00Z');

/** The forms a word can take on disk: as typed, lower case, and folded like the note index and the name search. */
function forms(word: string): string[] {
  return [...new Set([word, word.toLowerCase(), foldForSearch(word), foldName(word)])];
}

/** Which forms of these words are in the database file, its -wal or its -shm. */
function onDisk(databasePath: string, words: readonly string[]): string[] {
  const files = ['', '-wal', '-shm']
    .map((suffix) => `${databasePath}${suffix}`)
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file));
  return words.flatMap(forms).filter((form) => files.some((bytes) => bytes.includes(Buffer.from(form, 'utf8'))));
}

describe('erasure on disk', () => {
  let temp: ReturnType<typeof tempFolder>;
  let koers: TestKoers;
  /** False once a test closed Koers itself. */
  let open: boolean;
  beforeEach(async () => {
    temp = tempFolder();
    koers = await openTestKoers({ folder: temp.path, now });
    open = true;
    await setUp(koers);
  });
  afterEach(async () => {
    if (open) await koers.close();
    temp.cleanup();
  });

  /** A client kept beside the erased one, with notes of its own, so the index holds other words too. */
  async function neighbour() {
    const client = await createClient(koers, { firstName: 'Bart', lastName: 'Jansen' });
    for (const body of [
      'Gesprek over werk en gezondheid',
      'Afspraak over sollicitaties gemaakt',
      'Huisbezoek, alles in orde',
    ])
      await ok(
        koers.call('notes.create', { clientId: client.id, kind: 'conversation', notedAt: '2026-11-19T09:00', body }),
      );
    return client;
  }

  /**
   * A client whose words are unusual enough to be found in the bytes: a note edited
   * (its first text kept as a version), a note removed, a draft discarded, a to-do.
   */
  async function canary() {
    const client = await createClient(koers, {
      firstName: 'Søren',
      lastName: 'Østergaard',
      reference: 'REF-Qwyndrel',
      email: 'quorvantil@example.dk',
    });
    const note = await ok(
      koers.call('notes.create', {
        clientId: client.id,
        kind: 'conversation',
        notedAt: '2026-11-20T10:15',
        body: 'Søren Østergaard over Kjærsgaardvej en Brønderslev',
      }),
    );
    await ok(
      koers.call('notes.update', {
        id: note.id,
        kind: 'conversation',
        notedAt: '2026-11-20T10:15',
        body: 'Afspraak Hvidbjergstrand bevestigd',
      }),
    );
    const removed = await ok(
      koers.call('notes.create', {
        clientId: client.id,
        kind: 'home_visit',
        notedAt: '2026-11-21T14:00',
        body: 'Zwijndrechtseweg Quirijnstok',
      }),
    );
    await ok(koers.call('notes.remove', { id: removed.id }));
    await ok(
      koers.call('drafts.save', {
        key: `client:${client.id}`,
        kind: 'reflection',
        notedAt: '2026-11-22T08:00',
        body: 'Ærøskøbingvisite Plimsoldrecht',
      }),
    );
    await ok(koers.call('drafts.discard', { key: `client:${client.id}` }));
    await ok(
      koers.call('actions.create', {
        clientId: client.id,
        kind: 'task',
        title: 'Bellen Vindeløkke',
        dueDate: '2026-12-01',
      }),
    );
    // A caseload search folds the names into the search table (migration 0013).
    expect(await ok(koers.call('clients.list', { status: 'all', search: 'ostergaard' }))).toHaveLength(1);
    return client;
  }
  const CANARY_WORDS = [
    'Søren',
    'Østergaard',
    'REF-Qwyndrel',
    'quorvantil',
    'Kjærsgaardvej',
    'Brønderslev',
    'Hvidbjergstrand',
    'Zwijndrechtseweg',
    'Quirijnstok',
    'Ærøskøbingvisite',
    'Plimsoldrecht',
    'Vindeløkke',
  ];

  it('erasure leaves none of the client’s words in the file, the WAL or the -shm: not as typed, not folded in the index, not from an edit, a removed note or a discarded draft', async () => {
    await neighbour();
    const client = await canary();
    await koers.context.audit.flush();
    // The index really holds the folded words (so the check below can fail).
    koers.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(onDisk(koers.databasePath, ['Kjærsgaardvej'])).toContain('kjaersgaardvej');
    expect(onDisk(koers.databasePath, ['REF-Qwyndrel'])).toContain('ref-qwyndrel');

    await ok(koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }));
    expect(onDisk(koers.databasePath, CANARY_WORDS)).toEqual([]);
    // The neighbour's notes are still found.
    expect(await ok(koers.call('notes.search', { text: 'sollicitaties' }))).toHaveLength(1);
    expect(koers.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('the retention purge leaves none of the words on disk either', async () => {
    await neighbour();
    const client = await canary();
    const { reasons } = await catalog(koers);
    await ok(
      koers.call('clients.update', {
        id: client.id,
        firstName: 'Søren',
        lastName: 'Østergaard',
        reference: 'REF-Qwyndrel',
        email: 'quorvantil@example.dk',
        startDate: '2012-01-02',
      }),
    );
    await ok(koers.call('clients.close', { id: client.id, date: '2014-06-30', reasonId: reasons[0]!.id }));
    expect(await ok(koers.call('privacy.purge', { clientIds: [client.id] }))).toEqual({ erased: 1 });
    expect(onDisk(koers.databasePath, CANARY_WORDS)).toEqual([]);
  });

  describe('while another program reads the database', () => {
    let reader: BetterSqlite3.Database;
    beforeEach(() => {
      reader = new BetterSqlite3(koers.databasePath);
    });
    afterEach(() => reader.close());

    /** A read transaction held open, as the command line does during a long export. */
    function holdRead() {
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM client').get();
      return () => reader.prepare('COMMIT').run();
    }

    it('says the erasure is not finished on disk (not ok) and finishes it at the next erasure', async () => {
      await neighbour();
      const client = await canary();
      const release = holdRead();
      koers.events.length = 0;
      expect(await koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym })).toMatchObject(
        { ok: false, error: { code: 'conflict', details: { reason: 'erase_pending' } } },
      );
      // Erased from the database, but a copy is still in the log: the message is true, and every view reloads.
      expect(koers.events.filter((e) => e.event === 'data.changed').map((e) => e.payload)).toEqual(
        contract['privacy.eraseClient'].changes.map((scope) => ({ scope })),
      );
      expect(await koers.call('clients.get', { id: client.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(onDisk(koers.databasePath, CANARY_WORDS)).not.toEqual([]);
      release();

      const next = await createClient(koers, { firstName: 'Tweede' });
      await ok(koers.call('privacy.eraseClient', { clientId: next.id, confirm: next.pseudonym }));
      expect(onDisk(koers.databasePath, CANARY_WORDS)).toEqual([]);
    });

    it('finishes an unfinished erasure when Koers closes, though the other program keeps the database open', async () => {
      const client = await canary();
      const release = holdRead();
      expect(await koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym })).toMatchObject(
        { ok: false, error: { details: { reason: 'erase_pending' } } },
      );
      release();
      await koers.close();
      open = false;
      expect(onDisk(koers.databasePath, CANARY_WORDS)).toEqual([]);
    });

    it('a purge blocked the same way is not reported as done either', async () => {
      const client = await canary();
      const { reasons } = await catalog(koers);
      await ok(
        koers.call('clients.update', {
          id: client.id,
          firstName: 'Søren',
          lastName: 'Østergaard',
          startDate: '2012-01-02',
        }),
      );
      await ok(koers.call('clients.close', { id: client.id, date: '2014-06-30', reasonId: reasons[0]!.id }));
      const release = holdRead();
      expect(await koers.call('privacy.purge', { clientIds: [client.id] })).toMatchObject({
        ok: false,
        error: { details: { reason: 'erase_pending' } },
      });
      release();
    });
  });
});

describe('household notes and privacy rights', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  beforeEach(async () => {
    desktop = fakeDesktop();
    koers = await openTestKoers({ desktop, now });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  /** A household with a note that was edited once (so it has a version). */
  async function household(name: string, memberIds: string[], body: string) {
    const home = await ok(koers.call('households.create', { name, memberIds }));
    const note = await ok(
      koers.call('notes.create', {
        householdId: home.id,
        kind: 'home_visit',
        notedAt: '2026-11-18T11:00',
        body: `${body} (eerste versie)`,
      }),
    );
    await ok(koers.call('notes.update', { id: note.id, kind: 'home_visit', notedAt: '2026-11-18T11:00', body }));
    return { home, note };
  }

  it('the access export holds the notes of the client’s household, with their earlier versions, and the household', async () => {
    const client = await createClient(koers, { firstName: 'Fenna' });
    const other = await createClient(koers, { firstName: 'Ruben' });
    const { home, note } = await household(
      'Familie Dijkstra',
      [client.id, other.id],
      'Huisbezoek bij de familie Dijkstra',
    );
    desktop.saveAs = join(koers.folder, 'fenna.json');
    await ok(koers.call('privacy.exportClient', { clientId: client.id }));
    const file = JSON.parse(readFileSync(desktop.saveAs, 'utf8')) as {
      records: Record<string, Array<{ id?: string; body?: string; name?: string; note_id?: string }>>;
    };
    expect(file.records.household?.map((h) => h.name)).toEqual(['Familie Dijkstra']);
    expect(file.records.householdNotes?.map((n) => [n.id, n.body])).toEqual([
      [note.id, 'Huisbezoek bij de familie Dijkstra'],
    ]);
    expect(file.records.householdNoteVersions?.map((v) => [v.note_id, v.body])).toEqual([
      [note.id, 'Huisbezoek bij de familie Dijkstra (eerste versie)'],
    ]);
    expect(home.members).toHaveLength(2);
  });

  it('when other members remain, the household and its notes stay (they are about them too), and the dialog is told so first', async () => {
    const client = await createClient(koers, { firstName: 'Fenna' });
    const other = await createClient(koers, { firstName: 'Ruben' });
    const { home, note } = await household(
      'Familie Dijkstra',
      [client.id, other.id],
      'Huisbezoek Dijkstra, afspraken over Zwaagdijkschool',
    );
    expect(await ok(koers.call('privacy.erasurePlan', { clientId: client.id }))).toEqual({
      household: { name: 'Familie Dijkstra', otherMembers: 1, notes: 1, erased: false },
    });
    await ok(koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }));
    expect((await ok(koers.call('households.get', { id: home.id }))).members.map((m) => m.id)).toEqual([other.id]);
    expect((await ok(koers.call('notes.forHousehold', { id: home.id }))).map((n) => n.id)).toEqual([note.id]);
    expect(await ok(koers.call('notes.search', { text: 'zwaagdijkschool' }))).toHaveLength(1);
  });

  it('when the client is the only member, the household, its name and its notes go with them, and nothing of them stays on disk', async () => {
    const client = await createClient(koers, { firstName: 'Fenna' });
    const former = await createClient(koers, { firstName: 'Ruben' });
    const { home, note } = await household(
      'Familie Vindeløkke',
      [client.id, former.id],
      'Huisbezoek Brøndumgaard, afspraak met Quelvarind',
    );
    await ok(
      koers.call('drafts.save', {
        key: `household:${home.id}`,
        kind: 'reflection',
        notedAt: '2026-11-22T08:00',
        body: 'Onafgemaakt over Trexholmvej',
      }),
    );
    // A to-do of a former member follows from the household note; then he moves out.
    const action = await ok(
      koers.call('actions.create', {
        clientId: former.id,
        kind: 'task',
        title: 'Nabellen',
        dueDate: '2026-12-01',
        noteId: note.id,
      }),
    );
    await ok(
      koers.call('clients.update', { id: former.id, firstName: 'Ruben', lastName: 'El Amrani', householdId: null }),
    );
    expect(await ok(koers.call('privacy.erasurePlan', { clientId: client.id }))).toEqual({
      household: { name: 'Familie Vindeløkke', otherMembers: 0, notes: 1, erased: true },
    });

    await ok(koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }));
    expect(await koers.call('households.get', { id: home.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await ok(koers.call('drafts.get', { key: `household:${home.id}` }))).toBeNull();
    // The former member's to-do stays, without its link to the erased note.
    expect((await ok(koers.call('actions.list', { clientId: former.id }))).map((a) => [a.id, a.noteId])).toEqual([
      [action.id, null],
    ]);
    expect(
      onDisk(koers.databasePath, ['Vindeløkke', 'Brøndumgaard', 'Quelvarind', 'Trexholmvej', 'eerste versie']),
    ).toEqual([]);
  });

  it('a client without a household: the plan says so', async () => {
    const client = await createClient(koers, { firstName: 'Fenna' });
    expect(await ok(koers.call('privacy.erasurePlan', { clientId: client.id }))).toEqual({ household: null });
  });

  it('purging every member of a household together erases the household too', async () => {
    const { reasons } = await catalog(koers);
    const members = [
      await createClient(koers, { firstName: 'Oud', startDate: '2012-01-02' }),
      await createClient(koers, { firstName: 'Ouder', startDate: '2012-01-02' }),
    ];
    const { home } = await household(
      'Familie Oudenhoven',
      members.map((m) => m.id),
      'Huisbezoek Oudenhoven',
    );
    for (const m of members)
      await ok(koers.call('clients.close', { id: m.id, date: '2014-06-30', reasonId: reasons[0]!.id }));
    expect(await ok(koers.call('privacy.purge', { clientIds: members.map((m) => m.id) }))).toEqual({ erased: 2 });
    expect(await koers.call('households.get', { id: home.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(onDisk(koers.databasePath, ['Oudenhoven'])).toEqual([]);
  });
});
