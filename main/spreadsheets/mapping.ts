import { nameKey } from '../../common/fold';

/** Which column (0-based) holds which field; a field left out is not imported. */
export type ColumnMapping<F extends string> = Partial<Record<F, number>>;

/**
 * A first guess from the header names: each field takes the first column whose
 * name is one of its known names (Dutch, Danish, English), each column once.
 */
export function suggestMapping<F extends string>(
  headers: readonly string[],
  synonyms: Readonly<Record<F, readonly string[]>>,
): ColumnMapping<F> {
  const keys = headers.map(nameKey);
  const used = new Set<number>();
  const mapping: ColumnMapping<F> = {};
  for (const field of Object.keys(synonyms) as F[]) {
    const names = new Set(synonyms[field].map(nameKey));
    const column = keys.findIndex((key, i) => !used.has(i) && key !== '' && names.has(key));
    if (column >= 0) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

/** The same headers (in any case or accenting) give the same signature: the remembered mapping fits. */
export function headerSignature(kind: string, headers: readonly string[]): string {
  return `${kind}|${headers.map(nameKey).join('|')}`;
}
