import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../common/contract';
import { formatDate } from '../format';
import { remote, useMutate } from '../query';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { CheckboxField, ErrorSummary, SelectField, TextField } from '../ui/fields';
import { Page } from '../ui/Page';
import { StatusLine } from '../ui/StatusLine';
import { type Outcome, useAction } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import { oneDigitEach, parseTypedScores } from './typed-scores';
import './papers.css';

type Found = Output<'papers.find'>;
type Rater = 'client' | 'caseworker' | 'together';

/** Paper sheets for home visits: print those due this week; type filled-in ones in by their code. */
export function PapersPage() {
  const { t } = useTranslation();
  return (
    <Page className="papers-page" title={t('papers.title')} intro={t('papers.intro')}>
      <PrintDue />
      <QuickEntry />
    </Page>
  );
}

/** One PDF with a page per client of her caseload due for scoring within a week. */
function PrintDue() {
  const { t } = useTranslation();
  const titleId = useId();
  const [pseudonymised, setPseudonymised] = useState(false);
  const action = useAction();
  const print = usePrintPapers();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('papers.printTitle')}</h2>
      <CheckboxField
        label={t('papers.pseudonymised')}
        name="pseudonymised"
        checked={pseudonymised}
        onChange={setPseudonymised}
      />
      <button type="button" onClick={() => void action.perform(() => print({ pseudonymised }))}>
        {t('papers.printDue')}
      </button>
      <StatusLine of={action} />
    </section>
  );
}

/** Prints paper sheets and says what came of it (nothing when the save dialog was cancelled); this page's and the client page's. */
export function usePrintPapers(): (input: { clientIds?: string[]; pseudonymised: boolean }) => Promise<Outcome> {
  const { t } = useTranslation();
  const print = useMutate('papers.print');
  return async (input) => {
    const done = await print.mutateAsync(input);
    const left = done.withoutSheet > 0 ? t('papers.withoutSheet', { count: done.withoutSheet }) : '';
    if (done.sheets === 0 && done.withoutSheet === 0) return input.clientIds ? '' : t('papers.nothingDue');
    if (!done.path) return left;
    const printed =
      done.sheets === 1
        ? t('papers.printedOne', { path: done.path })
        : t('papers.printed', { count: done.sheets, path: done.path });
    return [printed, left].filter(Boolean).join(' ');
  };
}

/**
 * The quick entry: the code (or a client picked from the open sheets), then one digit per indicator,
 * Enter saves and the code field is ready for the next sheet. Who filled it in is kept between sheets.
 */
