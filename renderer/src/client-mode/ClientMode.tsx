import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../common/contract';
import { LEAVE_WORD } from '../../../common/contract/client-mode';
import { fill } from '../../../common/i18n/fill';
import { textDirection } from '../../../common/languages';
import { KoersError } from '../api';
import { queryClient, remote, useMutate } from '../query';
import { Loading } from '../ui/Loading';
import { clientModeTexts, type ClientModeTexts } from './texts';
import './client-mode.css';

type Sheet = Output<'clientmode.sheet'>;
type Answers = Record<string, number | null>;

/**
 * The client scores themselves: a welcome, one subject per screen with its levels as big choices
 * (their own previous self-score when the caseworker chose to show it), a progress bar, and a
 * friendly end. Nothing else is in the page: no names but theirs, no menus, no notes. The words
 * are the client's language where client mode speaks it; the sheet's texts are its translation.
 */
export function ClientMode({ hasPin }: { hasPin: boolean }) {
  const { i18n } = useTranslation();
  const query = useQuery(remote('clientmode.sheet', {}));
  const [leaving, setLeaving] = useState(false);
  if (!query.data) return <Loading of={query} />;
  const sheet = query.data;
  const { language, texts } = clientModeTexts(
    sheet.clientLanguage,
    i18n.language === 'nl' || i18n.language === 'da' ? i18n.language : 'en',
  );
  return (
    <div className="client-mode" lang={language} dir={textDirection(language)}>
      <main className="client-mode-main">
        {sheet.saved ? (
          <Thanks sheet={sheet} texts={texts} />
        ) : (
          <Questions sheet={sheet} texts={texts} chrome={{ lang: language, dir: textDirection(language) }} />
        )}
      </main>
      <footer className="client-mode-footer">
        <button type="button" className="client-mode-leave" onClick={() => setLeaving(true)}>
          {texts.caseworker}
        </button>
      </footer>
      {leaving && <LeaveDialog hasPin={hasPin} texts={texts} onClose={() => setLeaving(false)} />}
    </div>
  );
}

/**
 * The subjects, laid out in the sheet's direction (an Arabic translation: right to left, the choice
 * to the right of its text); client mode's own words keep their language and direction.
 */
