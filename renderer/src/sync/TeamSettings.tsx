import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './sync.css';
import type { JoinEntry, JoinPreview, TeamSyncStatus } from '../../../common/contract';
import { describeError } from '../errors';
import { remote, useMutate } from '../query';
import { href } from '../router';
import { Dialog } from '../ui/Dialog';
import { ErrorSummary, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/useAction';
import { useSyncSentence } from './SyncIndicator';

/** Settings › Team: join a team (sign in through the browser), or, joined: the status, sign out or in, leave. */
export function TeamSettings() {
  const { t } = useTranslation();
  const query = useQuery(remote('sync.status', {}));
  const status = query.data;
  const action = useAction();
  return (
    <section className="settings-section" aria-labelledby="team-sync-title">
      <h2 id="team-sync-title">{t('sync.settings.title')}</h2>
      {!status ? (
        <Loading of={query} />
      ) : status.team ? (
        <Member status={status} team={status.team} action={action} />
      ) : (
        <JoinTeam action={action} intro={t('sync.settings.alone')} />
      )}
      <StatusLine of={action} />
    </section>
  );
}

/** The address and "sign in and join": in Settings › Team, and on the first-run screen. */
export function JoinTeam({ action, intro }: { action: ReturnType<typeof useAction>; intro: string }) {
  const joining = useQuery(remote('sync.status', {})).data?.joining;
  return joining ? <JoinPreviewPanel preview={joining} action={action} /> : <JoinForm action={action} intro={intro} />;
}

function JoinForm({ action, intro }: { action: ReturnType<typeof useAction>; intro: string }) {
  const { t } = useTranslation();
  const join = useMutate('sync.join');
  const cancel = useMutate('sync.cancelSignIn');
  const [serverUrl, setServerUrl] = useState('');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void action.perform(async () => {
      const joined = await join.mutateAsync({ serverUrl });
      // With clients on the laptop she sees the preview first: nothing to announce yet.
      return joined.joining ? '' : t('sync.settings.joined', { team: joined.team?.teamName ?? '' });
    });
  };
  return (
    <>
      <p className="hint">{intro}</p>
      <form onSubmit={submit} className="team-join">
        <TextField
          label={t('sync.settings.server')}
          hint={t('sync.settings.serverHint')}
          name="serverUrl"
          value={serverUrl}
          onChange={setServerUrl}
        />
        <div className="toolbar">
          <button type="submit" disabled={join.isPending || serverUrl.trim() === ''}>
            {t('sync.settings.join')}
          </button>
          {join.isPending && (
            <button type="button" className="secondary" onClick={() => void cancel.mutateAsync({})}>
              {t('sync.settings.cancel')}
            </button>
          )}
        </div>
        {join.isPending && <p role="status">{t('sync.settings.waiting')}</p>}
      </form>
    </>
  );
}

/**
 * A join with clients on the laptop, signed in and waiting for her yes: what goes to the team,
 * what becomes hers, what the team's lists replace, adds or drops, and what the team lacks (then
 * she cannot join yet). Nothing is sent before "Send and join".
 */
