import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  ActionKind,
  CatalogKind,
  ClientStatus,
  ConsentForm,
  LegalBasis,
  NoteKind,
  Role,
  ScoredBy,
  SyncNoticeKind,
} from '../common/enums';

export type { ActionKind, CatalogKind, ClientStatus, ConsentForm, LegalBasis, NoteKind, Role, ScoredBy };

/** Columns every shared, changeable record carries: who changed it when, and a tombstone, so team sync can tell versions apart. */
export interface Tracked {
  created_at: string;
  updated_at: string;
  /** Caseworker id of whoever made the last change; null before a caseworker exists. */
  updated_by: string | null;
  /** Tombstone: shared records are never hard-deleted, except by a privacy erasure. */
  deleted_at: string | null;
}

/** Dates of the work itself (due, closed, changed) are local calendar dates, `YYYY-MM-DD`. */
type LocalDate = string;

export interface CaseworkerTable extends Tracked {
  id: string;
  name: string;
  role: Generated<Role>;
  deactivated_at: string | null;
}

/** Target groups, stages and closure reasons: the lists key persons manage. */
export interface CatalogItemTable extends Tracked {
  id: string;
  kind: CatalogKind;
  /** Set on shipped items: their name is translated until someone renames them. */
  default_key: string | null;
  name: string | null;
  position: number;
  /** Workload weight (stages); 1 for the other kinds. */
  weight: Generated<number>;
  retired_at: string | null;
  /** Target groups: rescore every so many weeks. */
  rescore_weeks: number | null;
  // Optional on insert: new items keep the default retention.
  retention_years: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface HouseholdTable extends Tracked {
  id: string;
  name: string;
  caseworker_id: string | null;
}

export interface ClientTable extends Tracked {
  id: string;
  reference: string | null;
  first_name: string;
  last_name: string;
  /** Stable display id for exports and meetings, e.g. K-0042. */
  pseudonym: string;
  caseworker_id: string | null;
  date_of_birth: LocalDate | null;
  phone: string | null;
  email: string | null;
  target_group_id: string | null;
  stage_id: string | null;
  stage_since: LocalDate | null;
  household_id: string | null;
  start_date: LocalDate | null;
  status: Generated<ClientStatus>;
  /** On the meeting list since (ISO timestamp); null: not on it. */
  meeting_listed_at: Generated<string | null>;
  /** The language the client reads best (BCP 47), for client mode and paper sheets (0015). */
  language: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StageChangeTable {
  id: string;
  client_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  changed_on: LocalDate;
  created_at: string;
  created_by: string | null;
}

export interface HandoverTable {
  id: string;
  client_id: string;
  from_caseworker_id: string | null;
  to_caseworker_id: string;
  handed_over_on: LocalDate;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ClosureTable {
  id: string;
  client_id: string;
  closed_on: LocalDate;
  reason_id: string;
  outcome_note: string | null;
  reopened_on: LocalDate | null;
  created_at: string;
  created_by: string | null;
  reopened_by: string | null;
}

export interface ActionTable extends Tracked {
  id: string;
  client_id: string;
  title: string;
  kind: ActionKind;
  due_date: LocalDate;
  /** `HH:MM`, for appointments. */
  due_time: string | null;
  done_at: string | null;
  /** The note whose agreement this to-do follows up. */
  note_id: string | null;
}

export interface SheetTable extends Tracked {
  id: string;
  name: string;
  description: string | null;
  retired_at: string | null;
}

export interface SheetTargetGroupTable {
  target_group_id: string;
  sheet_id: string;
}

export interface SheetVersionTable {
  id: string;
  sheet_id: string;
  number: number;
  /** Null while a draft; once set, the version and its indicators never change. */
  published_at: string | null;
  created_at: string;
  created_by: string | null;
}

export interface IndicatorTable {
  id: string;
  version_id: string;
  key: string;
  position: number;
  name: string;
  description: string | null;
  scale_min: number;
  scale_max: number;
}

export interface IndicatorLevelTable {
  indicator_id: string;
  value: number;
  label: string;
  description: string | null;
}

export interface ScoringTable extends Tracked {
  id: string;
  client_id: string;
  version_id: string;
  scored_on: LocalDate;
  scored_by: ScoredBy;
  caseworker_id: string | null;
  /** The provider's organisation, for `scored_by = 'provider'` only. Optional on insert (0014). */
  organisation: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A key person's translation of one sheet version into one language (0015); `texts` is JSON. */
export interface SheetTranslationTable extends Tracked {
  id: string;
  version_id: string;
  language: string;
  texts: string;
}

/** A personalised paper sheet as printed (0016): its code names the client, the version and the date. */
export interface PaperSheetTable extends Tracked {
  id: string;
  code: string;
  client_id: string;
  version_id: string;
  printed_on: LocalDate;
  /** The scoring it was typed in as; null until then. */
  scoring_id: string | null;
}

/** What a client agreed to, or what else allows the processing (0014). */
export interface ConsentTable extends Tracked {
  id: string;
  client_id: string;
  purpose: string;
  legal_basis: LegalBasis;
  given_as: ConsentForm;
  given_on: LocalDate;
  valid_until: LocalDate | null;
  withdrawn_on: LocalDate | null;
  remark: string | null;
}

export interface ScoreTable {
  scoring_id: string;
  indicator_id: string;
  indicator_key: string;
  value: number | null;
  comment: string | null;
}

export interface GoalTable extends Tracked {
  id: string;
  client_id: string;
  indicator_key: string;
  target: number;
  target_date: LocalDate | null;
}

export interface CoverageTargetTable {
  id: string;
  share: number;
  due_on: LocalDate;
  created_at: string;
  created_by: string | null;
}

export interface NoteTable extends Tracked {
  id: string;
  client_id: string | null;
  household_id: string | null;
  kind: NoteKind;
  /** Local `YYYY-MM-DDTHH:MM`. */
  noted_at: string;
  body: string;
  author_id: string | null;
  pinned: number;
}

export interface NoteVersionTable {
  id: string;
  note_id: string;
  kind: NoteKind;
  noted_at: string;
  body: string;
  pinned: number;
  written_at: string;
  written_by: string | null;
}

export interface NoteDraftTable {
  key: string;
  kind: NoteKind;
  noted_at: string;
  body: string;
  updated_at: string;
}

/** Named counters for display identifiers; never reused, so pseudonyms stay stable. */
export interface SequenceTable {
  name: string;
  value: Generated<number>;
}

export interface ImportMappingTable {
  signature: string;
  mapping: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  result: string;
  prev_hash: string;
  hash: string;
}

/** Facts about the database itself, e.g. `database_id` (see migration 0008). */
export interface MetaTable {
  key: string;
  value: string;
}

/** A synced row changed since the last push (db/migrations/0010_sync_outbox.ts). */
export interface SyncOutboxTable {
  seq: Generated<number>;
  table_name: string;
  /** JSON object of the row's key columns. */
  row_key: string;
  /** 1, plus one per later change before the push took it. */
  touched: Generated<number>;
}

/** Each client's names, reference and pseudonym folded for search (db/search/clients.ts); local only. */
export interface ClientSearchTable {
  client_id: string;
  folded: string;
}

/** A caseworker name as a sheet writes it (nameKey), mapped once in an import to the colleague it stands for. */
export interface CaseworkerAliasTable {
  name_key: string;
  caseworker_id: string;
  updated_at: string;
}

/** One row: whether some client's search row is missing (changed since it was folded). */
export interface ClientSearchStateTable {
  id: number;
  stale: number;
}

/** One row: whether writes are captured (the laptop is in a team) and whether a pull is being applied. */
export interface SyncStateTable {
  id: number;
  capturing: Generated<number>;
  applying: Generated<number>;
  /** The team this database is a copy of (db/migrations/0011_sync_copy.ts); null while alone. */
  server_url: string | null;
  team_id: string | null;
  team_name: string | null;
  caseworker_id: string | null;
  role: Role | null;
  device_id: string | null;
  /** JSON of the pull's cookie: the team's version this copy has everything up to. */
  cookie: string | null;
  /** JSON of the cookie of pages waiting in sync_inbox. */
  pending_cookie: string | null;
  next_sequence: Generated<number>;
  synced_at: string | null;
}

/** The server's version of a synced row as last pulled; `pushed` is JSON of what this laptop sent since. */
export interface SyncSeenTable {
  table_name: string;
  row_key: string;
  version: number;
  pushed: string | null;
}

/** A numbered push batch, kept until the server has applied it. */
export interface SyncBatchTable {
  sequence: number;
  /** JSON Change[] (common/sync/protocol.ts). */
  changes: string;
  /** JSON of the outbox entries it was built from: [{ seq, touched }]. */
  taken: string;
}

/** A pulled change waiting for the rest of its pull (db/queries/sync-copy.ts). */
export interface SyncInboxTable {
  table_name: string;
  row_key: string;
  op: 'put' | 'erase' | 'revoke';
  row: string | null;
  version: number | null;
  client_id: string | null;
  rank: number;
}

/** A change the server refused or kept as a conflict, until the caseworker decides. */
export interface SyncNoticeTable {
  id: string;
  kind: SyncNoticeKind;
  table_name: string;
  row_key: string;
  /** JSON of the row as this laptop pushed it (conflicts). */
  pushed: string | null;
  reason: string | null;
  at: string;
  resolved_at: string | null;
}

export interface Database {
  caseworker: CaseworkerTable;
  catalog_item: CatalogItemTable;
  household: HouseholdTable;
  client: ClientTable;
  stage_change: StageChangeTable;
  handover: HandoverTable;
  closure: ClosureTable;
  action: ActionTable;
  sequence: SequenceTable;
  sheet: SheetTable;
  sheet_target_group: SheetTargetGroupTable;
  sheet_version: SheetVersionTable;
  sheet_translation: SheetTranslationTable;
  indicator: IndicatorTable;
  indicator_level: IndicatorLevelTable;
  scoring: ScoringTable;
  score: ScoreTable;
  goal: GoalTable;
  coverage_target: CoverageTargetTable;
  consent: ConsentTable;
  paper_sheet: PaperSheetTable;
  note: NoteTable;
  note_version: NoteVersionTable;
  note_draft: NoteDraftTable;
  import_mapping: ImportMappingTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  sync_outbox: SyncOutboxTable;
  sync_state: SyncStateTable;
  sync_seen: SyncSeenTable;
  sync_batch: SyncBatchTable;
  sync_inbox: SyncInboxTable;
  sync_notice: SyncNoticeTable;
  client_search: ClientSearchTable;
  client_search_state: ClientSearchStateTable;
  caseworker_alias: CaseworkerAliasTable;
}

export type ClientRow = Selectable<ClientTable>;
export type NewClientRow = Insertable<ClientTable>;
export type CaseworkerRow = Selectable<CaseworkerTable>;
export type CatalogItemRow = Selectable<CatalogItemTable>;
export type ActionRow = Selectable<ActionTable>;
