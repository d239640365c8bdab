import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ActionKind } from '../../../common/contract';
import { ACTION_KINDS } from '../../../common/enums';
import { plusDays } from '../../../common/dates';
import { formatDate } from '../format';
import { useMutate } from '../query';
import { useSession } from '../session';
import { DateField, TimeField } from '../ui/DateField';
import { SelectField, TextField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import type { Outcome } from '../ui/useAction';
import { useSave } from '../ui/useSave';

/**
 * The status line of a deleted to-do, with the Undo that brings it back. A hook of the
 * list, not of the dialog: the dialog is gone by the time someone presses Undo.
 */
export function useRemovedTodo(): (action: Action) => Outcome {
  const { t } = useTranslation();
  const restore = useMutate('actions.restore');
  return (action) => ({
    status: t('client.todoRemoved', { title: action.title }),
    undo: async () => {
      await restore.mutateAsync({ id: action.id });
      return t('client.todoRestored', { title: action.title });
    },
  });
}

/** Title, kind, date and time of a to-do; Delete beside Save (undone from the status line). */
export function TodoEditDialog({
  action,
  onClose,
  onSaved,
  onRemoved,
}: {
  action: Action;
  onClose(): void;
  onSaved(status: string): void;
  onRemoved(): void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(action.title);
  const [kind, setKind] = useState<ActionKind>(action.kind);
  const [dueDate, setDueDate] = useState(action.dueDate);
  const [dueTime, setDueTime] = useState(action.dueTime ?? '');
  const save = useSave('actions.update');
  const remove = useSave('actions.remove');
  const submit = async () => {
    const saved = await save.run({ id: action.id, title, kind, dueDate, dueTime });
    if (saved) onSaved(t('client.todoSaved', { title: saved.title }));
  };
  const removeIt = async () => {
    if (await remove.run({ id: action.id })) onRemoved();
  };
  return (
    <FormDialog
      title={t('client.editTodoTitle')}
      save={{ saving: save.saving || remove.saving, error: remove.error ?? save.error }}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <button
          type="button"
          className="link-button danger footer-start"
          disabled={remove.saving}
          onClick={() => void removeIt()}
        >
          {t('client.removeTodo')}
        </button>
      }
    >
      <TextField {...save.field('title')} value={title} onChange={setTitle} />
      <SelectField
        {...save.field('kind')}
        value={kind}
        onChange={(v) => setKind(v as ActionKind)}
        options={ACTION_KINDS.map((k) => ({ value: k, label: t(`actionKinds.${k}`) }))}
      />
      <div className="form-grid">
        <DateField {...save.field('dueDate')} value={dueDate} onChange={setDueDate} />
        <TimeField {...save.field('dueTime')} value={dueTime} onChange={setDueTime} />
      </div>
    </FormDialog>
  );
}

/** Moves a to-do to a date of the user's choosing (a week on, to start from). */
export function PostponeDialog({
  action,
  onClose,
  onDone,
}: {
  action: Action;
  onClose(): void;
  onDone(status: string): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const today = session.info.today;
  const [dueDate, setDueDate] = useState(plusDays(action.dueDate < today ? today : action.dueDate, 7));
  const save = useSave('actions.postpone');
  const submit = async () => {
    const saved = await save.run({ id: action.id, dueDate });
    if (saved)
      onDone(t('client.todoPostponed', { title: saved.title, date: formatDate(saved.dueDate, session.language) }));
  };
  return (
    <FormDialog
      title={t('client.postponeTitle', { title: action.title })}
      submitLabel={t('client.postpone')}
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <p>{t('client.postponeDue', { date: formatDate(action.dueDate, session.language) })}</p>
      <DateField {...save.field('dueDate', t('client.newDate'))} value={dueDate} onChange={setDueDate} />
    </FormDialog>
  );
}
