import type { Kysely, Transaction } from 'kysely';
import { clientsByReference } from '../../db/queries/imports';
import { insertScoring } from '../../db/queries/scorings';
import type { Database, ScoredBy } from '../../db/schema';
import type { SheetVersion } from '../../common/contract';
import { CASELOAD_SYNONYMS, type RowIssue } from './caseload-import';
import { nameKey } from '../../common/fold';
import { parseDateCell, parseIntegerCell } from './values';
import { cellText, headerRow, type Worksheet } from './workbook';

export interface ScoresPlanRow {
  line: number;
  action: 'create' | 'unchanged' | 'empty' | 'error';
  label: string;
  issues: RowIssue[];
  clientId: string | null;
  caseworkerId: string | null;
  date: string | null;
  scoredBy: ScoredBy;
  organisation: string | null;
  values: Array<{ indicatorId: string; indicatorKey: string; value: number | null }>;
}

export interface ScoresPlan {
  rows: ScoresPlanRow[];
}

/** Who scored, as sheets write it; empty means the caseworker. */
const SCORED_BY: Record<string, ScoredBy> = Object.fromEntries(
  (
    [
      ['caseworker', ['klantmanager', 'consulent', 'caseworker', 'sagsbehandler', 'medewerker', 'kcm']],
      [
        'client',
        [
          'klant',
          'client',
          'cliënt',
          'deelnemer',
          'zelf',
          'zelfscore',
          'self',
          'selfscore',
          'participant',
          'borger',
          'deltager',
          'selv',
          'selvscoring',
        ],
      ],
      ['together', ['samen', 'together', 'sammen', 'gezamenlijk']],
      [
        'provider',
        [
          'aanbieder',
          'externe aanbieder',
          're-integratiebedrijf',
          'reintegratiebedrijf',
          'jobcoach',
          'provider',
          'external provider',
          'job coach',
          'anden aktør',
          'leverandør',
          'jobkonsulent',
        ],
      ],
    ] as const
  ).flatMap(([by, names]) => names.map((name) => [nameKey(name), by])),
);

/** One scoring per client, date and rater: two providers are two raters, whatever their spelling. */
function raterKey(clientId: string, date: string, scoredBy: string, organisation: string | null): string {
  return `${clientId}|${date}|${scoredBy}|${organisation ? nameKey(organisation) : ''}`;
}

/** Header names for the fixed columns, and each indicator by its own name. */
export function scoresSynonyms(indicators: SheetVersion['indicators']): Record<string, readonly string[]> {
  return {
    reference: CASELOAD_SYNONYMS.reference,
    date: ['Datum', 'Scoredatum', 'Datum score', 'Dato', 'Scoringsdato', 'Date', 'Scored on'],
    scoredBy: [
      'Gescoord door',
      'Door',
      'Wie',
      'Beoordelaar',
      'Scoret af',
      'Hvem',
      'Bedømmer',
      'Scored by',
      'Who',
      'Rater',
    ],
    organisation: ['Organisatie', 'Aanbieder', 'Organisation', 'Leverandør', 'Anden aktør', 'Provider'],
    ...Object.fromEntries(indicators.map((indicator) => [indicator.key, [indicator.name]])),
  };
}

/**
 * Past scorings, one row per client per date, checked against the chosen sheet
 * version: the client by reference, the date, every value on its indicator's scale.
 * A scoring that Koers already has (same client, date, who, sheet; for a provider also the same
 * organisation) is left alone. `organisation`: whose spreadsheet this is (a provider's): rows
 * without a rater are this provider's, as are provider rows without an organisation column value.
 */
