import { z } from 'zod';
import { SYNCED_TABLES, type SyncedTableName } from './tables';

/**
 * The team server's wire protocol, shared by the app and the server (neither imports the other).
 * Modelled on Replicache's push/pull: a laptop pushes numbered batches of changes, exactly once
 * and in order; it pulls everything newer than its cookie, a per-team version the server assigns.
 *
 * `schema` is the newest migration name both sides know the synced tables by (e.g.
 * "0009_meeting_list"): a laptop and a server on different schemas never exchange rows; the
 * older side is told to update, nothing is applied halfway.
 */
export const PROTOCOL_VERSION = 1;

/** Limits a well-behaved laptop stays within; the server refuses more. */
export const LIMITS = {
  batchesPerPush: 50,
  changesPerBatch: 500,
  pullPageRows: 5_000,
  /** Bytes of one request body: a batch of notes fits easily; a runaway one does not. */
  requestBytes: 4 * 1024 * 1024,
  /** Characters of one text value (a long note is ~10,000). */
  textChars: 100_000,
} as const;

const tableNames = SYNCED_TABLES.map((t) => t.name) as [SyncedTableName, ...SyncedTableName[]];
export const syncedTableName = z.enum(tableNames);

/** A column value as both databases store it: text (ISO dates included), a number, or nothing. */
export const cellValue = z.union([z.string().max(LIMITS.textChars), z.number(), z.null()]);
export type CellValue = z.infer<typeof cellValue>;

const columnName = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
/** A row by column name: the app's own columns only (never team_id or row_version). */
export const syncedRow = z.record(columnName, cellValue);
export type SyncedRow = z.infer<typeof syncedRow>;

const deviceId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const schemaName = z.string().regex(/^\d{4}_[a-z0-9_]+$/);
const version = z.number().int().min(0);

/**
 * One changed row. `put` carries the whole row (a tombstone is a put with `deleted_at` set);
 * `delete` carries the key only and is a privacy erasure, gone for real everywhere.
 * `baseVersion`: the row_version the laptop last saw of this row, null for a row it created.
 */
export const change = z.object({
  table: syncedTableName,
  op: z.enum(['put', 'delete']),
  row: syncedRow,
  baseVersion: version.nullable(),
});
export type Change = z.infer<typeof change>;

export const pushBatch = z.object({
  /** Numbered per device from 1, without gaps. */
  sequence: z.number().int().min(1),
  changes: z.array(change).min(1).max(LIMITS.changesPerBatch),
});
export type PushBatch = z.infer<typeof pushBatch>;

export const pushRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  schema: schemaName,
  deviceId,
  batches: z.array(pushBatch).min(1).max(LIMITS.batchesPerPush),
});
export type PushRequest = z.infer<typeof pushRequest>;

/** The two sides speak different schemas: who has to update. */
export const updateNeeded = z.object({ kind: z.literal('update'), who: z.enum(['app', 'server']) });

export const pushAnswer = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('applied'),
    /** The last batch the server has applied from this device (those sent now included). */
    lastSequence: version,
    changes: z.number().int().min(0),
    rejected: z.number().int().min(0),
    conflicts: z.number().int().min(0),
  }),
  /** A batch came after a gap: resend from `lastSequence + 1`, in order. Nothing was applied. */
  z.object({ kind: z.literal('gap'), lastSequence: version }),
  updateNeeded,
]);
export type PushAnswer = z.infer<typeof pushAnswer>;

/** Where a laptop's copy stands: the team's version it has everything up to, under one schema. */
export const cookie = z.object({ team: z.uuid(), version, schema: schemaName });
export type Cookie = z.infer<typeof cookie>;

export const pullRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  schema: schemaName,
  deviceId,
  cookie: cookie.nullable(),
  limit: z.number().int().min(1).max(LIMITS.pullPageRows).optional(),
});
export type PullRequest = z.infer<typeof pullRequest>;

