import { useState, useSyncExternalStore } from 'react';

/**
 * The caseload rows ticked for a bulk action. Kept outside React state so that ticking
 * a row re-renders the grid and the bulk action bar only, never the page with its
 * filters and sorting, and a keystroke in the search never touches it.
 */
export interface Selection {
  subscribe(listener: () => void): () => void;
  /** The ticked ids; a new set after every change, so it can be compared by identity. */
  current(): ReadonlySet<string>;
  /** Ticks or unticks one row; it becomes the anchor of a range. */
  toggle(id: string): void;
  /** Ticks every id from the anchor (the last row toggled) to `id`, in the order shown; without anchor, `id` alone. */
  extendTo(id: string, shown: readonly { id: string }[]): void;
  /** Ticks (or unticks) all of these, e.g. every row the filters show. */
  setAll(ids: readonly string[], on: boolean): void;
  clear(): void;
}

export function createSelection(): Selection {
  let selected: ReadonlySet<string> = new Set();
  let anchor: string | null = null;
  const listeners = new Set<() => void>();
  const change = (next: Set<string>) => {
    selected = next;
    listeners.forEach((listener) => listener());
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current: () => selected,
    toggle(id) {
      const next = new Set(selected);
      if (!next.delete(id)) next.add(id);
      anchor = id;
      change(next);
    },
    extendTo(id, shown) {
      const from = anchor === null ? -1 : shown.findIndex((row) => row.id === anchor);
      const to = shown.findIndex((row) => row.id === id);
      if (to < 0) return;
      const start = from < 0 ? to : Math.min(from, to);
      const end = from < 0 ? to : Math.max(from, to);
      const next = new Set(selected);
      for (const row of shown.slice(start, end + 1)) next.add(row.id);
      anchor = id;
      change(next);
    },
    setAll(ids, on) {
      const next = new Set(selected);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      change(next);
    },
    clear() {
      anchor = null;
      if (selected.size > 0) change(new Set());
    },
  };
}

/** One selection for the lifetime of the component that owns it. */
export function useNewSelection(): Selection {
  const [selection] = useState(createSelection);
  return selection;
}

/** The ticked ids; re-renders the caller when they change. */
export function useSelected(selection: Selection): ReadonlySet<string> {
  return useSyncExternalStore(selection.subscribe, selection.current);
}

/** The rows shown that are ticked, in the order shown: what a bulk action acts on. */
export function selectedRows<T extends { id: string }>(rows: readonly T[], selected: ReadonlySet<string>): T[] {
  return selected.size === 0 ? [] : rows.filter((row) => selected.has(row.id));
}
