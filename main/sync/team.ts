import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { JoinPreview } from '../../common/contract/team-sync';
import type { JoinProblem, Role } from '../../common/enums';
import { type AccessExportAnswer, type PullAnswer, PROTOCOL_VERSION, type WhoAmI } from '../../common/sync/protocol';
import { syncedTable } from '../../common/sync/tables';
import type { Database } from '../../db/schema';
import { dropDeletedFromIndex } from '../../db/search/notes';
import { countQueued } from '../../db/queries/outbox';
import { dropLocalDefinitions, hasCaseData, removeTeamData } from '../../db/queries/sync-membership';
import { definitionsOfRows, joinWithData, localDefinitions } from '../../db/queries/sync-join';
import { type JoinPlan, planJoin } from '../../db/queries/sync-join-plan';
import { linkTeam, openNotices, syncedAt, type TeamLink, teamLink } from '../../db/queries/sync-state';
import { truncateWalRetrying } from '../../db/wal';
import { type SyncResult, syncOnce } from './engine';
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
  /** A join with the laptop's own clients, signed in and waiting for her yes. */
  joining: JoinPreview | null;
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
  /** Removes sign-ins kept beside this one (the command line's), when the laptop leaves the team. */
  forgetOtherSignIns(): Promise<void>;
  /** The caseworker the laptop works as while alone: her clients stay hers when it joins. */
  currentCaseworker(): string | null;
  onUnexpected(error: unknown): void;
}

export interface TeamSync {
  /** Starts the background sync when this laptop is a team's copy (the app, not the command line). */
  start(): Promise<void>;
  status(): Promise<TeamStatus>;
  /** Signs in and joins; a laptop with clients of its own gets a preview to confirm first. */
  join(serverUrl: string, page: ReturnPage): Promise<TeamStatus>;
  confirmJoin(): Promise<TeamStatus>;
  cancelJoin(): Promise<TeamStatus>;
  signIn(page: ReturnPage): Promise<TeamStatus>;
  cancelSignIn(): void;
  signOut(): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  syncNow(): void;
  /** One push and pull now, answered when done (the command line); throws SyncError. */
  syncOnce(): Promise<SyncResult>;
  /** A key person's access export of one client from the team server's data; throws SyncError. */
  accessExport(clientId: string): Promise<AccessExportAnswer>;
  /** A local write was captured. */
  changed(): void;
  close(): Promise<void>;
}