function QuickEntry() {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const codeRef = useRef<HTMLInputElement>(null);
  const valuesRef = useRef<HTMLInputElement>(null);
  const open = useQuery(remote('papers.open', {}));
  const find = useMutate('papers.find');
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [typed, setTyped] = useState('');
  const [date, setDate] = useState('');
  const [scoredBy, setScoredBy] = useState<Rater>('together');
  const [done, setDone] = useState(0);
  const [status, setStatus] = useState('');
  const save = useSave('papers.enter');

  const load = async (value: string) => {
    setStatus('');
    setFound(null);
    const paper = await find.mutateAsync({ code: value }).catch(() => null);
    if (!paper) return;
    setFound(paper);
    setCode(paper.code);
    setDate(paper.printedOn);
    setTyped('');
  };
  // Found: straight on to the digits, the sheet's scores are what is left to type.
  useEffect(() => {
    if (found) valuesRef.current?.focus();
  }, [found]);
  const parsed = found ? parseTypedScores(typed, found.version) : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!found || !parsed) return void load(code);
    const saved = await save.run({ code: found.code, scoredBy, date, values: parsed.values });
    if (!saved) return;
    const scored = saved.scores.filter((s) => s.value !== null).length;
    setStatus(t('papers.saved', { name: found.clientName, count: scored, total: saved.scores.length }));
    setDone((n) => n + 1);
    setFound(null);
    setCode('');
    setTyped('');
  };
  // Saved: back to an empty code field for the next sheet (after the render that emptied it).
  useEffect(() => {
    if (done > 0) codeRef.current?.focus();
  }, [done]);
  const findError = find.error ? t('papers.unknownCode') : undefined;

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('papers.entryTitle')}</h2>
      <form className="quick-entry" onSubmit={(e) => void submit(e)} noValidate>
        <div className="quick-entry-find">
          <TextField
            inputRef={codeRef}
            name="code"
            className="mono-field"
            value={code}
            onChange={(value) => {
              setCode(value);
              if (found) setFound(null);
            }}
            error={findError}
            hint={t('papers.codeHint')}
            label={t('papers.code')}
          />
          {!found && (
            <button type="submit" className="secondary">
              {t('papers.find')}
            </button>
          )}
        </div>
        {!found && open.data && open.data.length > 0 && (
          <SelectField
            label={t('papers.orPick')}
            name="open"
            value=""
            onChange={(value) => void load(value)}
            empty={t('papers.pick')}
            options={open.data.map((p) => ({
              value: p.code,
              label: `${p.clientName} (${p.pseudonym}) · ${p.sheetName} · ${formatDate(p.printedOn, session.language)}`,
            }))}
          />
        )}
        {found && parsed && (
          <>
            <p className="quick-entry-found" role="status">
              {t('papers.found', {
                name: found.clientName,
                pseudonym: found.pseudonym,
                sheet: found.version.sheetName,
                number: found.version.number,
                date: formatDate(found.printedOn, session.language),
              })}
            </p>
            {found.enteredOn && (
              <p className="notice">{t('papers.entered', { date: formatDate(found.enteredOn, session.language) })}</p>
            )}
            <div className="quick-entry-meta">
              <SelectField
                label={t('papers.scoredBy')}
                name="scoredBy"
                value={scoredBy}
                onChange={(value) => setScoredBy(value as Rater)}
                options={(['together', 'client', 'caseworker'] as const).map((by) => ({
                  value: by,
                  label: t(`scoring.by.${by}`),
                }))}
              />
              <DateField {...save.field('date', t('papers.date'))} value={date} onChange={setDate} />
            </div>
            <TextField
              inputRef={valuesRef}
              name="values"
              className="mono-field"
              value={typed}
              onChange={setTyped}
              label={t('papers.values')}
              hint={oneDigitEach(found.version) ? t('papers.valuesHint') : t('papers.valuesHintWide')}
              error={
                parsed.tooMany
                  ? t('papers.tooMany')
                  : parsed.offScale.length > 0
                    ? t('errors.rule.out_of_scale', {
                        field: found.version.indicators[parsed.offScale[0] ?? 0]?.name ?? '',
                      })
                    : undefined
              }
            />
            <table className="quick-entry-preview">
              <caption>{t('papers.preview')}</caption>
              <tbody>
                {found.version.indicators.map((indicator, i) => {
                  const value = parsed.values[i];
                  const level = indicator.levels.find((l) => l.value === value);
                  return (
                    <tr key={indicator.id} className={i === parsed.values.length ? 'next' : undefined}>
                      <th scope="row">{indicator.name}</th>
                      <td>
                        {i >= parsed.values.length
                          ? ''
                          : value === null || value === undefined
                            ? t('papers.notScored')
                            : level
                              ? `${level.value} ${level.label}`
                              : String(value)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {!parsed.complete && !parsed.tooMany && parsed.values.length < found.version.indicators.length && (
              <p className="hint">
                {t('papers.tooFew', { count: found.version.indicators.length - parsed.values.length })}
              </p>
            )}
            <ErrorSummary message={save.error?.summary} />
            <button type="submit" disabled={save.saving || !parsed.complete || found.enteredOn !== null}>
              {t('papers.save')}
            </button>
          </>
        )}
      </form>
      <p role="status" className="saved">
        {status}
      </p>
      {done > 0 && <p className="hint">{t('papers.session', { count: done })}</p>}
    </section>
  );
}
