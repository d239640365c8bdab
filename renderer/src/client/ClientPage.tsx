import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressionChart } from '../charts/ProgressionChart';
import { ClientPrivacy } from '../safety/ClientPrivacy';
import { formatDate, languageName } from '../format';
import { weeksBetween } from '../../../common/dates';
import { NoteEditor } from '../notes/NoteEditor';
import { useNoteShortcut } from '../notes/useNoteShortcut';
import { href, navigate, useArrivalNotice } from '../router';
import { useSession } from '../session';
import { ScoringHistory } from '../scoring/ScoringHistory';
import { Consents } from '../consent/Consents';
import { StartClientMode } from '../client-mode/StartClientMode';
import { PrintPaperDialog } from '../papers/PrintPaperDialog';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { CloseDialog, HandoverDialog, ReopenDialog, StageDialog } from './CaseDialogs';
import { ClientFormDialog } from './ClientFormDialog';
import { Timeline } from './Timeline';
import { Todos } from './Todos';
import { Page } from '../ui/Page';
import { PrintButton } from '../ui/PrintButton';
import { StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/useAction';
import { useColleaguesClient } from '../sync/colleagues';

type Open = 'edit' | 'stage' | 'handover' | 'close' | 'reopen' | 'clientMode' | 'paper' | null;

/** `noteId`: a note to scroll to (from a search result). */
export function ClientPage({ id, noteId }: { id: string; noteId: string | undefined }) {
  const { t } = useTranslation();
  const session = useSession();
  const query = useQuery(remote('clients.get', { id }));
  const households = useQuery(remote('households.list', {}));
  const [open, setOpen] = useState<Open>(null);
  const [adding, setAdding] = useState(false);
  // Coming back from scoring, the page says the scoring is saved.
  const outcome = useAction(useArrivalNotice());
  const [writing, setWriting] = useState(false);
  const client = query.data;
  const readOnly = useColleaguesClient(client?.caseworkerId ?? null);
  useNoteShortcut(useCallback(() => !readOnly && setWriting(true), [readOnly]));

  if (!client) return <Loading of={query} />;

  const lang = session.language;
  const household = households.data?.find((h) => h.id === client.householdId);
  const name = `${client.firstName} ${client.lastName}`;
  const done = (message?: string) => {
    setOpen(null);
    outcome.announce(message ?? t('common.saved'));
  };
  const facts: Array<[string, ReactNode]> = [
    [
      t('fields.reference'),
      client.reference ? (
        <span className="mono">{client.reference}</span>
      ) : (
        <span className="muted">{t('common.none')}</span>
      ),
    ],
    [t('fields.dateOfBirth'), client.dateOfBirth ? formatDate(client.dateOfBirth, lang) : ''],
    [t('fields.phone'), client.phone ?? ''],
    [t('fields.email'), client.email ?? ''],
    [t('fields.targetGroupId'), session.labelOf(client.targetGroupId)],
    [
      t('fields.stageId'),
      client.stageId ? (
        <>
          {session.labelOf(client.stageId)}{' '}
          {client.stageSince && (
            <span className="muted">
              {t('client.inStageSince', {
                date: formatDate(client.stageSince, lang),
                weeks: weeksBetween(client.stageSince, session.info.today),
              })}
            </span>
          )}
        </>
      ) : (
        ''
      ),
    ],
    [t('fields.caseworkerId'), session.caseworkerName(client.caseworkerId)],
    [t('fields.language'), client.language ? languageName(client.language, lang) : ''],
    [
      t('fields.householdId'),
      household ? (
        <a href={href({ page: 'household', id: household.id })}>{household.name}</a>
      ) : (
        <Loading of={households} quiet />
      ),
    ],
    [t('fields.startDate'), client.startDate ? formatDate(client.startDate, lang) : ''],
  ];

  return (
    <Page
      className="client-page"
      back={{ href: href({ page: 'caseload' }), label: t('client.back') }}
      title={
        <>
          {client.firstName} {client.lastName} <span className="pseudonym mono">{client.pseudonym}</span>
        </>
      }
      actions={
        <span className="page-actions">
          <span className={`badge status-${client.status}`}>
            {t(client.status === 'active' ? 'client.active' : 'client.closed')}
          </span>
          <PrintButton />
        </span>
      }
    >
      {client.closure && (
        <p className="closure-note">
          {t('client.closedOn', {
            date: formatDate(client.closure.closedOn, lang),
            reason: session.labelOf(client.closure.reasonId),
          })}
        </p>
      )}

      {readOnly && (
        <p className="colleagues-client" data-testid="colleagues-client">
          {t('client.colleaguesClient', { name: session.caseworkerName(client.caseworkerId) || t('common.unknown') })}
        </p>
      )}
      {readOnly ? (
        client.status === 'active' && (
          <div className="toolbar" role="toolbar" aria-label={t('client.quickActions')}>
            <button type="button" className="secondary" onClick={() => setOpen('handover')}>
              {t('client.handover')}
            </button>
          </div>
        )
      ) : (
        <div className="toolbar" role="toolbar" aria-label={t('client.quickActions')}>
          <button type="button" onClick={() => setWriting(true)} aria-keyshortcuts="N">
            {t('notes.write')}
          </button>
          <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
            {t('client.addTodo')}
          </button>
          <button type="button" className="secondary" onClick={() => navigate({ page: 'score', clientId: client.id })}>
            {t('scoring.score')}
          </button>
          {client.status === 'active' && (
            <button type="button" className="secondary" onClick={() => setOpen('clientMode')}>
              {t('clientMode.button')}
            </button>
          )}
          {client.status === 'active' && (
            <button type="button" className="secondary" onClick={() => setOpen('paper')}>
              {t('papers.printClient')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setOpen('edit')}>
            {t('client.edit')}
          </button>
          {client.status === 'active' && (
            <>
              <button type="button" className="secondary" onClick={() => setOpen('stage')}>
                {t('client.changeStage')}
              </button>
              <button type="button" className="secondary" onClick={() => setOpen('handover')}>
                {t('client.handover')}
              </button>
              <button type="button" className="secondary" onClick={() => setOpen('close')}>
                {t('client.close')}
              </button>
            </>
          )}
          {client.status === 'closed' && (
            <button type="button" className="secondary" onClick={() => setOpen('reopen')}>
              {t('client.reopen')}
            </button>
          )}
        </div>
      )}
      {!readOnly && <p className="hint">{t('notes.shortcutHint')}</p>}
      <StatusLine of={outcome} />

      <div className="client-columns">
        <section className="panel" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('client.facts')}</h2>
          <dl className="facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <Todos clientId={client.id} adding={adding && !readOnly} onDone={outcome.announce} readOnly={readOnly} />
      </div>
      <ScoringHistory clientId={client.id} readOnly={readOnly} />
      <Consents clientId={client.id} readOnly={readOnly} onDone={outcome.announce} />
      <ProgressionChart clientId={client.id} />
      <Timeline
        clientId={client.id}
        clientName={name}
        focusNoteId={noteId}
        onDone={outcome.announce}
        readOnly={readOnly}
      />
      <ClientPrivacy client={client} />

      {writing && (
        <NoteEditor
          target={{ kind: 'client', clientId: client.id, name }}
          onClose={() => setWriting(false)}
          onSaved={() => {
            setWriting(false);
            outcome.announce(t('notes.saved'));
          }}
        />
      )}
      {open === 'edit' && <ClientFormDialog client={client} onClose={() => setOpen(null)} />}
      {open === 'clientMode' && <StartClientMode client={client} onClose={() => setOpen(null)} />}
      {open === 'paper' && (
        <PrintPaperDialog
          client={client}
          onClose={() => setOpen(null)}
          onDone={(said) => {
            setOpen(null);
            outcome.announce(said);
          }}
        />
      )}
      {open === 'stage' && <StageDialog client={client} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'handover' && <HandoverDialog client={client} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'close' && <CloseDialog client={client} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'reopen' && <ReopenDialog client={client} onClose={() => setOpen(null)} onDone={done} />}
    </Page>
  );
}
