import { v7 } from 'uuid';

/** Time-ordered UUIDv7 primary keys: sortable, mergeable across laptops, never a rowid. */
export function newId(): string {
  return v7();
}
