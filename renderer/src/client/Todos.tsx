import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ActionKind } from '../../../common/contract';
import { ACTION_KINDS } from '../../../common/enums';
import { formatDate } from '../format';
import { plusDays } from '../../../common/dates';
import { useSession } from '../session';
import { ErrorSummary, SelectField, TextField } from '../ui/fields';
import { useAction } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';

/** A client's to-dos: add one, tick it off, push it a week. */
export function Todos({ clientId, adding, onAdded }: { clientId: string; adding: boolean; onAdded(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const actions = useQuery(remote('actions.list', { clientId }));
  // Ticking off and postponing: a refusal is said above the list, not lost.
  const action = useAction();
  const open = (actions.data ?? []).filter((a) => !a.done);
  const done = (actions.data ?? []).filter((a) => a.done).slice(0, 10);

  return (
    <section className="panel" aria-labelledby="todos-title">
      <h2 id="todos-title">{t('client.todos')}</h2>
      {adding && <TodoForm clientId={clientId} onAdded={onAdded} />}
      <ErrorSummary message={action.error} />
      {!actions.data ? (
        <Loading of={actions} />
      ) : open.length === 0 ? (
        <p className="muted">{t('client.noTodos')}</p>
      ) : (
        <ul className="todo-list">
          {open.map((a) => (
            <TodoItem key={a.id} action={a} today={session.info.today} perform={action.perform} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <>
          <h3>{t('client.doneTodos')}</h3>
          <ul className="todo-list done">
            {done.map((a) => (
              <TodoItem key={a.id} action={a} today={session.info.today} perform={action.perform} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TodoItem({
  action,
  today,
  perform,
}: {
  action: Action;
  today: string;
  perform(work: () => Promise<string>): Promise<void>;
}) {
  const { t } = useTranslation();
  const setDone = useMutate('actions.setDone');
  const postponeBy = useMutate('actions.postpone');
  const { language } = useSession();
  // Ticks at once; the saved state arrives with the reload that follows.
  const [pending, setPending] = useState<boolean | null>(null);
  const done = pending ?? action.done;
  if (pending !== null && pending === action.done) setPending(null);
  const overdue = !action.done && action.dueDate < today;
  const toggle = (value: boolean) => {
    setPending(value);
    void perform(async () => {
      try {
        await setDone.mutateAsync({ id: action.id, done: value });
      } catch (failure) {
        setPending(null);
        throw failure;
      }
      return '';
    });
  };
  const postpone = () =>
    void perform(async () => {
      await postponeBy.mutateAsync({
        id: action.id,
        dueDate: plusDays(action.dueDate < today ? today : action.dueDate, 7),
      });
      return '';
    });
  return (
    <li className={overdue ? 'todo overdue' : 'todo'}>
      <input
        type="checkbox"
        checked={done}
        aria-label={
          action.done ? t('client.markOpen', { title: action.title }) : t('client.markDone', { title: action.title })
        }
        onChange={(e) => toggle(e.target.checked)}
      />
      <span className="todo-title">{action.title}</span>
      <span className="todo-meta">
        {t(`actionKinds.${action.kind}`)} · {formatDate(action.dueDate, language)}
        {action.dueTime ? ` ${action.dueTime}` : ''}
        {overdue && <strong className="overdue-marker"> · {t('client.overdue')}</strong>}
      </span>
      {!action.done && (
        <button type="button" className="link-button" onClick={postpone}>
          <span aria-hidden="true">+7</span>
          <span className="visually-hidden">{t('client.postponeWeek', { title: action.title })}</span>
        </button>
      )}
    </li>
  );
}

function TodoForm({ clientId, onAdded }: { clientId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ActionKind>('task');
  const [dueDate, setDueDate] = useState(session.info.today);
  const [dueTime, setDueTime] = useState('');
  const save = useSave('actions.create');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run({ clientId, title, kind, dueDate, dueTime })) {
      setTitle('');
      onAdded();
    }
  };
  return (
    <form className="todo-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('client.todoTitle')}>
      <TextField {...save.field('title')} value={title} onChange={setTitle} autoFocus />
      <SelectField
        label={t('fields.kind')}
        name="kind"
        value={kind}
        onChange={(v) => setKind(v as ActionKind)}
        options={ACTION_KINDS.map((k) => ({ value: k, label: t(`actionKinds.${k}`) }))}
      />
      <TextField {...save.field('dueDate')} type="date" value={dueDate} onChange={setDueDate} />
      <TextField {...save.field('dueTime')} type="time" value={dueTime} onChange={setDueTime} />
      <ErrorSummary message={save.error?.summary} />
      <button type="submit" disabled={save.saving}>
        {t('client.addTodo')}
      </button>
    </form>
  );
}
