import type { Tracked } from './schema';

/**
 * The audit columns, written the same way by every query and the demo generator.
 * `at` is an ISO timestamp; `by` the caseworker who acts (null before one exists).
 */

/** A new record of a Tracked table: made and last changed now, not deleted. */
export function tracked(at: string, by: string | null): Tracked {
  return { created_at: at, updated_at: at, updated_by: by, deleted_at: null };
}

/** A change to a Tracked record. */
export function updated(at: string, by: string | null): Pick<Tracked, 'updated_at' | 'updated_by'> {
  return { updated_at: at, updated_by: by };
}

/** A tombstone: shared records are marked deleted, not removed. */
export function removed(at: string, by: string | null): Pick<Tracked, 'deleted_at' | 'updated_at' | 'updated_by'> {
  return { deleted_at: at, updated_at: at, updated_by: by };
}

/** A record of something that happened (a stage change, a handover, a closure): written once, never changed. */
export function recorded(at: string, by: string | null): { created_at: string; created_by: string | null } {
  return { created_at: at, created_by: by };
}
