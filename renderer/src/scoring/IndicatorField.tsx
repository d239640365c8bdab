import { type KeyboardEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, ScoringForm, SheetVersion } from '../../../common/contract';
import { formatDate } from '../format';
import { useSession } from '../session';
import { TextArea } from '../ui/fields';
import { levelText } from './logic';

type Indicator = SheetVersion['indicators'][number];

export interface Entry {
  /** null: not scored. */
  value: number | null;
  comment: string;
}

interface Props {
  indicator: Indicator;
  entry: Entry;
  previous: ScoringForm['previous'][string] | undefined;
  goal: Goal | undefined;
  error: string | undefined;
  commentError: string | undefined;
  onChange(change: Partial<Entry>): void;
}

/**
 * One indicator as a radio group: the native radios give arrow-key movement, and
 * number keys jump straight to the level with that value.
 */
export function IndicatorField({ indicator, entry, previous, goal, error, commentError, onChange }: Props) {
  const { t } = useTranslation();
  const { language } = useSession();
  const id = useId();
  const ref = useRef<HTMLFieldSetElement>(null);
  const labelOf = (value: number) => indicator.levels.find((l) => l.value === value)?.label;

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    // Only on the radios: in the comment, digits are text.
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return;
    if (!/^\d$/.test(event.key) || event.ctrlKey || event.altKey || event.metaKey) return;
    const level = indicator.levels.find((l) => l.value === Number(event.key));
    if (!level) return;
    event.preventDefault();
    onChange({ value: level.value });
    // Focus follows the choice, so the arrow keys carry on from there.
    ref.current?.querySelector<HTMLInputElement>(`input[type=radio][value="${level.value}"]`)?.focus();
  };

  const goalText =
    goal &&
    t(goal.targetDate ? 'scoring.goalBy' : 'scoring.goal', {
      level: levelText(goal.target, labelOf(goal.target)),
      date: goal.targetDate ? formatDate(goal.targetDate, language) : '',
    });
  const describedBy = [indicator.description && `${id}-description`, `${id}-context`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  const name = `level-${indicator.id}`;

  return (
    <fieldset
      ref={ref}
      className="indicator"
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      onKeyDown={onKeyDown}
    >
      <legend>{indicator.name}</legend>
      {indicator.description && (
        <p id={`${id}-description`} className="indicator-description">
          {indicator.description}
        </p>
      )}
      <p id={`${id}-context`} className="indicator-context">
        <span>
          {previous?.value != null
            ? t('scoring.previous', {
                level: levelText(previous.value, labelOf(previous.value)),
                date: formatDate(previous.date, language),
              })
            : t('scoring.noPrevious')}
        </span>
        {goalText && <span className="goal-note">{goalText}</span>}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="levels">
        {indicator.levels.map((level) => (
          <LevelOption
            key={level.value}
            name={name}
            value={String(level.value)}
            label={level.label}
            description={level.description}
            checked={entry.value === level.value}
            tags={[
              level.value === previous?.value && t('scoring.previousTag'),
              level.value === goal?.target && t('scoring.goalTag'),
            ]}
            onPick={() => onChange({ value: level.value })}
          />
        ))}
        <LevelOption
          name={name}
          value="none"
          label={t('scoring.notScored')}
          description={null}
          checked={entry.value === null}
          tags={[]}
          onPick={() => onChange({ value: null })}
        />
      </div>
      <TextArea
        label={t('scoring.comment')}
        name={`comment-${indicator.id}`}
        value={entry.comment}
        onChange={(comment) => onChange({ comment })}
        rows={2}
        error={commentError}
        className="indicator-comment"
      />
    </fieldset>
  );
}

function LevelOption(props: {
  name: string;
  value: string;
  label: string;
  description: string | null;
  checked: boolean;
  tags: ReadonlyArray<string | false>;
  onPick(): void;
}) {
  const { name, value, label, description, checked, tags, onPick } = props;
  const descriptionId = useId();
  const notScored = value === 'none';
  return (
    <label className={notScored ? 'level-option not-scored' : 'level-option'}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onPick}
        aria-describedby={description ? descriptionId : undefined}
      />
      <span>
        {!notScored && <span className="level-value">{value}</span>} <span className="level-label">{label}</span>
        {/* Said once for the whole group in its description; here only a visual cue. */}
        {tags.filter(Boolean).map((tag) => (
          <span key={String(tag)} className="level-tag" aria-hidden="true">
            {tag}
          </span>
        ))}
      </span>
      {description && (
        // Read as the radio's description rather than as part of its name.
        <span id={descriptionId} className="level-description" aria-hidden="true">
          {description}
        </span>
      )}
    </label>
  );
}