/** A change of the laptop's the server kept out, addressed to its user. */
export const conflictNotice = z.object({
  id: z.string(),
  table: syncedTableName,
  /** What the laptop sent; the server's row comes with the pull as usual. */
  pushed: syncedRow,
  at: z.string(),
});
/** Why the server refused a change for good: no right to it, the client handed over meanwhile, a row it cannot take, a parent it does not have. */
export const REJECTION_REASONS = ['not-allowed', 'handed-over', 'invalid', 'missing-parent'] as const;
export const rejectionNotice = z.object({
  id: z.string(),
  table: syncedTableName,
  key: syncedRow,
  reason: z.enum(REJECTION_REASONS),
  at: z.string(),
});

export const pullAnswer = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changes'),
    cookie,
    /** Rows visible to the caller changed since the cookie, tombstones included, oldest first. */
    rows: z.array(z.object({ table: syncedTableName, row: syncedRow, version })),
    /** Rows erased for good since the cookie: their keys. */
    erased: z.array(z.object({ table: syncedTableName, key: syncedRow })),
    /** Clients the caller can no longer see (handed over, moved team): remove them and their rows. */
    revoked: z.array(z.string()),
    /** The last batch applied from this device, read in the same transaction as the rows. */
    lastSequence: version,
    conflicts: z.array(conflictNotice),
    rejections: z.array(rejectionNotice),
    /** More pages follow: pull again with the new cookie. */
    more: z.boolean(),
  }),
  /** The cookie is unknown, of another team or of an older schema: start over from nothing. */
  z.object({ kind: z.literal('reset') }),
  updateNeeded,
]);
export type PullAnswer = z.infer<typeof pullAnswer>;

/** What a refusal says, for the laptop to show and log (never personal data). */
export const refusal = z.object({
  error: z.enum([
    'unauthorised',
    'forbidden',
    'malformed',
    'conflict',
    'not-found',
    'too-large',
    'too-many',
    'unavailable',
    'internal',
  ]),
  message: z.string(),
});
export type Refusal = z.infer<typeof refusal>;

/**
 * Team membership, managed by the team's key persons: which signed-in person (the identity
 * provider's claim value) works as which of the team's caseworkers, in which role.
 */
export const member = z.object({
  subject: z.string().min(1).max(512),
  caseworkerId: z.string().min(1).max(64),
  role: z.enum(['caseworker', 'key_person']),
  disabled: z.boolean(),
});
export type Member = z.infer<typeof member>;
export const memberRequest = member.omit({ disabled: true });
export type MemberRequest = z.infer<typeof memberRequest>;

/** Who the signed-in caller is on this server: the laptop joins as this caseworker of this team. */
export const whoAmI = z.object({
  caseworkerId: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  role: z.enum(['caseworker', 'key_person']),
  schema: schemaName,
});
export type WhoAmI = z.infer<typeof whoAmI>;

/**
 * How a laptop signs in for this server, answered to anyone (GET /v1/sign-in): the organisation's
 * OpenID provider, Koers's client id there (a public native client, PKCE), what to ask for.
 */
export const signInInfo = z.object({
  issuer: z.url(),
  clientId: z.string().min(1).max(256),
  /** Space-separated, e.g. `openid offline_access api://koers-team-server/sync` (Entra ID). */
  scope: z.string().min(1).max(1_024),
  /** The API's resource indicator (RFC 8707), for providers that take one. */
  resource: z.string().min(1).max(1_024).optional(),
});
export type SignInInfo = z.infer<typeof signInInfo>;

/** A key person asks the team server for everything about one client (POST /v1/access-export). */
export const accessExportRequest = z.strictObject({ clientId: z.string().min(1).max(64) });
export type AccessExportRequest = z.infer<typeof accessExportRequest>;

/** A line of the server's audit log: who (a hash of the sign-in, and the caseworker), never content. */
export const auditEvent = z.object({
  id: z.string(),
  at: z.string(),
  user: z.string(),
  caseworkerId: z.string().nullable(),
  device: z.string().nullable(),
  action: z.string(),
  clientIds: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  outcome: z.string(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** The team's rows about the client by table (notes of every author included), and the audit lines naming it. */
export const accessExportAnswer = z.object({
  clientId: z.string(),
  records: z.partialRecord(syncedTableName, z.array(syncedRow)),
  audit: z.array(auditEvent),
});
export type AccessExportAnswer = z.infer<typeof accessExportAnswer>;
