import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../common/contract';
import { formatDate, formatWeekday } from '../format';
import { plusDays } from '../../../common/dates';
import { href } from '../router';
import { useSession } from '../session';
import { Loading } from '../ui/Loading';
import { ErrorSummary } from '../ui/fields';
import { useAction } from '../ui/useAction';
import { remote, useMutate } from '../query';
import { Page } from '../ui/Page';

type Group = 'overdue' | 'today' | 'thisWeek';

export function groupAgenda(items: readonly AgendaItem[], today: string): Record<Group, AgendaItem[]> {
  return {
    overdue: items.filter((i) => i.dueDate < today),
    today: items.filter((i) => i.dueDate === today),
    thisWeek: items.filter((i) => i.dueDate > today),
  };
}

/** Across the whole caseload: what is overdue, what is today, what is left this week. */
export function MyDayPage() {
  const { t } = useTranslation();
  const setDone = useMutate('actions.setDone');
  const postponeTo = useMutate('actions.postpone');
  const session = useSession();
  const me = session.info.currentCaseworker?.id;
  const query = useQuery(remote('actions.agenda', me ? { caseworkerId: me } : {}));
  const action = useAction();
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
      return t('myDay.postponed', { title: item.title, date: formatDate(dueDate, session.language) });
    });

  return (
    <Page
      className="my-day"
      title={t('myDay.title')}
      actions={<span className="muted">{formatWeekday(today, session.language)}</span>}
    >
      <p role="status" className="saved">
        {action.status}
      </p>
      <ErrorSummary message={action.error} />
      {agenda.length === 0 && <p className="empty">{t('myDay.nothing')}</p>}
      {agenda.length > 0 &&
        (['overdue', 'today', 'thisWeek'] as const).map((group) => (
          <AgendaGroup key={group} group={group} items={groups[group]} onComplete={complete} onPostpone={postpone} />
        ))}
    </Page>
  );
}

function AgendaGroup({
  group,
  items,
  onComplete,
  onPostpone,
}: {
  group: Group;
  items: AgendaItem[];
  onComplete(item: AgendaItem): void;
  onPostpone(item: AgendaItem, days: number): void;
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
                  {formatDate(item.dueDate, language, 'short')}
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
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
