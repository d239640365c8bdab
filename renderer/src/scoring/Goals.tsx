import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Scoring, SheetVersion } from '../../../common/contract';
import { formatDate } from '../format';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { ErrorSummary, SelectField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';
import { levelText } from './logic';

/**
 * A client's goals, one per indicator key, so a goal outlives new versions of the
 * sheet. New goals are set on the default sheet of the client's target group.
 */
export function Goals({
  clientId,
  latest,
  readOnly = false,
}: {
  clientId: string;
  latest: Scoring | undefined;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const removeGoal = useMutate('goals.remove');
  const { language } = useSession();
  const titleId = useId();
  const goals = useQuery(remote('goals.list', { clientId }));
  // Clients too: another target group means another default sheet (null: none).
  const form = useQuery(remote('scorings.form', { clientId }));
  const version = form.data?.version;
  const [editing, setEditing] = useState<{ goal?: Goal } | null>(null);
  const action = useAction();

  const indicatorOf = (key: string) => version?.indicators.find((i) => i.key === key);
  // Named as in the latest scoring, which is what the caseworker last saw.
  const nameOf = (key: string) =>
    latest?.scores.find((s) => s.indicatorKey === key)?.indicatorName ?? indicatorOf(key)?.name ?? key;
  const describe = (goal: Goal) => {
    const level = levelText(
      goal.target,
      indicatorOf(goal.indicatorKey)?.levels.find((l) => l.value === goal.target)?.label,
    );
    return goal.targetDate
      ? t('scoring.goalLevelBy', { level, date: formatDate(goal.targetDate, language) })
      : t('scoring.goalLevel', { level });
  };
  const remove = (goal: Goal) =>
    action.perform(async () => {
      await removeGoal.mutateAsync({ id: goal.id });
      return t('scoring.goalRemoved');
    });

  return (
    <section className="scoring-goals" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('scoring.goals')}</h3>
      {!goals.data ? (
        <Loading of={goals} />
      ) : goals.data.length === 0 ? (
        <p className="muted">{t('scoring.noGoals')}</p>
      ) : (
        <ul className="goal-list">
          {goals.data.map((goal) => (
            <li key={goal.id}>
              <span className="goal-name">{nameOf(goal.indicatorKey)}</span>
              <span className="goal-target">{describe(goal)}</span>
              {!readOnly && (
                <span className="goal-buttons">
                  {version && indicatorOf(goal.indicatorKey) && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing({ goal })}
                      aria-label={t('scoring.changeGoalLabel', { name: nameOf(goal.indicatorKey) })}
                    >
                      {t('scoring.changeGoal')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void remove(goal)}
                    aria-label={t('scoring.removeGoalLabel', { name: nameOf(goal.indicatorKey) })}
                  >
                    {t('scoring.removeGoal')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : version ? (
        <button type="button" className="secondary" onClick={() => setEditing({})}>
          {t('scoring.addGoal')}
        </button>
      ) : form.data === null ? (
        <p className="hint">{t('scoring.goalsNeedSheet')}</p>
      ) : (
        <Loading of={form} quiet />
      )}
      <p role="status" className="saved">
        {action.status}
      </p>
      <ErrorSummary message={action.error} />
      {editing && version && (
        <GoalDialog
          clientId={clientId}
          version={version}
          goal={editing.goal}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            action.announce(t('common.saved'));
          }}
        />
      )}
    </section>
  );
}

function GoalDialog({
  clientId,
  version,
  goal,
  onClose,
  onDone,
}: {
  clientId: string;
  version: SheetVersion;
  goal: Goal | undefined;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [indicatorKey, setIndicatorKey] = useState(goal?.indicatorKey ?? version.indicators[0]?.key ?? '');
  const [target, setTarget] = useState(goal ? String(goal.target) : '');
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? '');
  const indicator = version.indicators.find((i) => i.key === indicatorKey);
  const save = useSave('goals.set');
  const submit = async () =>
    (await save.run({ clientId, indicatorKey, target: Number(target), targetDate })) && onDone();
  const changeIndicator = (key: string) => {
    setIndicatorKey(key);
    // Levels differ per indicator: choose again.
    setTarget('');
  };
  return (
    <FormDialog
      title={t('scoring.goalTitle')}
      onClose={onClose}
      onSubmit={submit}
      canSubmit={target !== ''}
      save={save}
    >
      <SelectField
        label={t('fields.indicatorId')}
        name="indicatorKey"
        value={indicatorKey}
        onChange={changeIndicator}
        options={version.indicators.map((i) => ({ value: i.key, label: i.name }))}
      />
      <SelectField
        {...save.field('target')}
        value={target}
        onChange={setTarget}
        empty={t('scoring.chooseLevel')}
        options={(indicator?.levels ?? []).map((l) => ({ value: String(l.value), label: levelText(l.value, l.label) }))}
      />
      <DateField {...save.field('targetDate')} value={targetDate} onChange={setTargetDate} />
    </FormDialog>
  );
}
