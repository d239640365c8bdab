import { CLOSURE_FIELDS } from '../../common/contract/spreadsheets';
import { nameKey } from '../../common/fold';
import { CASELOAD_SYNONYMS, type RowIssue } from './caseload-import';
import type { ColumnMapping } from './mapping';
import { parseDateCell } from './values';
import { cellText, headerRow, type Worksheet } from './workbook';

/**
 * A list of closed cases, or of clients placed in work (Uitstroom werk, I job): one row per client
 * with the closing date, and an outcome (the employer, the result) and a reason when the sheet has
 * them. Each row closes the client's case; a case already closed is left as it is.
 */
export type ClosureField = (typeof CLOSURE_FIELDS)[number];

export const CLOSURE_SYNONYMS: Record<ClosureField, readonly string[]> = {
  reference: CASELOAD_SYNONYMS.reference,
  closedOn: [
    'Uitstroomdatum',
    'Datum uitstroom',
    'Einddatum',
    'Afsluitdatum',
    'Datum afsluiting',
    'Plaatsingsdatum',
    'Datum plaatsing',
    'Slutdato',
    'Afslutningsdato',
    'Ophørsdato',
    'Dato for job',
    'Closed on',
    'Closing date',
    'End date',
    'Placement date',
  ],
  outcome: [
    'Werkgever',
    'Resultaat',
    'Uitkomst',
    'Functie',
    'Arbejdsgiver',
    'Virksomhed',
    'Resultat',
    'Stilling',
    'Employer',
    'Outcome',
    'Result',
  ],
  reason: ['Reden', 'Uitstroomreden', 'Reden uitstroom', 'Årsag', 'Afslutningsårsag', 'Reason', 'Closure reason'],
};

export interface ClosurePlanRow {
  line: number;
  action: 'create' | 'unchanged' | 'empty' | 'error';
  label: string;
  issues: RowIssue[];
  /** The client's id, or null for a client the same import creates (found by reference when it runs). */
  clientId: string | null;
  reference: string;
  closedOn: string | null;
  reasonId: string | null;
  outcomeNote: string | null;
}

export interface ClosureLookup {
  /** By reference: the client, and whether the case is closed already. */
  clients: ReadonlyMap<string, { id: string; label: string; closed: boolean }>;
  /** References the same import creates (a caseload worksheet before this one), with the name. */
  pending: ReadonlyMap<string, string>;
  /** Live closure reasons by every name they go by (nameKey). */
  reasons: ReadonlyMap<string, string>;
  /** The reason for rows without one: the chosen one, or "work". */
  defaultReasonId: string | null;
}

export function planClosures(
  sheet: Worksheet,
  mapping: ColumnMapping<ClosureField>,
  lookup: ClosureLookup,
  today: string,
): ClosurePlanRow[] {
  const { index: headerIndex, headers } = headerRow(sheet);
  const outcomeHeader = mapping.outcome === undefined ? '' : (headers[mapping.outcome] ?? '');
  const seen = new Set<string>();
  const rows: ClosurePlanRow[] = [];
  sheet.rows.forEach((cells, i) => {
    if (i <= headerIndex) return;
    const raw = (field: ClosureField) => (mapping[field] === undefined ? null : (cells[mapping[field]] ?? null));
    const text = (field: ClosureField) => cellText(raw(field));
    const reference = text('reference');
    const base = { line: i + 1, reference, clientId: null, closedOn: null, reasonId: null, outcomeNote: null };
    if (CLOSURE_FIELDS.every((field) => text(field) === '')) {
      rows.push({ ...base, action: 'empty', label: '', issues: [] });
      return;
    }
    const issues: RowIssue[] = [];
    const client = lookup.clients.get(reference);
    if (reference === '') issues.push({ field: 'reference', rule: 'required', value: '' });
    else if (!client && !lookup.pending.has(reference))
      issues.push({ field: 'reference', rule: 'unknown', value: reference });
    else if (seen.has(reference)) issues.push({ field: 'reference', rule: 'duplicate', value: reference });
    seen.add(reference);
    const closedOn = parseDateCell(raw('closedOn'), today);
    if (text('closedOn') === '') issues.push({ field: 'closedOn', rule: 'required', value: '' });
    else if (!closedOn) issues.push({ field: 'closedOn', rule: 'date', value: text('closedOn') });
    else if (closedOn > today) issues.push({ field: 'closedOn', rule: 'future_date', value: text('closedOn') });
    const reasonId =
      text('reason') === '' ? lookup.defaultReasonId : (lookup.reasons.get(nameKey(text('reason'))) ?? null);
    if (!reasonId)
      issues.push({ field: 'reason', rule: text('reason') === '' ? 'required' : 'unknown', value: text('reason') });
    // "Werkgever: Albert Heijn": the outcome says what the column meant.
    const outcome = text('outcome').replace(/\s+/g, ' ');
    const outcomeNote = outcome === '' ? null : `${outcomeHeader}: ${outcome}`.slice(0, 2000);
    rows.push({
      ...base,
      action: issues.length > 0 ? 'error' : client?.closed ? 'unchanged' : 'create',
      label: [client?.label ?? lookup.pending.get(reference), reference].filter(Boolean).join(' · '),
      issues,
      clientId: client?.id ?? null,
      closedOn,
      reasonId,
      outcomeNote,
    });
  });
  return rows;
}
