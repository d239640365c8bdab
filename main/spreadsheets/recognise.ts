import type { SheetVersion } from '../../common/contract';
import { CASELOAD_SYNONYMS } from './caseload-import';
import { CLOSURE_SYNONYMS } from './closures-import';
import { suggestMapping } from './mapping';
import { scoresSynonyms } from './scores-import';
import { headerRow, type Worksheet } from './workbook';

export type WorksheetKind = 'caseload' | 'scores' | 'closures';

export interface Recognised {
  kind: WorksheetKind | null;
  /** For past scorings: the published sheet version whose indicators the columns name most. */
  versionId: string | null;
}

/** Columns only a caseload has: a sheet with one of them is a caseload, whatever dates it also holds. */
const CASELOAD_ONLY = ['dateOfBirth', 'targetGroup', 'stage', 'caseworker', 'nextAction', 'phone', 'email'] as const;

/**
 * What a worksheet of a workbook holds, from its headers: past scorings (a reference, a date and at
 * least one indicator of a published sheet), closed cases (a reference and a closing date, and
 * nothing only a caseload has), or a caseload (a reference and a name). Anything else (notes, a
 * legend) is not recognised.
 */
export function recogniseWorksheet(sheet: Worksheet, versions: readonly SheetVersion[]): Recognised {
  const { index, headers } = headerRow(sheet);
  if (index < 0) return { kind: null, versionId: null };
  let best: { versionId: string; indicators: number } | null = null;
  for (const version of versions) {
    const mapping = suggestMapping(headers, scoresSynonyms(version.indicators));
    if (mapping.reference === undefined || mapping.date === undefined) continue;
    const indicators = version.indicators.filter((i) => mapping[i.key] !== undefined).length;
    if (indicators > 0 && (!best || indicators > best.indicators)) best = { versionId: version.id, indicators };
  }
  if (best) return { kind: 'scores', versionId: best.versionId };
  const caseload = suggestMapping(headers, CASELOAD_SYNONYMS);
  const closures = suggestMapping(headers, CLOSURE_SYNONYMS);
  if (
    closures.reference !== undefined &&
    closures.closedOn !== undefined &&
    CASELOAD_ONLY.every((field) => caseload[field] === undefined)
  )
    return { kind: 'closures', versionId: null };
  const named = caseload.fullName !== undefined || caseload.firstName !== undefined || caseload.lastName !== undefined;
  return caseload.reference !== undefined && named
    ? { kind: 'caseload', versionId: null }
    : { kind: null, versionId: null };
}
