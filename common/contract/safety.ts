import { z } from 'zod';
import { id, optionalDate } from './fields';

/** Schemas of backups, the audit log, privacy rights and the lock (methods are listed in ./index.ts). */

export const backupSchema = z.object({ fileName: z.string(), createdAt: z.string(), bytes: z.number().int() });
export const backupsSchema = z.object({
  /** Where backups go now, and where the database is: shown in settings for support. */
  folder: z.string(),
  customFolder: z.boolean(),
  databasePath: z.string(),
  /** This database's own backups: a folder inside `folder` named after the database's id. */
  ownFolder: z.string(),
  backups: z.array(backupSchema),
});
const fileName = z.string().regex(/^koers-\d{4}-\d{2}-\d{2}T\d{9}Z\.sqlite$/);
export const backupRefSchema = z.strictObject({ fileName });
/**
 * Why a backup cannot be restored: made by a newer Koers; not a Koers backup (another
 * file, or changed outside Koers); a backup of another database; damaged; or checking
 * it took too long.
 */
export const BACKUP_PROBLEMS = ['too_new', 'not_koers', 'other_database', 'damaged', 'timeout'] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];
/** What a backup holds, once it passed every check; or why it cannot be restored. */
export const backupCheckSchema = z.discriminatedUnion('usable', [
  z.object({ usable: z.literal(true), clients: z.number().int(), scorings: z.number().int(), notes: z.number().int() }),
  z.object({ usable: z.literal(false), problem: z.enum(BACKUP_PROBLEMS) }),
]);

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  result: z.string(),
});
export const auditFilterSchema = z.strictObject({
  actor: id.optional(),
  action: z.string().max(80).optional(),
  entityId: z.string().max(64).optional(),
  from: optionalDate,
  to: optionalDate,
  /** Entries older than this number (paging back). */
  before: z.number().int().optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export const auditCheckSchema = z.object({
  entries: z.number().int(),
  problems: z.array(
    z.object({ seq: z.number().int(), problem: z.enum(['edited', 'missing', 'truncated', 'rewritten']) }),
  ),
});

export const retentionRowSchema = z.object({
  clientId: z.string(),
  pseudonym: z.string(),
  name: z.string(),
  targetGroupId: z.string().nullable(),
  closedOn: z.string(),
  /** The date from which the case may be purged. */
  purgeFrom: z.string(),
});

/** What erasing a client does to their household (null: they have none). */
export const erasurePlanSchema = z.object({
  household: z
    .object({
      name: z.string(),
      otherMembers: z.number().int(),
      /** Its notes (not removed ones). */
      notes: z.number().int(),
      /** Erased with the client (they are its only member); otherwise it and its notes stay. */
      erased: z.boolean(),
    })
    .nullable(),
});

/** Four to twelve digits. */
export const pin = z.string().regex(/^\d{4,12}$/);
export const lockStatusSchema = z.object({
  locked: z.boolean(),
  hasPin: z.boolean(),
  minutes: z.number().int(),
  /** Seconds until the next PIN may be tried, after too many wrong ones; null: now. */
  waitSeconds: z.number().int().positive().nullable(),
});

export const DEFAULT_RETENTION_YEARS = 10;
