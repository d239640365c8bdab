import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../common/contract';
import { formatDate, formatWeekday } from '../format';
import { plusDays } from '../../../common/dates';
import { href } from '../router';
import { useSession } from '../session';
import { Loading } from '../ui/Loading';
import { type Outcome, useAction } from '../ui/useAction';
import { remote, useMutate } from '../query';
import { Page } from '../ui/Page';
import { PrintButton } from '../ui/PrintButton';
import { StatusLine } from '../ui/StatusLine';
import { PostponeDialog, TodoEditDialog, useRemovedTodo } from '../client/TodoDialogs';
import { ExpiringConsents } from '../consent/Consents';

type Group = 'overdue' | 'today' | 'thisWeek';
/** Today's work first (the day the page is named after), then what is late, then the rest of the week. */
const GROUPS: readonly Group[] = ['today', 'overdue', 'thisWeek'];

export function groupAgenda(items: readonly AgendaItem[], today: string): Record<Group, AgendaItem[]> {
  return {
    overdue: items.filter((i) => i.dueDate < today),
    today: items.filter((i) => i.dueDate === today),
    thisWeek: items.filter((i) => i.dueDate > today),
  };
}

/** Across the whole caseload: what is today, what is overdue, what is left this week. */
export function MyDayPage() {
  const { t } = useTranslation();
  const setDone = useMutate('actions.setDone');
  const postponeTo = useMutate('actions.postpone');
  const session = useSession();
  const me = session.info.currentCaseworker?.id;
  const query = useQuery(remote('actions.agenda', me ? { caseworkerId: me } : {}));
  const action = useAction();
  const removed = useRemovedTodo();
  const [editing, setEditing] = useState<{ item: AgendaItem; dialog: 'edit' | 'postpone' } | null>(null);
  const today = session.info.today;

  const agenda = query.data;
  if (!agenda) return <Loading of={query} />;
  const groups = groupAgenda(agenda, today);

  const complete = (item: AgendaItem) =>
    void action.perform(async () => {
      await setDone.mutateAsync({ id: item.id, done: true });
      return t('myDay.completed', { title: item.title });
    });
  const postpone = (item: AgendaItem, days: number) =>
    void action.perform(async () => {
      const dueDate = plusDays(today, days);
      await postponeTo.mutateAsync({ id: item.id, dueDate });
      return t('client.todoPostponed', { title: item.title, date: formatDate(dueDate, session.language) });
    });
  const close = (outcome: Outcome) => {
    setEditing(null);
    action.announce(outcome);
  };

  return (
    <Page
      className="my-day"
      title={t('myDay.title')}
      actions={
        <span className="page-actions">
          <span className="muted">{formatWeekday(today, session.language)}</span>
          <PrintButton />
        </span>
      }
    >
      <StatusLine of={action} />
      <ExpiringConsents caseworkerId={me} />
      {agenda.length === 0 && <p className="empty">{t('myDay.nothing')}</p>}
      {agenda.length > 0 &&
        GROUPS.map((group) => (
          <AgendaGroup
            key={group}
            group={group}
            items={groups[group]}
            onComplete={complete}
            onPostpone={postpone}
            onOpen={(item, dialog) => setEditing({ item, dialog })}
          />
        ))}
      {editing?.dialog === 'edit' && (
        <TodoEditDialog
          action={editing.item}
          onClose={() => setEditing(null)}
          onSaved={close}
          onRemoved={() => close(removed(editing.item))}
        />
      )}
      {editing?.dialog === 'postpone' && (
        <PostponeDialog action={editing.item} onClose={() => setEditing(null)} onDone={close} />
      )}
    </Page>
  );
}

function AgendaGroup({
  group,
  items,
  onComplete,
  onPostpone,
  onOpen,
}: {
  group: Group;
  items: AgendaItem[];
  onComplete(item: AgendaItem): void;
  onPostpone(item: AgendaItem, days: number): void;
  /** Opens the dialog to move it to a chosen date, or to edit or delete it. */
  onOpen(item: AgendaItem, dialog: 'edit' | 'postpone'): void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const titleId = useId();
  return (
    <section className={`panel agenda-group group-${group}`} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(`myDay.${group}`)} <span className="count">{t('myDay.count', { count: items.length })}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t('myDay.empty')}</p>
      ) : (
        <ul className="agenda-list">
          {items.map((item) => {
            const client = `${item.client.firstName} ${item.client.lastName}`;
            return (
              <li key={item.id} className="agenda-item">
                <span className="agenda-when">
                  {formatDate(item.dueDate, language)}
                  {item.dueTime ? ` ${item.dueTime}` : ''}
                </span>
                <span className="agenda-what">
                  <strong>{item.title}</strong> <span className="muted">({t(`actionKinds.${item.kind}`)})</span>
                </span>
                <a href={href({ page: 'client', id: item.client.id })}>{client}</a>
                <span className="agenda-buttons">
                  <button
                    type="button"
                    onClick={() => onComplete(item)}
                    aria-label={t('myDay.markDone', { title: item.title, client })}
                  >
                    {t('myDay.done')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => onPostpone(item, 1)}
                    aria-label={t('myDay.postponeTomorrow', { title: item.title, client })}
                  >
                    {t('myDay.tomorrow')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => onPostpone(item, 7)}
                    aria-label={t('myDay.postponeWeek', { title: item.title, client })}
                  >
                    {t('myDay.nextWeek')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => onOpen(item, 'postpone')}
                    aria-label={t('myDay.postponeTo', { title: item.title, client })}
                  >
                    {t('client.postponeTo')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => onOpen(item, 'edit')}
                    aria-label={t('myDay.edit', { title: item.title, client })}
                  >
                    {t('client.editTodo')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
