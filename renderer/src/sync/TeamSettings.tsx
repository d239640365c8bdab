import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './sync.css';
import type { TeamSyncStatus } from '../../../common/contract';
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
  const { t } = useTranslation();
  const join = useMutate('sync.join');
  const cancel = useMutate('sync.cancelSignIn');
  const [serverUrl, setServerUrl] = useState('');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void action.perform(async () => {
      const joined = await join.mutateAsync({ serverUrl });
      return t('sync.settings.joined', { team: joined.team?.teamName ?? '' });
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
