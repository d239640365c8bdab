import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed: between `beforeprint` and `afterprint` (Ctrl+P, the Print button),
 * or while print media is emulated. Pages render what only paper needs (all rows of a virtualised list)
 * just then, so the screen pays nothing for it.
 */
const listeners = new Set<() => void>();
let events = false;
let requested = 0;
const media = typeof window === 'undefined' ? null : window.matchMedia('print');

function notify(): void {
  // Synchronously: the print snapshot is taken right after `beforeprint` returns.
  flushSync(() => listeners.forEach((listener) => listener()));
}
function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    media?.addEventListener('change', notify);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('beforeprint', onBefore);
    window.removeEventListener('afterprint', onAfter);
    media?.removeEventListener('change', notify);
  };
}
function onBefore(): void {
  events = true;
  notify();
}
function onAfter(): void {
  events = false;
  notify();
}
const printing = () => events || requested > 0 || media?.matches === true;

export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, printing);
}

/** Renders the page for paper, then `print` (main's print dialog), then the screen again. */
export async function printPage(print: () => Promise<unknown>): Promise<void> {
  requested += 1;
  notify();
  try {
    await print();
  } finally {
    requested -= 1;
    notify();
  }
}
