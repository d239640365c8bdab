import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { JoinProblem, Role } from '../../common/enums';
import type { Database } from '../../db/schema';
import { dropDeletedFromIndex } from '../../db/search/notes';
import { countQueued } from '../../db/queries/outbox';
import { dropLocalDefinitions, hasCaseData, removeTeamData } from '../../db/queries/sync-membership';
import { linkTeam, openNotices, syncedAt, teamLink } from '../../db/queries/sync-state';
import { truncateWalRetrying } from '../../db/wal';
import { syncOnce } from './engine';
import { createSyncScheduler, type SyncScheduler, type SyncStatus, type Timers } from './scheduler';
import type { SecretStore } from './secrets';
import { createTeamSession, type TeamSession } from './session';
import { isSafeTeamUrl, type ReturnPage, SignInError } from './sign-in';
import { createTransport, SyncError, type Transport } from './transport';

/**
 * The laptop's membership of a team, for Settings › Team and the status line: join (sign in,
 * first pull), sign in again, sign out, leave; and the background sync while joined.
 */

export interface TeamStatus extends SyncStatus {
  team: { serverUrl: string; teamName: string; role: Role } | null;
  /** A sign-in is kept: the background sync can run. */
  signedIn: boolean;
  /** Conflicts and refusals waiting for the caseworker's choice. */
  notices: number;
}

export class JoinRefused extends Error {
  constructor(
    readonly problem: JoinProblem,
    message: string,
  ) {
    super(message);
    this.name = 'JoinRefused';
  }
}

export interface TeamDeps {
  db: Kysely<Database>;
  /** The newest migration of this database: the schema the server must share. */
  schema: string;
  secrets: SecretStore;
  openBrowser(url: string): Promise<void>;
  now(): Date;
  timers: Timers;
  onStatus(status: TeamStatus): void;
  /** Rows came in from the team: the screens load again. */
  onPulled(): void;
  /** The laptop now works as this caseworker of the team (null: left the team). */
  onCaseworker(caseworkerId: string | null): void;
  onUnexpected(error: unknown): void;
}

export interface TeamSync {
  /** Starts the background sync when this laptop is a team's copy (the app, not the command line). */
  start(): Promise<void>;
  status(): Promise<TeamStatus>;
  join(serverUrl: string, page: ReturnPage): Promise<TeamStatus>;
  signIn(page: ReturnPage): Promise<TeamStatus>;
  cancelSignIn(): void;
  signOut(): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  syncNow(): void;
  /** A local write was captured. */
  changed(): void;
  close(): Promise<void>;
}

/** A laptop that works alone: nothing to synchronise. */
const ALONE: TeamStatus = {
  team: null,
  signedIn: false,
  notices: 0,
  problem: null,
  syncing: false,
  syncedAt: null,
  waiting: 0,
  retryAt: null,
};

/** While a long pull runs, the screens load again at most this often. */
const REFRESH_MS = 1_000;

/** https, or http on this machine only (the demo server); the address as the server is reached. */
export function teamServerUrl(text: string): string | null {
  const url = URL.parse(text.trim());
  if (!url || url.username || url.password) return null;
  if (!isSafeTeamUrl(url)) return null;
  return url.origin;
}

