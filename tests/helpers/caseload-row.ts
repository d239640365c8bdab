import type { CaseloadRow } from '../../common/contract';

/** A caseload row with nothing but what a test sets: an active client, no stage, no to-dos, never scored. */
export const caseloadRow = (over: Partial<CaseloadRow> = {}): CaseloadRow => ({
  id: 'x',
  pseudonym: 'K-0001',
  reference: null,
  firstName: 'A',
  lastName: 'A',
  caseworkerId: null,
  targetGroupId: null,
  stageId: null,
  stageSince: null,
  householdId: null,
  status: 'active',
  nextAction: null,
  overdueCount: 0,
  lastScoredOn: null,
  scoringDueOn: null,
  ...over,
});
