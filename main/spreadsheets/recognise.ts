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

/**
 * What a worksheet of a workbook holds, from its headers: closed cases (a reference and a closing
 * date), a caseload (a reference and a name), or past scorings (a reference, a date and at least one
 * indicator of a published sheet). Anything else (notes, a legend) is not recognised.
 */
export function recogniseWorksheet(sheet: Worksheet, versions: readonly SheetVersion[]): Recognised {
  const { index, headers } = headerRow(sheet);
  if (index < 0) return { kind: null, versionId: null };
  const closures = suggestMapping(headers, CLOSURE_SYNONYMS);
  if (closures.reference !== undefined && closures.closedOn !== undefined) return { kind: 'closures', versionId: null };
  const caseload = suggestMapping(headers, CASELOAD_SYNONYMS);
  const named = caseload.fullName !== undefined || caseload.firstName !== undefined || caseload.lastName !== undefined;
  if (caseload.reference !== undefined && named) return { kind: 'caseload', versionId: null };
  let best: { versionId: string; indicators: number } | null = null;
  for (const version of versions) {
    const mapping = suggestMapping(headers, scoresSynonyms(version.indicators));
    if (mapping.reference === undefined || mapping.date === undefined) continue;
    const indicators = version.indicators.filter((i) => mapping[i.key] !== undefined).length;
    if (indicators > 0 && (!best || indicators > best.indicators)) best = { versionId: version.id, indicators };
  }
  return best ? { kind: 'scores', versionId: best.versionId } : { kind: null, versionId: null };
}
