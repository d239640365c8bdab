/** What crosses the IPC boundary. Kept free of dependencies: the renderer imports it too. */
import type { JoinProblem } from '../enums';
// busy, disk_full, read_only: the database or disk could not take a write (main/rpc/storage-failure.ts).
export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'busy',
  'disk_full',
  'read_only',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every rule a rejected field can break; the renderer has a translated sentence for each. */
export const FIELD_RULES = [
  'required',
  'too_long',
  'too_short',
  'too_small',
  'too_big',
  'invalid',
  'unknown_field',
  'date',
  'time',
  'email',
  'future_date',
  // A date before the one it follows (a consent valid until, or withdrawn on, a day before it was given).
  'before_given',
  'unavailable',
  'inactive',
  'scale',
  'levels',
  'out_of_scale',
  // Spreadsheet rows: the same value twice in one file; a name Koers does not know.
  'duplicate',
  'unknown',
  // Spreadsheet files (field `file`): see main/spreadsheets/problems.ts.
  'file_too_big',
  'not_spreadsheet',
  'old_xls',
  'damaged',
  'zip_bomb',
  'too_many_rows',
  'too_many_columns',
  'empty_file',
  'timeout',
] as const;

/** One rejected input field; the renderer turns `rule` into a translated sentence. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `reference`. Empty for the input as a whole. */
  field: string;
  rule: (typeof FIELD_RULES)[number];
  /** Limit for too_long / too_short / too_small / too_big. */
  limit?: number;
}

export interface ErrorDetails {
  issues?: FieldIssue[];
  /** For conflicts: which field clashes and with what. */
  field?: string;
  existing?: { id: string; label: string };
  method?: string;
  /** For conflicts that block an action: how many records stand in the way. */
  count?: number;
  reason?:
    | 'in_use'
    | 'has_active_clients'
    | 'already_closed'
    | 'not_closed'
    | 'same_caseworker'
    | 'published'
    | 'not_published'
    | 'sheet_retired'
    | 'empty_sheet'
    | 'import_errors'
    | 'import_expired'
    | 'import_gone'
    | 'import_changed'
    | 'locked'
    // Client mode is on: nothing but the client's sheet until the caseworker leaves it.
    | 'client_mode'
    | 'client_mode_saved'
    // A paper sheet typed in before (details: date).
    | 'paper_entered'
    | 'no_pin'
    | 'pin_wait'
    | 'confirm'
    | 'already_set_up'
    | 'audit_unavailable'
    | 'erase_pending'
    // Forbidden: a caseworker acts on clients of another caseworker's caseload.
    | 'not_own_client'
    // A backup that cannot be restored (see BACKUP_PROBLEMS in ./safety.ts).
    | 'backup_too_new'
    | 'backup_not_koers'
    | 'backup_other_database'
    | 'backup_damaged'
    | 'backup_timeout'
    // Joining a team stopped (JOIN_PROBLEMS in ../enums.ts).
    | `team_${JoinProblem}`
    // On a team laptop she works as the caseworker she signed in as.
    | 'team_caseworker'
    // A conflict decided already, or whose row is no longer on this laptop.
    | 'notice_gone'
    | 'notice_row_gone'
    /** A key person's laptop: a colleague's client is read-only but for its assignment. */
    | 'colleagues_client'
    /** A key person's access export needs the team server, which could not make it. */
    | 'access_export_team';
}

export interface RpcError {
  code: ErrorCode;
  /** English, for logs and developers; users see a translation chosen by `code` and `details`. */
  message: string;
  details?: ErrorDetails;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };
