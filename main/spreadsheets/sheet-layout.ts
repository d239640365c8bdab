import { contract, type FieldIssue, type SheetVersion } from '../../common/contract';
import { exportTexts } from '../../common/i18n/exports';
import { LANGUAGES, type Language } from '../../common/languages';
import { checkIndicators } from '../handlers/sheets';
import { AppError } from '../rpc/app-error';
import { toFieldIssue } from '../rpc/dispatch';
import { nameKey } from '../../common/fold';
import { parseIntegerCell } from './values';
import { cellText, headerRow, type Workbook } from './workbook';
import type { Table } from './write';

/**
 * The spreadsheet layout of a scoring sheet definition (documented in the README):
 * a worksheet of two columns (field, value) with the sheet's name and description,
 * and a worksheet with one row per level: indicator, indicator description, level,
 * label, level description. An indicator's name and description are on its first
 * level's row; the next rows may leave them empty. Its words are `sheetLayout` in
 * common/i18n/exports.ts; a file with the headers of any language is read back.
 */
const LANGS = LANGUAGES.map((language) => exportTexts[language].sheetLayout);
const INDICATOR_HEADERS = new Set(LANGS.map((l) => nameKey(l.columns.indicator)));
const NAME_KEYS = new Set(LANGS.map((l) => nameKey(l.name)));
const DESCRIPTION_KEYS = new Set(LANGS.map((l) => nameKey(l.description)));

export function sheetLayoutTables(version: SheetVersion, description: string | null, language: Language): Table[] {
  const l = exportTexts[language].sheetLayout;
  return [
    {
      name: l.info,
      columns: [
        { header: l.field, kind: 'text', width: 16 },
        { header: l.value, kind: 'text', width: 60 },
      ],
      chunks: [
        [
          [l.name, version.sheetName],
          [l.description, description],
        ],
      ],
    },
    {
      name: l.indicators,
      columns: [
        { header: l.columns.indicator, kind: 'text', width: 28 },
        { header: l.columns.indicatorDescription, kind: 'text', width: 40 },
        { header: l.columns.level, kind: 'integer', width: 8 },
        { header: l.columns.label, kind: 'text', width: 28 },
        { header: l.columns.levelDescription, kind: 'text', width: 60 },
      ],
      chunks: [
        version.indicators.flatMap((indicator) =>
          indicator.levels.map((level, n) => [
            n === 0 ? indicator.name : null,
            n === 0 ? indicator.description : null,
            level.value,
            level.label,
            level.description,
          ]),
        ),
      ],
    },
  ];
}

type Definition = {
  name: string;
  description: string | null;
  indicators: Array<{
    name: string;
    description: string | null;
    scaleMin: number;
    scaleMax: number;
    levels: Array<{ value: number; label: string; description: string | null }>;
  }>;
};

/** Reads the layout back; what does not fit is reported per field, like a form. */
export function readSheetLayout(workbook: Workbook): Definition | { issues: FieldIssue[] } {
  const levelsSheet = workbook.worksheets.find((sheet) =>
    INDICATOR_HEADERS.has(nameKey(headerRow(sheet).headers[0] ?? '')),
  );
  if (!levelsSheet) return { issues: [{ field: 'indicators', rule: 'required' }] };
  let name = '';
  let description: string | null = null;
  for (const sheet of workbook.worksheets) {
    if (sheet === levelsSheet) continue;
    for (const row of sheet.rows) {
      const key = nameKey(cellText(row[0]));
      if (NAME_KEYS.has(key) && !name) name = cellText(row[1]);
      if (DESCRIPTION_KEYS.has(key) && description === null) description = cellText(row[1]) || null;
    }
  }

  const issues: FieldIssue[] = [];
  const indicators: Definition['indicators'] = [];
  const { index } = headerRow(levelsSheet);
  for (const row of levelsSheet.rows.slice(index + 1)) {
    if (row.every((cell) => cellText(cell) === '')) continue;
    const indicatorName = cellText(row[0]);
    if (indicatorName || indicators.length === 0)
      indicators.push({
        name: indicatorName,
        description: cellText(row[1]) || null,
        scaleMin: 0,
        scaleMax: 0,
        levels: [],
      });
    const current = indicators[indicators.length - 1];
    const value = parseIntegerCell(row[2] ?? null);
    if (!current) continue;
    if (value === null) issues.push({ field: `indicators.${indicators.length - 1}.levels`, rule: 'invalid' });
    else current.levels.push({ value, label: cellText(row[3]), description: cellText(row[4]) || null });
  }
  for (const indicator of indicators) {
    const values = indicator.levels.map((l) => l.value);
    indicator.scaleMin = values.length > 0 ? Math.min(...values) : 0;
    indicator.scaleMax = values.length > 0 ? Math.max(...values) : 0;
  }
  // The same rules as the sheet editor: lengths, names, scales, one label per level.
  const parsed = contract['sheets.saveDraft'].input
    .pick({ name: true, description: true, indicators: true })
    .safeParse({ name, description, indicators });
  if (!parsed.success)
    issues.push(...parsed.error.issues.map((issue) => toFieldIssue(issue, { name, description, indicators })));
  else {
    try {
      checkIndicators(parsed.data.indicators);
    } catch (error) {
      if (error instanceof AppError) issues.push(...(error.details?.issues ?? []));
      else throw error;
    }
  }
  return issues.length > 0 ? { issues } : { name, description, indicators };
}