export function createTeamSync(deps: TeamDeps): TeamSync {
  let linked: { session: TeamSession; transport: Transport; scheduler: SyncScheduler; started: boolean } | null = null;
  let signingIn: AbortController | null = null;
  let lastRefresh = 0;

  const wire = (serverUrl: string) => {
    const session = createTeamSession({ serverUrl, secrets: deps.secrets, now: () => deps.now().getTime() });
    const transport = createTransport({ serverUrl, token: session.token });
    const scheduler = createSyncScheduler({
      sync: () => sync(transport),
      stored: async () => ({ syncedAt: await syncedAt(deps.db), waiting: await countQueued(deps.db) }),
      timers: deps.timers,
      onStatus: () => void status().then(deps.onStatus, deps.onUnexpected),
      onUnexpected: deps.onUnexpected,
    });
    return { session, transport, scheduler, started: false };
  };

  const sync = async (transport: Transport) => {
    const result = await syncOnce({
      db: deps.db,
      transport,
      schema: deps.schema,
      now: deps.now,
      onApplied: () => {
        const at = deps.now().getTime();
        if (at - lastRefresh < REFRESH_MS) return;
        lastRefresh = at;
        deps.onPulled();
      },
    });
    if (result.pulled > 0) deps.onPulled();
    return result;
  };

  const connect = async () => {
    if (linked) return linked;
    const link = await teamLink(deps.db);
    if (!link) return null;
    linked = wire(link.serverUrl);
    return linked;
  };

  const status = async (): Promise<TeamStatus> => {
    const link = await teamLink(deps.db);
    if (!link) return ALONE;
    linked ??= wire(link.serverUrl);
    return {
      ...linked.scheduler.status(),
      // As stored: the scheduler's copy is refreshed only while it runs (not in the command line).
      syncedAt: await syncedAt(deps.db),
      waiting: await countQueued(deps.db),
      team: { serverUrl: link.serverUrl, teamName: link.teamName, role: link.role },
      signedIn: await linked.session.hasSignIn(),
      notices: (await openNotices(deps.db)).length,
    };
  };

  const signInThrough = async (session: TeamSession, page: ReturnPage) => {
    signingIn?.abort();
    const controller = new AbortController();
    signingIn = controller;
    try {
      await session.signIn({ openBrowser: deps.openBrowser, page, signal: controller.signal });
    } catch (error) {
      // Before the sign-in, the server's answer that is not understood is its sign-in address: no team server there.
      if (error instanceof SyncError && error.problem === 'server')
        throw new JoinRefused('not-a-server', error.message);
      throw joinProblem(error);
    } finally {
      if (signingIn === controller) signingIn = null;
    }
  };

  const startScheduler = (current: NonNullable<typeof linked>) => {
    if (current.started) return;
    current.started = true;
    current.scheduler.start();
  };

  return {
    async start() {
      const current = await connect();
      if (current) startScheduler(current);
    },
    status,
    async join(text, page) {
      if (await teamLink(deps.db)) throw new JoinRefused('already-joined', 'This laptop is a team member already');
      if (await hasCaseData(deps.db))
        throw new JoinRefused('has-clients', 'Joining with clients on this laptop is not possible yet');
      const serverUrl = teamServerUrl(text);
      if (!serverUrl) throw new JoinRefused('address', 'The address must start with https://');
      const candidate = wire(serverUrl);
      await signInThrough(candidate.session, page);
      let who;
      try {
        who = await candidate.transport.whoAmI();
      } catch (error) {
        await candidate.session.signOut();
        throw joinProblem(error);
      }
      if (who.schema !== deps.schema) {
        await candidate.session.signOut();
        const newer = who.schema > deps.schema;
        throw new JoinRefused(
          newer ? 'update-app' : 'update-server',
          newer ? 'The team server needs a newer Koers' : 'The team server needs an update for this Koers',
        );
      }
      await linkTeam(deps.db, {
        serverUrl,
        teamId: who.teamId,
        teamName: who.teamName,
        caseworkerId: who.caseworkerId,
        role: who.role,
        deviceId: `koers-${randomUUID()}`,
      });
      linked = candidate;
      try {
        await sync(candidate.transport);
      } catch (error) {
        // Nothing of the team stays half in: the laptop is as it was, but for its own lists.
        linked = null;
        await forgetTeam(deps.db, 'pulled');
        await candidate.session.signOut();
        throw joinProblem(error);
      }
      await dropLocalDefinitions(deps.db);
      deps.onCaseworker(who.caseworkerId);
      deps.onPulled();
      startScheduler(candidate);
      return status();
    },
    async signIn(page) {
      const current = await connect();
      if (!current) throw new JoinRefused('not-a-member', 'This laptop is not a team member');
      await signInThrough(current.session, page);
      if (current.started) current.scheduler.now();
      else startScheduler(current);
      return status();
    },
    cancelSignIn() {
      signingIn?.abort();
    },
    async signOut() {
      const current = await connect();
      await current?.session.signOut();
      current?.scheduler.now();
      return status();
    },
    async leave() {
      const current = await connect();
      if (current) {
        await current.scheduler.stop();
        await current.session.signOut();
      }
      linked = null;
      await forgetTeam(deps.db, 'all');
      deps.onCaseworker(null);
      deps.onPulled();
      return status();
    },
    syncNow() {
      linked?.scheduler.now();
    },
    changed() {
      linked?.scheduler.changed();
    },
    async close() {
      signingIn?.abort();
      await linked?.scheduler.stop();
    },
  };
}

function joinProblem(error: unknown): JoinRefused {
  if (error instanceof JoinRefused) return error;
  if (error instanceof SignInError) {
    const problem: JoinProblem =
      error.problem === 'unreachable' ? 'offline' : error.problem === 'refused' ? 'sign-in-refused' : error.problem;
    return new JoinRefused(problem, error.message);
  }
  if (error instanceof SyncError) {
    const problems: Record<SyncError['problem'], JoinProblem> = {
      offline: 'offline',
      busy: 'offline',
      'signed-out': 'sign-in-refused',
      'not-a-member': 'not-a-member',
      'update-app': 'update-app',
      'update-server': 'update-server',
      server: 'server-error',
    };
    return new JoinRefused(problems[error.problem], error.message);
  }
  throw error;
}

/** Removes the team's data, as an erasure does: the words leave the note index and the old pages the log. */
async function forgetTeam(db: Kysely<Database>, which: 'pulled' | 'all'): Promise<void> {
  await removeTeamData(db, which, letOthersIn);
  await dropDeletedFromIndex(db);
  await truncateWalRetrying(db);
}

function letOthersIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