export async function planScores(
  db: Kysely<Database>,
  sheet: Worksheet,
  version: SheetVersion,
  mapping: Record<string, number>,
  today: string,
  /** References a caseload worksheet of the same import creates (with the name): known by the time it runs. */
  pending: ReadonlyMap<string, string> = new Map(),
  organisation: string | null = null,
): Promise<ScoresPlan> {
  const clients = new Map((await clientsByReference(db)).map((c) => [c.reference ?? '', c]));
  const existing = new Set(
    (
      await db
        .selectFrom('scoring as s')
        .innerJoin('sheet_version as v', 'v.id', 's.version_id')
        .select(['s.client_id', 's.scored_on', 's.scored_by', 's.organisation'])
        .where('v.sheet_id', '=', version.sheetId)
        .where('s.deleted_at', 'is', null)
        .execute()
    ).map((s) => raterKey(s.client_id, s.scored_on, s.scored_by, s.organisation)),
  );
  const { index: headerIndex } = headerRow(sheet);
  const seen = new Set<string>();
  const rows: ScoresPlanRow[] = [];

  sheet.rows.forEach((cells, i) => {
    if (i <= headerIndex) return;
    const cell = (field: string) => (mapping[field] === undefined ? null : (cells[mapping[field]] ?? null));
    const text = (field: string) => cellText(cell(field));
    const issues: RowIssue[] = [];
    const reference = text('reference');
    const client = reference ? clients.get(reference) : undefined;
    const values = version.indicators
      .filter((indicator) => mapping[indicator.key] !== undefined)
      .map((indicator) => {
        if (text(indicator.key) === '') return { indicatorId: indicator.id, indicatorKey: indicator.key, value: null };
        const value = parseIntegerCell(cell(indicator.key));
        if (value === null) issues.push({ field: indicator.name, rule: 'invalid', value: text(indicator.key) });
        else if (value < indicator.scaleMin || value > indicator.scaleMax)
          issues.push({ field: indicator.name, rule: 'out_of_scale', value: text(indicator.key) });
        return { indicatorId: indicator.id, indicatorKey: indicator.key, value };
      });
    const empty = reference === '' && text('date') === '' && values.every((v) => v.value === null);
    if (empty) {
      rows.push({
        line: i + 1,
        action: 'empty',
        label: '',
        issues: [],
        clientId: null,
        caseworkerId: null,
        date: null,
        scoredBy: 'caseworker',
        organisation: null,
        values: [],
      });
      return;
    }
    if (reference === '') issues.push({ field: 'reference', rule: 'required', value: '' });
    else if (!client && !pending.has(reference)) issues.push({ field: 'reference', rule: 'unknown', value: reference });
    const date = parseDateCell(cell('date'), today);
    if (text('date') === '') issues.push({ field: 'date', rule: 'required', value: '' });
    else if (!date) issues.push({ field: 'date', rule: 'date', value: text('date') });
    else if (date > today) issues.push({ field: 'date', rule: 'future_date', value: text('date') });
    const scoredBy =
      text('scoredBy') === ''
        ? text('organisation') || organisation
          ? 'provider'
          : 'caseworker'
        : SCORED_BY[nameKey(text('scoredBy'))];
    if (!scoredBy) issues.push({ field: 'scoredBy', rule: 'invalid', value: text('scoredBy') });
    const rater = scoredBy === 'provider' ? text('organisation') || organisation : null;
    if (scoredBy === 'provider' && !rater) issues.push({ field: 'organisation', rule: 'required', value: '' });
    if (values.every((v) => v.value === null) && issues.length === 0)
      issues.push({ field: 'scores', rule: 'required', value: '' });

    const key = raterKey(client?.id ?? reference, date ?? '', scoredBy ?? '', rater);
    if (seen.has(key)) issues.push({ field: 'date', rule: 'duplicate', value: text('date') });
    seen.add(key);
    const name = client ? `${client.firstName} ${client.lastName}` : pending.get(reference);
    const label = name ? `${name} · ${reference}` : reference;
    const action =
      issues.length > 0
        ? 'error'
        : client && date && existing.has(raterKey(client.id, date, scoredBy ?? '', rater))
          ? 'unchanged'
          : 'create';
    rows.push({
      line: i + 1,
      action,
      label,
      issues,
      clientId: client?.id ?? null,
      caseworkerId: client?.caseworkerId ?? null,
      date,
      scoredBy: scoredBy ?? 'caseworker',
      organisation: rater,
      values,
    });
  });
  return { rows };
}

/** Writes the planned scorings; returns how many. */
export async function importScores(
  db: Transaction<Database>,
  plan: ScoresPlan,
  version: SheetVersion,
  at: string,
  by: string | null,
): Promise<number> {
  let created = 0;
  for (const row of plan.rows) {
    if (row.action !== 'create' || !row.clientId || !row.date) continue;
    await insertScoring(
      db,
      {
        clientId: row.clientId,
        versionId: version.id,
        date: row.date,
        scoredBy: row.scoredBy,
        organisation: row.organisation,
        caseworkerId: row.caseworkerId,
        scores: row.values.map((v) => ({ ...v, comment: null })),
      },
      at,
      by,
    );
    created += 1;
  }
  return created;
}