function JoinPreviewPanel({ preview, action }: { preview: JoinPreview; action: ReturnType<typeof useAction> }) {
  const { t, i18n } = useTranslation();
  const confirm = useMutate('sync.confirmJoin');
  const cancel = useMutate('sync.cancelJoin');
  const kinds: Record<JoinEntry['kind'], string> = {
    caseworker: t('sync.joinPreview.kinds.caseworker'),
    target_group: t('sync.joinPreview.kinds.target_group'),
    stage: t('sync.joinPreview.kinds.stage'),
    closure_reason: t('sync.joinPreview.kinds.closure_reason'),
    sheet: t('sync.joinPreview.kinds.sheet'),
    sheet_version: t('sync.joinPreview.kinds.sheet_version'),
  };
  const nameOf = (entry: JoinEntry, name = entry.name, defaultKey = entry.defaultKey): string => {
    if (name === null && defaultKey) {
      const key = `defaults.${entry.kind}.${defaultKey}`;
      return i18n.exists(key) ? t(key as 'defaults.stage.intake') : defaultKey;
    }
    if (entry.kind === 'sheet_version') return t('sync.joinPreview.version', { name, number: entry.number });
    return name ?? '';
  };
  const line = (entry: JoinEntry) => `${kinds[entry.kind]}: ${nameOf(entry)}`;
  /** One line per kind: "Stage: Intake, Plan → Making the plan, …" (the team's name where it differs). */
  const shown = (e: JoinEntry) => {
    const here = nameOf(e);
    const team = e.teamName === null && e.teamDefaultKey === null ? here : nameOf(e, e.teamName, e.teamDefaultKey);
    return here === team ? here : `${here} → ${team}`;
  };
  const byKind = (entries: readonly JoinEntry[]): { kind: JoinEntry['kind']; names: string[] }[] => {
    const groups = new Map<JoinEntry['kind'], string[]>();
    for (const entry of entries) groups.set(entry.kind, [...(groups.get(entry.kind) ?? []), shown(entry)]);
    return [...groups].map(([kind, names]) => ({ kind, names }));
  };
  const names = (group: { kind: JoinEntry['kind']; names: string[] }) =>
    `${kinds[group.kind]}: ${group.names.join(', ')}`;
  const blocked = preview.missing.length > 0;
  const list = <T,>(title: string, entries: readonly T[], render: (e: T) => string, hint?: string) =>
    entries.length > 0 && (
      <section className="join-list" aria-label={title}>
        <h4>{title}</h4>
        {hint && <p className="hint">{hint}</p>}
        <ul>
          {entries.map((entry, n) => (
            <li key={n}>{render(entry)}</li>
          ))}
        </ul>
      </section>
    );
  return (
    <div className="join-preview">
      <h3>{t('sync.joinPreview.title', { team: preview.teamName })}</h3>
      <p>
        {t('sync.joinPreview.clients', { count: preview.clients })}{' '}
        {preview.households > 0 && t('sync.joinPreview.households', { count: preview.households })}{' '}
        {t('sync.joinPreview.nothingSent')}
      </p>
      {blocked && (
        <div role="alert" className="join-missing">
          {list(
            t('sync.joinPreview.missingTitle'),
            preview.missing,
            (e) => `${line(e)} (${t('sync.joinPreview.uses', { count: e.count })})`,
            t('sync.joinPreview.missingHint'),
          )}
        </div>
      )}
      {list(
        t('sync.joinPreview.reassignedTitle'),
        preview.reassigned,
        (e) =>
          e.name === null
            ? t('sync.joinPreview.nobodys', { count: e.count })
            : t('sync.joinPreview.reassignedOf', { name: e.name, count: e.count }),
        t('sync.joinPreview.reassignedHint'),
      )}
      {list(t('sync.joinPreview.addedTitle'), byKind(preview.added), names)}
      {list(t('sync.joinPreview.matchedTitle'), byKind(preview.matched), names)}
      {list(t('sync.joinPreview.droppedTitle'), byKind(preview.dropped), names)}
      <div className="toolbar">
        <button
          type="button"
          disabled={blocked || confirm.isPending}
          onClick={() =>
            void action.perform(async () => {
              const joined = await confirm.mutateAsync({ confirm: true });
              return t('sync.joinPreview.joined', { team: joined.team?.teamName ?? preview.teamName });
            })
          }
        >
          {t('sync.joinPreview.confirm')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={confirm.isPending}
          onClick={() =>
            void action.perform(async () => {
              await cancel.mutateAsync({});
              return t('sync.joinPreview.cancelled');
            })
          }
        >
          {t('sync.joinPreview.cancel')}
        </button>
      </div>
    </div>
  );
}

function Member({
  status,
  team,
  action,
}: {
  status: TeamSyncStatus;
  team: NonNullable<TeamSyncStatus['team']>;
  action: ReturnType<typeof useAction>;
}) {
  const { t } = useTranslation();
  const sentence = useSyncSentence(status);
  const syncNow = useMutate('sync.now');
  const signIn = useMutate('sync.signIn');
  const signOut = useMutate('sync.signOut');
  const cancel = useMutate('sync.cancelSignIn');
  const [leaving, setLeaving] = useState(false);
  return (
    <>
      <p>{t('sync.settings.member', { team: team.teamName, server: team.serverUrl, role: t(`roles.${team.role}`) })}</p>
      <p className="sync-sentence" data-problem={status.problem ?? undefined}>
        {sentence}
      </p>
      {status.notices > 0 && (
        <p>
          {t('sync.status.notices', { count: status.notices })} —{' '}
          <a href={href({ page: 'conflicts' })}>{t('sync.inbox.link')}</a>
        </p>
      )}
      <div className="toolbar">
        {status.signedIn ? (
          <>
            <button type="button" disabled={status.syncing} onClick={() => void syncNow.mutateAsync({})}>
              {t('sync.settings.syncNow')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void action.perform(async () => {
                  await signOut.mutateAsync({});
                  return t('sync.settings.signedOut');
                })
              }
            >
              {t('sync.settings.signOut')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              disabled={signIn.isPending}
              onClick={() =>
                void action.perform(async () => {
                  await signIn.mutateAsync({});
                  return t('sync.settings.signedIn');
                })
              }
            >
              {t('sync.settings.signIn')}
            </button>
            {signIn.isPending && (
              <button type="button" className="secondary" onClick={() => void cancel.mutateAsync({})}>
                {t('sync.settings.cancel')}
              </button>
            )}
          </>
        )}
        <button type="button" className="secondary danger" onClick={() => setLeaving(true)}>
          {t('sync.settings.leave')}
        </button>
      </div>
      {signIn.isPending && <p role="status">{t('sync.settings.waiting')}</p>}
      <p className="hint">{t('sync.settings.signOutHint')}</p>
      <p className="hint">{t('sync.settings.leaveHint')}</p>
      {leaving && <LeaveDialog team={team.teamName} waiting={status.waiting} onClose={() => setLeaving(false)} />}
    </>
  );
}

/** Asks before leaving; once left, Koers has no caseworker and starts as new (first run). */
function LeaveDialog({ team, waiting, onClose }: { team: string; waiting: number; onClose(): void }) {
  const { t } = useTranslation();
  const leave = useMutate('sync.leave');
  const [error, setError] = useState<string>();
  const confirm = async () => {
    try {
      await leave.mutateAsync({ confirm: true });
    } catch (failure) {
      setError(describeError(t, failure).summary);
    }
  };
  return (
    <Dialog title={t('sync.settings.leaveTitle', { team })} onClose={onClose}>
      <p>{t('sync.settings.leaveBody')}</p>
      {waiting > 0 && <p role="alert">{t('sync.settings.leaveLoses', { count: waiting })}</p>}
      <ErrorSummary message={error} />
      <div className="form-footer">
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={leave.isPending} onClick={() => void confirm()}>
          {t('sync.settings.leaveConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
