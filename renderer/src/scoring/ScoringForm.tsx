import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Scoring, ScoringForm as ScoringFormData, SheetVersion } from '../../../common/contract';
import { SCORED_BY, type ScoredBy } from '../../../common/enums';
import { formatDate } from '../format';
import { href, navigate } from '../router';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { ErrorSummary, SelectField, TextField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { useSave } from '../ui/useSave';
import { type Entry, IndicatorField } from './IndicatorField';

const UNSCORED: Entry = { value: null, comment: '' };

interface Props {
  clientId: string;
  version: SheetVersion;
  previous: ScoringFormData['previous'];
  goals: readonly Goal[];
  /** The scoring being edited; absent for a new one. */
  scoring?: Scoring;
  /** The sheet: a picker for a new scoring, fixed text when editing. */
  sheetField: ReactNode;
}

/** Every indicator of one version on one screen; saving returns to the client. */
export function ScoringForm({ clientId, version, previous, goals, scoring, sheetField }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const [date, setDate] = useState(scoring?.date ?? session.info.today);
  const [scoredBy, setScoredBy] = useState<ScoredBy>(scoring?.scoredBy ?? 'caseworker');
  const [organisation, setOrganisation] = useState(scoring?.organisation ?? '');
  // Keyed by indicator id: switching sheets leaves nothing behind in the new one.
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      (scoring?.scores ?? []).map((s) => [s.indicatorId, { value: s.value, comment: s.comment ?? '' }]),
    ),
  );
  const [removing, setRemoving] = useState(false);
  const entryOf = (indicatorId: string) => entries[indicatorId] ?? UNSCORED;

  const input = {
    clientId,
    versionId: version.id,
    date,
    scoredBy,
    organisation: scoredBy === 'provider' ? organisation : null,
    scores: version.indicators.map((i) => ({
      indicatorId: i.id,
      value: entryOf(i.id).value,
      comment: entryOf(i.id).comment,
    })),
  };
  const create = useSave('scorings.create');
  const update = useSave('scorings.update');
  const save = scoring ? update : create;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = scoring ? await update.run({ id: scoring.id, ...input }) : await create.run(input);
    if (saved)
      navigate(
        { page: 'client', id: clientId },
        t('scoring.saved', { date: formatDate(saved.date, session.language) }),
      );
  };
  // Issues the form has no place for (the version, the set of scores) join the summary.
  const unplaced = Object.entries(save.error?.fields ?? {})
    .filter(([field]) => field !== 'date' && field !== 'organisation' && !field.startsWith('scores.'))
    .map(([, message]) => message);

  return (
    <>
      <form className="scoring-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="scoring-meta">
          {sheetField}
          <DateField {...save.field('date')} value={date} onChange={setDate} />
          <SelectField
            label={t('scoring.scoredBy')}
            name="scoredBy"
            value={scoredBy}
            onChange={(v) => setScoredBy(v as ScoredBy)}
            options={SCORED_BY.map((by) => ({ value: by, label: t(`scoring.by.${by}`) }))}
          />
          {scoredBy === 'provider' && (
            <TextField
              {...save.field('organisation')}
              label={t('scoring.organisation')}
              hint={t('scoring.organisationHint')}
              value={organisation}
              onChange={setOrganisation}
            />
          )}
        </div>
        <p className="hint">{t('scoring.keyboardHint')}</p>
        {version.indicators.map((indicator, i) => (
          <IndicatorField
            key={indicator.id}
            indicator={indicator}
            entry={entryOf(indicator.id)}
            previous={previous[indicator.key]}
            goal={goals.find((g) => g.indicatorKey === indicator.key)}
            error={save.fieldError(`scores.${i}.value`) ?? save.fieldError(`scores.${i}.indicatorId`)}
            commentError={save.fieldError(`scores.${i}.comment`)}
            onChange={(change) =>
              setEntries((all) => ({ ...all, [indicator.id]: { ...(all[indicator.id] ?? UNSCORED), ...change } }))
            }
          />
        ))}
        <div className="scoring-footer">
          <ErrorSummary message={save.error ? [save.error.summary, ...unplaced].join(' ') : undefined} />
          <a href={href({ page: 'client', id: clientId })}>{t('common.cancel')}</a>
          {scoring && (
            <button type="button" className="secondary" onClick={() => setRemoving(true)}>
              {t('scoring.remove')}
            </button>
          )}
          <button type="submit" disabled={save.saving}>
            {t('scoring.save')}
          </button>
        </div>
      </form>
      {removing && scoring && <RemoveDialog scoring={scoring} onClose={() => setRemoving(false)} />}
    </>
  );
}

function RemoveDialog({ scoring, onClose }: { scoring: Scoring; onClose(): void }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const remove = useSave('scorings.remove');
  const submit = async () => {
    if (await remove.run({ id: scoring.id }))
      navigate(
        { page: 'client', id: scoring.clientId },
        t('scoring.removed', { date: formatDate(scoring.date, language) }),
      );
  };
  return (
    <FormDialog
      title={t('scoring.removeTitle')}
      submitLabel={t('scoring.removeConfirm')}
      save={remove}
      onClose={onClose}
      onSubmit={submit}
    >
      <p>{t('scoring.removeText', { date: formatDate(scoring.date, language) })}</p>
    </FormDialog>
  );
}
