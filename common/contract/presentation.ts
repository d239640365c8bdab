import { z } from 'zod';
import { id } from './fields';

/** Schemas and stepping rules of the meeting presentation, shared by main and the renderer. */

export const displaySchema = z.object({
  id: z.number().int(),
  /** The name the OS gives the screen; may be empty. */
  label: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** The screen the Koers window is on: the caseworker's own. */
  current: z.boolean(),
});

/** A presentation on another display; the laptop's window keeps the list. */
export const presentationStateSchema = z.object({
  clientIds: z.array(z.string()),
  showNames: z.boolean(),
  index: z.number().int(),
  displayId: z.number().int(),
});

export const presentationStartSchema = z.strictObject({
  clientIds: z.array(id).min(1).max(500),
  showNames: z.boolean(),
  displayId: z.number().int(),
});

export const moveSchema = z.enum(['next', 'previous', 'first', 'last']);

export type Display = z.output<typeof displaySchema>;
export type PresentationState = z.output<typeof presentationStateSchema>;
export type Move = z.output<typeof moveSchema>;

const KEYS: Readonly<Record<string, Move | 'leave'>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'leave',
};

/** What a key does while presenting (clickers send Page Up/Down), or null: left to the browser. */
export function moveForKey(key: string): Move | 'leave' | null {
  return Object.hasOwn(KEYS, key) ? (KEYS[key] ?? null) : null;
}

/** The index after a move; stays on the first and last client instead of wrapping round. */
export function step(index: number, count: number, move: Move): number {
  if (count <= 0) return 0;
  const next = move === 'next' ? index + 1 : move === 'previous' ? index - 1 : move === 'first' ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, next));
}

/** "3 / 5": the position shown to the room, counted from one. */
export function position(index: number, count: number): { current: number; total: number } {
  return { current: count === 0 ? 0 : index + 1, total: count };
}
