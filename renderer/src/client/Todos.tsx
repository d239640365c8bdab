import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ActionKind } from '../../../common/contract';
import { ACTION_KINDS } from '../../../common/enums';
import { formatDate } from '../format';
import { plusDays } from '../../../common/dates';
import { useSession } from '../session';
import { DateField, TimeField } from '../ui/DateField';
import { ErrorSummary, SelectField, TextField } from '../ui/fields';
import { type Outcome, useAction } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';
import { PostponeDialog, TodoEditDialog, useRemovedTodo } from './TodoDialogs';

type Editing = { action: Action; dialog: 'edit' | 'postpone' } | null;

/**
 * A client's to-dos: add one, tick it off, push it a week or to a chosen date, edit or delete it.
 * `onDone` says what happened in the page's status line (a deletion with its Undo).
 */
export function Todos({
  clientId,
  adding,
  onDone,
  readOnly = false,
}: {
  clientId: string;
  adding: boolean;
  onDone(outcome: Outcome): void;
  /** A colleague's client on a key person's laptop: the to-dos are shown, not changed. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const actions = useQuery(remote('actions.list', { clientId }));
  // Ticking off and postponing: a refusal is said above the list, not lost.
  const action = useAction();
  const removed = useRemovedTodo();
  const [editing, setEditing] = useState<Editing>(null);
  const open = (actions.data ?? []).filter((a) => !a.done);
  const done = (actions.data ?? []).filter((a) => a.done).slice(0, 10);
  const close = (outcome: Outcome) => {
    setEditing(null);
    onDone(outcome);
  };
  const item = (a: Action) => (
    <TodoItem
      key={a.id}
      action={a}
      today={session.info.today}
      perform={action.perform}
      readOnly={readOnly}
      onEdit={() => setEditing({ action: a, dialog: 'edit' })}
      onPostpone={() => setEditing({ action: a, dialog: 'postpone' })}
    />
  );

  return (
    <section className="panel" aria-labelledby="todos-title">
      <h2 id="todos-title">{t('client.todos')}</h2>
      {adding && <TodoForm clientId={clientId} onAdded={() => onDone(t('common.saved'))} />}
      <ErrorSummary message={action.error} />
      {!actions.data ? (
        <Loading of={actions} />
      ) : open.length === 0 ? (
        <p className="muted">{t('client.noTodos')}</p>
      ) : (
        <ul className="todo-list">{open.map(item)}</ul>
      )}
      {done.length > 0 && (
        <>
          <h3>{t('client.doneTodos')}</h3>
          <ul className="todo-list done">{done.map(item)}</ul>
        </>
      )}
      {editing?.dialog === 'edit' && (
        <TodoEditDialog
          action={editing.action}
          onClose={() => setEditing(null)}
          onSaved={close}
          onRemoved={() => close(removed(editing.action))}
        />
      )}
      {editing?.dialog === 'postpone' && (
        <PostponeDialog action={editing.action} onClose={() => setEditing(null)} onDone={close} />
      )}
    </section>
  );
}

function TodoItem({
  action,
  today,
  perform,
  readOnly,
  onEdit,
  onPostpone,
}: {
  action: Action;
  today: string;
  perform(work: () => Promise<string>): Promise<void>;
  readOnly: boolean;
  onEdit(): void;
  onPostpone(): void;
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
        disabled={readOnly}
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
      {!readOnly && (
        <span className="todo-buttons">
          {!action.done && (
            <>
              <button type="button" className="link-button" onClick={postpone}>
                <span aria-hidden="true">+7</span>
                <span className="visually-hidden">{t('client.postponeWeek', { title: action.title })}</span>
              </button>
              <button
                type="button"
                className="link-button"
                onClick={onPostpone}
                aria-label={t('client.postponeToLabel', { title: action.title })}
              >
                {t('client.postponeTo')}
              </button>
            </>
          )}
          <button
            type="button"
            className="link-button"
            onClick={onEdit}
            aria-label={t('client.editTodoLabel', { title: action.title })}
          >
            {t('client.editTodo')}
          </button>
        </span>
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
      <DateField {...save.field('dueDate')} value={dueDate} onChange={setDueDate} />
      <TimeField {...save.field('dueTime')} value={dueTime} onChange={setDueTime} />
      <ErrorSummary message={save.error?.summary} />
      <button type="submit" disabled={save.saving}>
        {t('client.addTodo')}
      </button>
    </form>
  );
}