function Questions({
  sheet,
  texts,
  chrome,
}: {
  sheet: Sheet;
  texts: ClientModeTexts;
  chrome: { lang: string; dir: 'ltr' | 'rtl' };
}) {
  const total = sheet.indicators.length;
  // -1: the welcome screen.
  const [step, setStep] = useState(-1);
  const [answers, setAnswers] = useState<Answers>({});
  const save = useMutate('clientmode.save');
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Each subject's heading takes the focus, so it is read out; on the welcome, Start has it (Enter begins).
  useEffect(() => {
    if (step >= 0) headingRef.current?.focus();
  }, [step]);
  const content = { lang: sheet.textLanguage ?? chrome.lang, dir: sheet.direction };

  // Once: a second Enter while saving does nothing (main refuses a second save too).
  const finish = (final: Answers) => {
    if (save.isPending) return;
    save.mutate(
      { scores: sheet.indicators.map((i) => ({ indicatorId: i.id, value: final[i.id] ?? null })) },
      { onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['clientmode.sheet'] }) },
    );
  };

  if (step < 0)
    return (
      <section className="client-mode-welcome" aria-labelledby="client-mode-title">
        <h1 id="client-mode-title">{fill(texts.hello, { name: sheet.firstName })}</h1>
        <p className="client-mode-sheet" {...content}>
          {sheet.sheetName}
        </p>
        <p>{fill(texts.intro, { count: total })}</p>
        <button type="button" className="client-mode-primary" onClick={() => setStep(0)} autoFocus>
          {texts.start}
        </button>
      </section>
    );

  const indicator = sheet.indicators[step];
  if (!indicator) return null;
  // An indicator left untranslated reads in the original, left to right.
  const own = { lang: indicator.textLanguage ?? chrome.lang, dir: indicator.direction };
  const chosen = answers[indicator.id] ?? null;
  const last = step === total - 1;
  const forward = (final: Answers = answers) => (last ? finish(final) : setStep(step + 1));
  const pick = (value: number) => setAnswers((all) => ({ ...all, [indicator.id]: value }));
  // A number key picks the level with that value; Enter goes on.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLButtonElement && event.key === 'Enter') return;
    const level = indicator.levels.find((l) => String(l.value) === event.key);
    if (level) {
      event.preventDefault();
      pick(level.value);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      forward();
    }
  };
  const previous = indicator.levels.find((l) => l.value === indicator.previous);
  const answered = Object.values(answers).filter((v) => v !== null).length;
  return (
    <form
      {...own}
      className="client-mode-question"
      aria-labelledby="client-mode-question"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        forward();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="client-mode-progress">
        <span id="client-mode-progress" {...chrome}>
          {fill(texts.progress, { current: step + 1, total })}
        </span>
        <progress max={total} value={step + 1} aria-labelledby="client-mode-progress" />
      </div>
      <fieldset>
        <legend>
          <h1 id="client-mode-question" ref={headingRef} tabIndex={-1} {...own}>
            {indicator.name}
          </h1>
        </legend>
        {indicator.description && (
          <p className="client-mode-description" {...own}>
            {indicator.description}
          </p>
        )}
        <p {...chrome}>{texts.choose}</p>
        {previous && (
          <p className="client-mode-previous" {...chrome}>
            {fill(texts.previous, { level: `${previous.value} ${previous.label}` })}
          </p>
        )}
        <div className="client-mode-choices" role="radiogroup" aria-labelledby="client-mode-question">
          {indicator.levels.map((level) => (
            <label key={level.value} className={chosen === level.value ? 'chosen' : undefined}>
              <input
                type="radio"
                name={`level-${indicator.id}`}
                value={level.value}
                checked={chosen === level.value}
                onChange={() => pick(level.value)}
              />
              <span className="client-mode-value">{level.value}</span>
              <span className="client-mode-level" {...own}>
                <strong>{level.label}</strong>
                {level.description && <span>{level.description}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="client-mode-hint" {...chrome}>
        {texts.keys}
      </p>
      {save.isError && (
        <p role="alert" className="client-mode-error" {...chrome}>
          {texts.notSaved}
        </p>
      )}
      <div className="client-mode-buttons" {...chrome}>
        <button type="button" className="client-mode-secondary" onClick={() => setStep(step - 1)}>
          {texts.back}
        </button>
        <button
          type="button"
          className="client-mode-secondary"
          onClick={() => {
            // Skipped is not scored, also when a level was picked before: saved as such on the last subject.
            const final = { ...answers, [indicator.id]: null };
            setAnswers(final);
            forward(final);
          }}
        >
          {texts.skip}
        </button>
        <button type="submit" className="client-mode-primary" disabled={save.isPending}>
          {save.isPending ? texts.saving : last ? texts.finish : texts.next}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {fill(texts.chosen, { count: answered, total })}
      </p>
    </form>
  );
}

function Thanks({ sheet, texts }: { sheet: Sheet; texts: ClientModeTexts }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="client-mode-thanks" aria-labelledby="client-mode-thanks">
      <p className="client-mode-check" aria-hidden="true">
        ✓
      </p>
      <h1 id="client-mode-thanks" ref={headingRef} tabIndex={-1}>
        {fill(texts.thanks, { name: sheet.firstName })}
      </h1>
      <p>{texts.saved}</p>
    </section>
  );
}

/** The caseworker takes the screen back: her PIN, or without one the word she types. */
function LeaveDialog({ hasPin, texts, onClose }: { hasPin: boolean; texts: ClientModeTexts; onClose(): void }) {
  const leave = useMutate('clientmode.leave', {
    onSuccess: (status) => queryClient.setQueryData(remote('clientmode.status', {}).queryKey, status),
  });
  const [value, setValue] = useState('');
  const inputId = useId();
  const errorId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);
  const error = leave.error
    ? leave.error instanceof KoersError && leave.error.details?.reason === 'pin_wait'
      ? texts.wait
      : hasPin
        ? texts.wrongPin
        : fill(texts.wrongWord, { word: LEAVE_WORD })
    : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    leave.mutate(hasPin ? { pin: value } : { confirm: value });
  };
  return (
    <dialog ref={dialogRef} className="client-mode-dialog" aria-labelledby={`${inputId}-title`} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={`${inputId}-title`}>{texts.leaveTitle}</h2>
        <label htmlFor={inputId}>{hasPin ? texts.leavePin : fill(texts.leaveWord, { word: LEAVE_WORD })}</label>
        <input
          id={inputId}
          type={hasPin ? 'password' : 'text'}
          inputMode={hasPin ? 'numeric' : undefined}
          autoComplete="off"
          autoFocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p id={errorId} role="alert" className="client-mode-error">
            {error}
          </p>
        )}
        <div className="client-mode-buttons">
          <button type="button" className="client-mode-secondary" onClick={() => dialogRef.current?.close()}>
            {texts.cancel}
          </button>
          <button type="submit" className="client-mode-primary" disabled={leave.isPending}>
            {texts.leave}
          </button>
        </div>
      </form>
    </dialog>
  );
}
