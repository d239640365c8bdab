/** What a key does while presenting: one client on, one back, or leave the presentation. */
export type Move = 'next' | 'previous' | 'leave';

const KEYS: Readonly<Record<string, Move>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Escape: 'leave',
};

/** The move for a `KeyboardEvent.key`, or null for any other key (left to the browser). */
export function moveForKey(key: string): Move | null {
  return Object.hasOwn(KEYS, key) ? (KEYS[key] ?? null) : null;
}

/** The index after stepping; stays on the first and last client instead of wrapping round. */
export function step(index: number, count: number, move: 'next' | 'previous'): number {
  if (count <= 0) return 0;
  const next = move === 'next' ? index + 1 : index - 1;
  return Math.min(count - 1, Math.max(0, next));
}

/** "3 / 5": the position shown to the room, counted from one. */
export function position(index: number, count: number): { current: number; total: number } {
  return { current: count === 0 ? 0 : index + 1, total: count };
}
