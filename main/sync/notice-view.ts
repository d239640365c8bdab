import type { Kysely } from 'kysely';
import type { ConflictColumn, ConflictValue, SyncNotice } from '../../common/contract';
import { ACTION_KINDS, CLIENT_STATUSES, ROLES } from '../../common/enums';
import type { SyncedRow } from '../../common/sync/protocol';
import { REJECTION_REASONS } from '../../common/sync/protocol';
import type { Database } from '../../db/schema';
import type { OpenNotice } from '../../db/queries/sync-notices';

/**
 * The conflicts inbox as the window shows it: for each notice what it is about (a client, a list
 * item…) and the fields where her version and the team's differ, as values the window can name.
 */

type Kind = NonNullable<ConflictValue>['kind'];

/** Column → how it is shown. Columns not listed (keys, references between rows) are not compared on screen. */
const COLUMNS: Record<string, { column: ConflictColumn; kind: Kind }> = {
  reference: { column: 'reference', kind: 'text' },
  first_name: { column: 'firstName', kind: 'text' },
  last_name: { column: 'lastName', kind: 'text' },
  pseudonym: { column: 'pseudonym', kind: 'text' },
  caseworker_id: { column: 'caseworkerId', kind: 'caseworker' },
  date_of_birth: { column: 'dateOfBirth', kind: 'date' },
  phone: { column: 'phone', kind: 'text' },
  email: { column: 'email', kind: 'text' },
  target_group_id: { column: 'targetGroupId', kind: 'catalog' },
  stage_id: { column: 'stageId', kind: 'catalog' },
  stage_since: { column: 'stageSince', kind: 'date' },
  household_id: { column: 'householdId', kind: 'text' },
  start_date: { column: 'startDate', kind: 'date' },
  status: { column: 'status', kind: 'status' },
  meeting_listed_at: { column: 'meetingListedAt', kind: 'dateTime' },
  name: { column: 'name', kind: 'text' },
  title: { column: 'title', kind: 'text' },
  kind: { column: 'kind', kind: 'actionKind' },
  due_date: { column: 'dueDate', kind: 'date' },
  due_time: { column: 'dueTime', kind: 'text' },
  done_at: { column: 'doneAt', kind: 'dateTime' },
  indicator_key: { column: 'indicatorKey', kind: 'text' },
  target: { column: 'target', kind: 'text' },
  target_date: { column: 'targetDate', kind: 'date' },
  closed_on: { column: 'closedOn', kind: 'date' },
  reason_id: { column: 'reasonId', kind: 'catalog' },
  outcome_note: { column: 'outcomeNote', kind: 'text' },
  reopened_on: { column: 'reopenedOn', kind: 'date' },
  reopened_by: { column: 'reopenedBy', kind: 'caseworker' },
  role: { column: 'role', kind: 'role' },
  deactivated_at: { column: 'deactivatedAt', kind: 'dateTime' },
  position: { column: 'position', kind: 'text' },
  weight: { column: 'weight', kind: 'text' },
  retired_at: { column: 'retiredAt', kind: 'dateTime' },
  rescore_weeks: { column: 'rescoreWeeks', kind: 'text' },
  retention_years: { column: 'retentionYears', kind: 'text' },
  description: { column: 'description', kind: 'text' },
  published_at: { column: 'publishedAt', kind: 'dateTime' },
  key: { column: 'key', kind: 'text' },
  scale_min: { column: 'scaleMin', kind: 'text' },
  scale_max: { column: 'scaleMax', kind: 'text' },
  label: { column: 'label', kind: 'text' },
  sheet_id: { column: 'sheetId', kind: 'text' },
  deleted_at: { column: 'deletedAt', kind: 'dateTime' },
};

const isIn = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

function valueOf(
  kind: Kind,
  raw: string | number | null | undefined,
  names: { household(id: string): string; sheet(id: string): string },
  column: string,
): ConflictValue {
  if (raw === null || raw === undefined || raw === '') return null;
  const text = String(raw);
  if (column === 'household_id') return { kind: 'text', value: names.household(text) };
  if (column === 'sheet_id') return { kind: 'text', value: names.sheet(text) };
  if (column === 'kind')
    return isIn(ACTION_KINDS, text) ? { kind: 'actionKind', value: text } : { kind: 'text', value: text };
  if (kind === 'role') return isIn(ROLES, text) ? { kind: 'role', value: text } : { kind: 'text', value: text };
  if (kind === 'status')
    return isIn(CLIENT_STATUSES, text) ? { kind: 'status', value: text } : { kind: 'text', value: text };
  if (kind === 'actionKind') return { kind: 'text', value: text };
  return { kind, value: text };
}

/** The client a row is about, and the name that says what it is. */
function subject(notice: OpenNotice, row: SyncedRow | null): { clientId: string | null; about: string | null } {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  if (notice.table === 'client')
    return {
      clientId: text(notice.key.id),
      about: row ? [text(row.first_name), text(row.last_name)].filter(Boolean).join(' ') || null : null,
    };
  const clientId = text(row?.client_id);
  if (['household', 'caseworker', 'sheet', 'indicator'].includes(notice.table))
    return { clientId, about: text(row?.name) ?? null };
  if (notice.table === 'action') return { clientId, about: text(row?.title) };
  return { clientId, about: null };
}

export async function noticeView(db: Kysely<Database>, notices: readonly OpenNotice[]): Promise<SyncNotice[]> {
  const households = new Map(
    (await db.selectFrom('household').select(['id', 'name']).execute()).map((h) => [h.id, h.name ?? '']),
  );
  const sheets = new Map((await db.selectFrom('sheet').select(['id', 'name']).execute()).map((s) => [s.id, s.name]));
  const names = {
    household: (id: string) => households.get(id) ?? '',
    sheet: (id: string) => sheets.get(id) ?? '',
  };
  const views: SyncNotice[] = [];
  for (const notice of notices) {
    const row = notice.theirs ?? notice.mine;
    const { clientId, about } = subject(notice, row);
    const client = clientId
      ? await db.selectFrom('client').select(['first_name', 'last_name']).where('id', '=', clientId).executeTakeFirst()
      : undefined;
    views.push({
      id: notice.id,
      kind: notice.kind,
      table: notice.table,
      reason: notice.reason && isIn(REJECTION_REASONS, notice.reason) ? notice.reason : null,
      at: notice.at,
      clientId: client ? clientId : null,
      about:
        notice.table === 'client' || !client
          ? about
          : [client.first_name, client.last_name, about && `— ${about}`].filter(Boolean).join(' '),
      catalogId: notice.table === 'catalog_item' && typeof notice.key.id === 'string' ? notice.key.id : null,
      rowHere: notice.theirs !== null,
      fields: notice.differing.flatMap((column) => {
        const shown = COLUMNS[column];
        if (!shown) return [];
        return [
          {
            column: shown.column,
            mine: valueOf(shown.kind, notice.mine?.[column], names, column),
            theirs: valueOf(shown.kind, notice.theirs?.[column], names, column),
          },
        ];
      }),
    });
  }
  return views;
}
