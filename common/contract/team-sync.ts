import { z } from 'zod';
import { ROLES, SYNC_PROBLEMS } from '../enums';

/** The laptop's membership of a team and its background sync, for Settings › Team and the status line. */
export const teamSyncStatusSchema = z.object({
  /** Null while Koers works alone. */
  team: z.object({ serverUrl: z.string(), teamName: z.string(), role: z.enum(ROLES) }).nullable(),
  /** A sign-in is kept, so the sync can run without the browser. */
  signedIn: z.boolean(),
  /** What keeps it from synchronising now. */
  problem: z.enum(SYNC_PROBLEMS).nullable(),
  syncing: z.boolean(),
  /** When the copy last took in everything the server had (ISO). */
  syncedAt: z.string().nullable(),
  /** Changes made here not yet on the server. */
  waiting: z.number().int().nonnegative(),
  /** When it tries again after a failure (ISO). */
  retryAt: z.string().nullable(),
  /** Conflicts and refusals waiting for the caseworker's choice. */
  notices: z.number().int().nonnegative(),
});
export type TeamSyncStatus = z.output<typeof teamSyncStatusSchema>;
