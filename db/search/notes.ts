import { type Kysely, sql } from 'kysely';
import type { NoteHit } from '../../common/contract';
import type { Database, NoteKind } from '../schema';
import { foldForSearch } from '../../common/fold';

/**
 * Note search on SQLite FTS5: the one SQLite-only query of the notes domain,
 * kept here so a PostgreSQL server could swap in its own full-text search.
 */

/** Marks around the matched words in a snippet; the renderer turns them into <mark>. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return (text.normalize('NFC').match(WORD) ?? []).slice(0, 12);
}

/**
 * Turns what someone typed into an FTS5 query: every word must appear, the last
 * (still being typed) as a prefix. Words are folded like the index and quoted,
 * so FTS syntax in the input is inert.
 */
export function ftsQuery(text: string): string | null {
  const terms = words(text).map(foldForSearch);
  if (terms.length === 0) return null;
  return terms.map((w, i) => `"${w}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * A window of the note around the first match, matched words marked. Built here
 * from the original text (the index holds only folded words).
 */
export function snippet(body: string, query: string, size = 24): string {
  const terms = words(query).map(foldForSearch);
  const tokens = [...body.matchAll(WORD)];
  // Whole words for what was typed before, a prefix for the word being typed.
  const matches = (word: string) => {
    const folded = foldForSearch(word);
    return terms.some((t, k) => folded === t || (k === terms.length - 1 && folded.startsWith(t)));
  };
  const first = Math.max(
    0,
    tokens.findIndex((t) => matches(t[0])),
  );
  const start = Math.max(0, first - Math.floor(size / 3));
  const end = Math.min(tokens.length, start + size);
  if (tokens.length === 0) return '';
  const from = tokens[start]?.index ?? 0;
  const last = tokens[end - 1];
  const to = last && end < tokens.length ? (last.index ?? 0) + last[0].length : body.length;
  let out = '';
  let cursor = from;
  for (const token of tokens.slice(start, end)) {
    const at = token.index ?? 0;
    out += body.slice(cursor, at);
    out += matches(token[0]) ? `${HIGHLIGHT_START}${token[0]}${HIGHLIGHT_END}` : token[0];
    cursor = at + token[0].length;
  }
  out += body.slice(cursor, to);
  return `${start > 0 ? '…' : ''}${out.replace(/\s+/g, ' ').trim()}${end < tokens.length ? '…' : ''}`;
}

export interface NoteSearchFilter {
  text: string;
  clientId?: string;
  kind?: NoteKind;
  /** Local dates, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
}

export async function searchNotes(db: Kysely<Database>, filter: NoteSearchFilter): Promise<NoteHit[]> {
  const match = ftsQuery(filter.text);
  if (!match) return [];
  const limit = filter.limit ?? 50;
  const filtered = Boolean(filter.clientId || filter.kind || filter.from || filter.to);
  // Rank inside the index first: joining every match to its note before sorting costs
  // most of the time for common words. Without filters only the best `limit` matter.
  const rows = await sql<Omit<NoteHit, 'snippet'> & { body: string }>`
    WITH hits AS (
      SELECT rowid, rank FROM note_fts WHERE note_fts MATCH ${match} ORDER BY rank LIMIT ${filtered ? -1 : limit}
    )
    SELECT n.id, n.client_id AS "clientId", n.household_id AS "householdId", n.kind, n.noted_at AS "notedAt", n.body,
           coalesce(c.first_name || ' ' || c.last_name, h.name, '') AS "ownerName"
    FROM hits
    JOIN note n ON n.rowid = hits.rowid
    LEFT JOIN client c ON c.id = n.client_id
    LEFT JOIN household h ON h.id = n.household_id
    WHERE n.deleted_at IS NULL
      AND (${filter.clientId ?? null} IS NULL OR n.client_id = ${filter.clientId ?? null}
           OR n.household_id = (SELECT household_id FROM client WHERE id = ${filter.clientId ?? null}))
      AND (${filter.kind ?? null} IS NULL OR n.kind = ${filter.kind ?? null})
      AND (${filter.from ?? null} IS NULL OR substr(n.noted_at, 1, 10) >= ${filter.from ?? null})
      AND (${filter.to ?? null} IS NULL OR substr(n.noted_at, 1, 10) <= ${filter.to ?? null})
    ORDER BY hits.rank, n.noted_at DESC
    LIMIT ${limit}
  `.execute(db);
  return rows.rows.map(({ body, ...hit }) => ({ ...hit, snippet: snippet(body, filter.text) }));
}

/**
 * Rewrites the index without the words of deleted notes. FTS5 deletes by adding a
 * delete marker: the words stay in the older segments until they happen to merge,
 * and in a contentless index the marker repeats them. `optimize` merges every
 * segment into one without them; secure_delete zeroes the pages it frees.
 */
export async function dropDeletedFromIndex(db: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO note_fts (note_fts) VALUES ('optimize')`.execute(db);
}
