import type { Generated, Insertable, Selectable } from 'kysely';

/** Columns every shared, changeable record carries (see DESIGN: ready for teams later). */
interface Tracked {
  created_at: string;
  updated_at: string;
  /** Caseworker id of whoever made the last change; null before a caseworker exists. */
  updated_by: string | null;
  /** Tombstone: shared records are never hard-deleted, except by a privacy erasure. */
  deleted_at: string | null;
}

export interface CaseworkerTable extends Tracked {
  id: string;
  name: string;
}

export interface ClientTable extends Tracked {
  id: string;
  reference: string | null;
  first_name: string;
  last_name: string;
  /** Stable display id for exports and meetings, e.g. K-0042. */
  pseudonym: string;
  caseworker_id: string | null;
}

/** Named counters for display identifiers; never reused, so pseudonyms stay stable. */
export interface SequenceTable {
  name: string;
  value: Generated<number>;
}

export interface Database {
  caseworker: CaseworkerTable;
  client: ClientTable;
  sequence: SequenceTable;
}

export type ClientRow = Selectable<ClientTable>;
export type NewClientRow = Insertable<ClientTable>;
export type CaseworkerRow = Selectable<CaseworkerTable>;
