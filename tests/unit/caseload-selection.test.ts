import { describe, expect, it } from 'vitest';
import { createSelection, selectedRows } from '../../renderer/src/caseload/selection';

const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));

describe('the caseload selection', () => {
  it('toggles a row, and tells its listeners once per change with a new set', () => {
    const selection = createSelection();
    const seen: ReadonlySet<string>[] = [];
    const stop = selection.subscribe(() => seen.push(selection.current()));
    selection.toggle('b');
    selection.toggle('d');
    selection.toggle('b');
    expect([...selection.current()]).toEqual(['d']);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    stop();
    selection.clear();
    expect(seen).toHaveLength(3);
  });

  it('ticks a range from the last row toggled, downwards and upwards, in the order shown', () => {
    const selection = createSelection();
    selection.toggle('b');
    selection.extendTo('d', rows);
    expect(selectedRows(rows, selection.current()).map((r) => r.id)).toEqual(['b', 'c', 'd']);
    selection.clear();
    selection.toggle('e');
    selection.extendTo('c', rows);
    expect(selectedRows(rows, selection.current()).map((r) => r.id)).toEqual(['c', 'd', 'e']);
    // Without an anchor a range is the row itself.
    selection.clear();
    selection.extendTo('a', rows);
    expect([...selection.current()]).toEqual(['a']);
  });

  it('ticks and unticks all rows shown, keeping the others; only the ticked rows shown are acted on', () => {
    const selection = createSelection();
    selection.toggle('z');
    selection.setAll(['a', 'b'], true);
    expect(selectedRows(rows, selection.current()).map((r) => r.id)).toEqual(['a', 'b']);
    selection.setAll(['a', 'b'], false);
    expect([...selection.current()]).toEqual(['z']);
    expect(selectedRows(rows, selection.current())).toEqual([]);
  });
});
