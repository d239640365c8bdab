import type { ColumnType, Generated } from 'kysely';
import type {
  ActionKind,
  CatalogKind,
  ClientStatus,
  ConsentForm,
  LegalBasis,
  NoteKind,
  Role,
  ScoredBy,
} from '../../common/enums';

/**
 * Kysely types of the team server's PostgreSQL tables (server/db/migrations). The synced
 * tables carry the app's columns (text dates exactly as the app writes them) plus the team
 * and the server-assigned row version; bigint columns come back as numbers (connect.ts).
 */

/** What every synced row has on the server only. */
export interface Synced {
  team_id: string;
  row_version: number;
}

/** created_at / updated_at / updated_by / deleted_at, as on the app's shared records. */
export interface Tracked {
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

export interface TeamTable {
  id: Generated<string>;
  name: string;
  notes_visible_to_key_persons: Generated<boolean>;
  row_counter: Generated<number>;
}

export interface AccountTable {
  subject: string;
  caseworker_id: string;
  team_id: string;
  role: Role;
  created_at: Generated<Date>;
  disabled_at: Date | null;
}

export interface DeviceTable {
  subject: string;
  id: string;
  last_sequence: Generated<number>;
  first_seen_at: Generated<Date>;
  last_seen_at: Generated<Date>;
}

export interface ConflictTable {
  id: Generated<string>;
  team_id: string;
  addressed_to: string;
  table_name: string;
  row_key: unknown;
  pushed: unknown;
  server_row_version: number;
  device: string;
  created_at: Generated<Date>;
  row_version: number;
}

export interface RejectionTable {
  id: Generated<string>;
  team_id: string;
  subject: string;
  device: string;
  sequence: number;
  table_name: string;
  row_key: unknown;
  reason: string;
  created_at: Generated<Date>;
  row_version: number;
}

export interface ClientRevocationTable {
  id: ColumnType<number, never, never>;
  team_id: string;
  client_id: string;
  from_caseworker_id: string | null;
  to_caseworker_id: string | null;
  to_team_id: string;
  row_version: number;
}

export interface ErasedRowTable {
  id: ColumnType<number, never, never>;
  team_id: string;
  table_name: string;
  row_key: unknown;
  row_version: number;
}

export interface AuditEventTable {
  id: ColumnType<number, never, never>;
  at: Generated<Date>;
  subject: string;
  caseworker_id: string | null;
  team_id: string;
  device: string | null;
  action: string;
  client_ids: Generated<string[]>;
  counts: Generated<unknown>;
  outcome: string;
}

export interface CaseworkerTable extends Tracked, Synced {
  id: string;
  name: string;
  role: Generated<Role>;
  deactivated_at: string | null;
}

export interface CatalogItemTable extends Tracked, Synced {
  id: string;
  kind: CatalogKind;
  default_key: string | null;
  name: string | null;
  position: number;
  weight: Generated<number>;
  retired_at: string | null;
  rescore_weeks: number | null;
  retention_years: number | null;
}

export interface HouseholdTable extends Tracked, Synced {
  id: string;
  name: string;
  caseworker_id: string | null;
}

export interface ClientTable extends Tracked, Synced {
  id: string;
  reference: string | null;
  first_name: string;
  last_name: string;
  pseudonym: string | null;
  caseworker_id: string | null;
  date_of_birth: string | null;
  phone: string | null;
  email: string | null;
  target_group_id: string | null;
  stage_id: string | null;
  stage_since: string | null;
  household_id: string | null;
  start_date: string | null;
  status: Generated<ClientStatus>;
  meeting_listed_at: string | null;
  language: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StageChangeTable extends Synced {
  id: string;
  client_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  changed_on: string;
  created_at: string;
  created_by: string | null;
}

export interface HandoverTable extends Synced {
  id: string;
  client_id: string;
  from_caseworker_id: string | null;
  to_caseworker_id: string;
  handed_over_on: string;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ClosureTable extends Synced {
  id: string;
  client_id: string;
  closed_on: string;
  reason_id: string;
  outcome_note: string | null;
  reopened_on: string | null;
  created_at: string;
  created_by: string | null;
  reopened_by: string | null;
}

export interface ActionTable extends Tracked, Synced {
  id: string;
  client_id: string;
  title: string;
  kind: ActionKind;
  due_date: string;
  due_time: string | null;
  done_at: string | null;
  note_id: string | null;
}

export interface SheetTable extends Tracked, Synced {
  id: string;
  name: string;
  description: string | null;
  retired_at: string | null;
}

export interface SheetTargetGroupTable extends Synced {
  target_group_id: string;
  sheet_id: string;
}

export interface SheetVersionTable extends Synced {
  id: string;
  sheet_id: string;
  number: number;
  published_at: string | null;
  created_at: string;
  created_by: string | null;
}

export interface IndicatorTable extends Synced {
  id: string;
  version_id: string;
  key: string;
  position: number;
  name: string;
  description: string | null;
  scale_min: number;
  scale_max: number;
}

export interface IndicatorLevelTable extends Synced {
  indicator_id: string;
  value: number;
  label: string;
  description: string | null;
}

export interface ScoringTable extends Tracked, Synced {
  id: string;
  client_id: string;
  version_id: string;
  scored_on: string;
  scored_by: ScoredBy;
  caseworker_id: string | null;
  organisation: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SheetTranslationTable extends Tracked, Synced {
  id: string;
  version_id: string;
  language: string;
  texts: string;
}

export interface PaperSheetTable extends Tracked, Synced {
  id: string;
  code: string;
  client_id: string;
  version_id: string;
  printed_on: string;
  scoring_id: string | null;
}

export interface ConsentTable extends Tracked, Synced {
  id: string;
  client_id: string;
  purpose: string;
  legal_basis: LegalBasis;
  given_as: ConsentForm;
  given_on: string;
  valid_until: string | null;
  withdrawn_on: string | null;
  remark: string | null;
}

export interface ScoreTable extends Synced {
  scoring_id: string;
  indicator_id: string;
  indicator_key: string;
  value: number | null;
  comment: string | null;
}

export interface GoalTable extends Tracked, Synced {
  id: string;
  client_id: string;
  indicator_key: string;
  target: number;
  target_date: string | null;
}

export interface CoverageTargetTable extends Synced {
  id: string;
  share: number;
  due_on: string;
  created_at: string;
  created_by: string | null;
}

export interface NoteTable extends Tracked, Synced {
  id: string;
  client_id: string | null;
  household_id: string | null;
  kind: NoteKind;
  noted_at: string;
  body: string;
  author_id: string | null;
  pinned: Generated<number>;
}

export interface NoteVersionTable extends Synced {
  id: string;
  note_id: string;
  kind: NoteKind;
  noted_at: string;
  body: string;
  pinned: number;
  written_at: string;
  written_by: string | null;
}

export interface ServerDatabase {
  team: TeamTable;
  account: AccountTable;
  device: DeviceTable;
  conflict: ConflictTable;
  rejection: RejectionTable;
  client_revocation: ClientRevocationTable;
  erased_row: ErasedRowTable;
  audit_event: AuditEventTable;
  caseworker: CaseworkerTable;
  catalog_item: CatalogItemTable;
  coverage_target: CoverageTargetTable;
  sheet: SheetTable;
  sheet_version: SheetVersionTable;
  sheet_target_group: SheetTargetGroupTable;
  indicator: IndicatorTable;
  indicator_level: IndicatorLevelTable;
  household: HouseholdTable;
  client: ClientTable;
  action: ActionTable;
  goal: GoalTable;
  sheet_translation: SheetTranslationTable;
  consent: ConsentTable;
  paper_sheet: PaperSheetTable;
  stage_change: StageChangeTable;
  handover: HandoverTable;
  closure: ClosureTable;
  scoring: ScoringTable;
  score: ScoreTable;
  note: NoteTable;
  note_version: NoteVersionTable;
}