/** A laptop that works alone: nothing to synchronise. */
const ALONE: TeamStatus = {
  joining: null,
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

type TeamRows = Extract<PullAnswer, { kind: 'changes' }>['rows'];

interface Wired {
  session: TeamSession;
  transport: Transport;
  scheduler: SyncScheduler;
  started: boolean;
}

/** Bounds on reading the team's lists for a join's preview: far beyond a real team. */
const MAX_PREVIEW_PAGES = 1_000;

/**
 * The team's lists, people and sheets, read page by page without keeping anything: what a
 * laptop with its own clients is matched against before she says yes.
 */
async function teamDefinitionRows(transport: Transport, schema: string, deviceId: string): Promise<TeamRows> {
  const rows: TeamRows = [];
  let cookie = null;
  for (let page = 0; page < MAX_PREVIEW_PAGES; page++) {
    const answer: PullAnswer = await transport.pull({ protocol: PROTOCOL_VERSION, schema, deviceId, cookie });
    if (answer.kind === 'update')
      throw new SyncError(answer.who === 'app' ? 'update-app' : 'update-server', 'Update needed');
    if (answer.kind === 'reset') throw new SyncError('server', 'The server reset a pull that started from nothing');
    rows.push(...answer.rows.filter((r) => syncedTable(r.table).scope === 'team'));
    if (!answer.more) return rows;
    cookie = answer.cookie;
  }
  throw new SyncError('server', "Reading the team's lists did not finish within its bounds");
}

export function createTeamSync(deps: TeamDeps): TeamSync {
  let linked: Wired | null = null;
  let waiting: {
    candidate: Wired;
    who: WhoAmI;
    link: TeamLink;
    teamRows: TeamRows;
    plan: JoinPlan;
  } | null = null;
  let signingIn: AbortController | null = null;
  /** Started by the app (start()): signing in again resumes the background sync. */
  let background = false;
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
    if (!link)
      return waiting
        ? { ...ALONE, joining: { teamName: waiting.who.teamName, role: waiting.who.role, ...waiting.plan.preview } }
        : ALONE;
    linked ??= wire(link.serverUrl);
    return {
      joining: null,
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

  /** Signed in to the server at `text` as one of its team's caseworkers, on the same schema. */
  const signedInMember = async (text: string, page: ReturnPage) => {
    const serverUrl = teamServerUrl(text);
    if (!serverUrl) throw new JoinRefused('address', 'The address must start with https://');
    const candidate = wire(serverUrl);
    await signInThrough(candidate.session, page);
    let who: WhoAmI;
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
    return { serverUrl, candidate, who };
  };

  const planFor = async (teamRows: TeamRows, who: WhoAmI): Promise<JoinPlan> => {
    const here = await localDefinitions(deps.db);
    return planJoin({
      local: here.definitions,
      team: definitionsOfRows(teamRows),
      use: here.use,
      role: who.role,
      currentLocal: deps.currentCaseworker(),
      me: who.caseworkerId,
    });
  };

  /** A join waiting for her yes is dropped: signed out, nothing was written. */
  const dropWaiting = async () => {
    const join = waiting;
    waiting = null;
    await join?.candidate.session.signOut();
  };

  const startScheduler = (current: NonNullable<typeof linked>) => {
    if (current.started) return;
    current.started = true;
    current.scheduler.start();
  };

  return {
    async start() {
      background = true;
      const current = await connect();
      if (current) startScheduler(current);
      // A join left unconfirmed when Koers closed: its sign-in is of no use.
      else await deps.secrets.clear();
    },
    status,
    async join(text, page) {
      if (await teamLink(deps.db)) throw new JoinRefused('already-joined', 'This laptop is a team member already');
      await dropWaiting();
      const { serverUrl, candidate, who } = await signedInMember(text, page);
      const link = {
        serverUrl,
        teamId: who.teamId,
        teamName: who.teamName,
        caseworkerId: who.caseworkerId,
        role: who.role,
        deviceId: `koers-${randomUUID()}`,
      };
      if (await hasCaseData(deps.db)) {
        // Her clients go up only after she has seen what becomes of them: nothing is written yet.
        try {
          const teamRows = await teamDefinitionRows(candidate.transport, deps.schema, link.deviceId);
          waiting = { candidate, who, link, teamRows, plan: await planFor(teamRows, who) };
        } catch (error) {
          await candidate.session.signOut();
          throw joinProblem(error);
        }
        return status();
      }
      await linkTeam(deps.db, link);
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
    async confirmJoin() {
      const join = waiting;
      if (!join) throw new JoinRefused('no-join-waiting', 'No join is waiting to be confirmed');
      // Taken at once: a second click, or a cancel, finds nothing waiting while this one runs.
      waiting = null;
      try {
        if (await teamLink(deps.db)) throw new JoinRefused('already-joined', 'This laptop is a team member already');
        // Afresh, both sides: she may have worked on since the preview, and so may the key person.
        join.teamRows = await teamDefinitionRows(join.candidate.transport, deps.schema, join.link.deviceId).catch(
          (error: unknown) => {
            throw joinProblem(error);
          },
        );
        join.plan = await planFor(join.teamRows, join.who);
        if (join.plan.preview.missing.length > 0)
          throw new JoinRefused('missing-on-team', 'Her clients use lists or sheets the team does not have');
        await joinWithData(deps.db, { mapping: join.plan.mapping, teamRows: join.teamRows, link: join.link });
      } catch (error) {
        // Still waiting for her: the preview as it is now says why.
        waiting ??= join;
        throw error;
      }
      linked = join.candidate;
      deps.onCaseworker(join.who.caseworkerId);
      try {
        await sync(join.candidate.transport);
      } catch {
        // Joined all the same: her changes are queued, and the status line says why they wait.
      }
      deps.onPulled();
      startScheduler(join.candidate);
      return status();
    },
    async cancelJoin() {
      await dropWaiting();
      return status();
    },
    async signIn(page) {
      const current = await connect();
      if (!current) throw new JoinRefused('not-a-member', 'This laptop is not a team member');
      await signInThrough(current.session, page);
      if (current.started) current.scheduler.now();
      // The app syncs in the background from then on; the command line signs in and nothing more.
      else if (background) startScheduler(current);
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
      // The command line's sign-in too: it is of this team, and of no use to the next.
      await deps.forgetOtherSignIns();
      deps.onCaseworker(null);
      deps.onPulled();
      return status();
    },
    syncNow() {
      linked?.scheduler.now();
    },
    async syncOnce() {
      const current = await connect();
      if (!current) throw new Error('This database is not a copy of a team');
      return sync(current.transport);
    },
    async accessExport(clientId) {
      const current = await connect();
      if (!current) throw new Error('This database is not a copy of a team');
      return current.transport.accessExport(clientId);
    },
    changed() {
      linked?.scheduler.changed();
    },
    async close() {
      signingIn?.abort();
      waiting = null;
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
