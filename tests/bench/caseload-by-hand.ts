import type BetterSqlite3 from 'better-sqlite3';
import type { CaseloadRow } from '../../common/contract';
import { scoringDueOn } from '../../common/rhythm';

type NextAction = NonNullable<CaseloadRow['nextAction']>;

/** A row as the hand-written query returns it: the columns named as the contract names them. */
export interface ByHandRow extends Omit<CaseloadRow, 'nextAction' | 'scoringDueOn'> {
  startDate: string | null;
  rescoreWeeks: number | null;
  naId: string | null;
  naTitle: NextAction['title'];
  naKind: NextAction['kind'];
  naDueDate: NextAction['dueDate'];
  naDueTime: NextAction['dueTime'];
}

const FILTERS = {
  /** One caseworker's active clients; binds the caseworker's id. */
  caseworker: `c.caseworker_id = ? AND c.status = 'active'`,
  /**
   * Active clients whose folded name, reference or pseudonym holds the text (the folded column of
   * migration 0013, which a hand-written app would need as much); binds the folded LIKE pattern.
   */
  search: `c.status = 'active' AND c.id IN (SELECT client_id FROM client_search WHERE folded LIKE ? ESCAPE '\\')`,
};

/**
 * The caseload query as one would write it by hand for better-sqlite3, computing
 * what Koers's listCaseload computes: per client the next open to-do, the number of
 * overdue ones, the last scoring and the target group's rhythm. The first parameter
 * is today (to-dos due before it are overdue), then the filter's.
 */
export function prepareCaseload(
  sqlite: BetterSqlite3.Database,
  filter: keyof typeof FILTERS,
): BetterSqlite3.Statement<unknown[], ByHandRow> {
  return sqlite.prepare(`
    WITH rows AS (
      SELECT c.id, c.pseudonym, c.reference, c.first_name AS firstName, c.last_name AS lastName,
             c.caseworker_id AS caseworkerId, c.target_group_id AS targetGroupId, c.stage_id AS stageId,
             c.stage_since AS stageSince, c.household_id AS householdId, c.status, c.start_date AS startDate,
             (SELECT count(*) FROM action a WHERE a.client_id = c.id AND a.done_at IS NULL AND a.deleted_at IS NULL
                AND a.due_date < ?) AS overdueCount,
             (SELECT max(s.scored_on) FROM scoring s WHERE s.client_id = c.id AND s.deleted_at IS NULL) AS lastScoredOn
      FROM client c WHERE c.deleted_at IS NULL AND ${FILTERS[filter]}
    )
    SELECT r.*, tg.rescore_weeks AS rescoreWeeks, na.id AS naId, na.title AS naTitle, na.kind AS naKind,
           na.due_date AS naDueDate, na.due_time AS naDueTime
    FROM rows r
    LEFT JOIN action na ON na.id = (SELECT a.id FROM action a WHERE a.client_id = r.id AND a.done_at IS NULL
      AND a.deleted_at IS NULL ORDER BY a.due_date, a.due_time, a.id LIMIT 1)
    LEFT JOIN catalog_item tg ON tg.id = r.targetGroupId
    ORDER BY r.lastName COLLATE NOCASE, r.firstName COLLATE NOCASE, r.id`);
}

/** The rows in the contract's shape: the next to-do as one object, when the next scoring is due. */
export function caseloadRows(rows: readonly ByHandRow[]): CaseloadRow[] {
  return rows.map((r) => ({
    id: r.id,
    pseudonym: r.pseudonym,
    reference: r.reference,
    firstName: r.firstName,
    lastName: r.lastName,
    caseworkerId: r.caseworkerId,
    targetGroupId: r.targetGroupId,
    stageId: r.stageId,
    stageSince: r.stageSince,
    householdId: r.householdId,
    status: r.status,
    nextAction:
      r.naId === null
        ? null
        : { id: r.naId, title: r.naTitle, kind: r.naKind, dueDate: r.naDueDate, dueTime: r.naDueTime },
    overdueCount: r.overdueCount,
    lastScoredOn: r.lastScoredOn,
    scoringDueOn: scoringDueOn(r.lastScoredOn, r.startDate, r.rescoreWeeks),
  }));
}
