import { useEffect, useRef } from 'react';
import './bulk.css';

/**
 * A tick box of the caseload's selection column. Row boxes stay out of the tab order:
 * the grid has one tab stop and Space ticks the focused row. `range` is true for a
 * Shift-click, which ticks every row from the last one ticked.
 */
export function SelectBox({
  checked,
  mixed = false,
  label,
  inTabOrder = false,
  onSelect,
}: {
  checked: boolean;
  mixed?: boolean;
  label: string;
  inTabOrder?: boolean;
  onSelect(range: boolean): void;
}) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="select-box"
      tabIndex={inTabOrder ? undefined : -1}
      checked={checked}
      aria-label={label}
      // Ticking is not opening: the row's click opens the client.
      onClick={(event) => event.stopPropagation()}
      // No text selection across the rows on a Shift-click.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
      onChange={(event) => onSelect((event.nativeEvent as MouseEvent).shiftKey === true)}
    />
  );
}
