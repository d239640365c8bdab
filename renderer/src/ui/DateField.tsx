import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plusDays } from '../../../common/dates';
import { formatTypedDate, monthGrid, parseTypedDate, parseTypedTime, type Typed } from '../dateInput';
import { LOCALES } from '../../../common/i18n/locales';
import { useSession } from '../session';
import { FieldFrame } from './fields';

interface FieldProps {
  label: string;
  name: string;
  /** `YYYY-MM-DD` (a time: `HH:MM`), '' for none; what the user typed when it is not a date, so a save refuses it. */
  value: string;
  onChange(value: string): void;
  /** Translated message from the last failed save, if this field caused it. */
  error?: string | undefined;
  hint?: string;
  className?: string;
  autoFocus?: boolean;
  /**
   * A filter, not a form: text that is no date (yet) reports '' (no filter) rather than the text, so
   * a half-typed date never reaches a query; the field still says what is wrong once left.
   */
  filter?: boolean;
}

/**
 * The text of a typed field and the value the form gets from it. The form hears of
 * every keystroke (Enter submits before a blur); the text is tidied on leaving the
 * field (`7-12` becomes `07-12-2026`), and a value set from outside replaces it.
 */
function useTyped(
  value: string,
  onChange: (value: string) => void,
  parse: (text: string) => Typed,
  show: (v: string) => string,
  filter = false,
) {
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  const [left, setLeft] = useState(false);
  if (value !== seen) {
    setSeen(value);
    setText(show(value));
  }
  const change = (typed: string) => {
    const read = parse(typed);
    const next = read.kind === 'value' ? read.value : read.kind === 'empty' || filter ? '' : typed;
    setText(typed);
    setLeft(false);
    setSeen(next);
    onChange(next);
  };
  const leave = () => {
    const read = parse(text);
    if (read.kind === 'value') setText(show(read.value));
    setLeft(true);
  };
  const invalid = left && parse(text).kind === 'invalid';
  return { text, change, leave, invalid };
}

const showDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatTypedDate(value) : value);

/**
 * A date, typed day first in any language (`7-12`, `07122026`, `7.12.26`) or picked
 * from the calendar; shown as `dd-mm-yyyy` whatever the system's locale.
 */
export function DateField({ name, value, onChange, autoFocus, error, filter, ...frame }: FieldProps) {
  const { t } = useTranslation();
  const session = useSession();
  const today = session.info.today;
  const typed = useTyped(value, onChange, (text) => parseTypedDate(text, today), showDate, filter);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const shownError = typed.invalid ? t('dates.invalid', { field: frame.label, text: typed.text.trim() }) : error;
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <FieldFrame {...frame} error={shownError} className={`date-field ${frame.className ?? ''}`}>
      {({ id, describedBy, invalid }) => (
        <div className="date-input">
          <input
            id={id}
            name={name}
            type="text"
            inputMode="numeric"
            placeholder={t('dates.placeholder')}
            value={typed.text}
            autoComplete="off"
            autoFocus={autoFocus}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => typed.change(e.target.value)}
            onBlur={typed.leave}
          />
          <button
            ref={buttonRef}
            type="button"
            className="secondary calendar-button"
            // Named apart from the field's label (which describes it), so the label names the text box alone.
            aria-label={t('dates.open')}
            aria-describedby={`${id}-label`}
            aria-haspopup="dialog"
            aria-expanded={open}
            onClick={() => setOpen((was) => !was)}
          >
            <CalendarIcon />
          </button>
          {open && (
            <Calendar
              label={frame.label}
              value={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null}
              today={today}
              onPick={(date) => {
                typed.change(formatTypedDate(date));
                close();
              }}
              onClose={close}
            />
          )}
        </div>
      )}
    </FieldFrame>
  );
}

/** A time on a 24-hour clock, typed as `14:30`, `14.30`, `1430` or `9`. */
export function TimeField({ name, value, onChange, autoFocus, error, ...frame }: FieldProps) {
  const { t } = useTranslation();
  const typed = useTyped(value, onChange, parseTypedTime, (v) => v);
  const shownError = typed.invalid ? t('dates.invalidTime', { field: frame.label, text: typed.text.trim() }) : error;
  return (
    <FieldFrame {...frame} error={shownError} className={`time-field ${frame.className ?? ''}`}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          placeholder={t('dates.timePlaceholder')}
          value={typed.text}
          autoComplete="off"
          autoFocus={autoFocus}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => typed.change(e.target.value)}
          onBlur={typed.leave}
        />
      )}
    </FieldFrame>
  );
}

/** A moment as `YYYY-MM-DDTHH:MM`: a date field and a time field under one legend. */
export function DateTimeField({ name, value, onChange, error, label, className }: FieldProps) {
  const { t } = useTranslation();
  const [date = '', time = ''] = value.split('T');
  return (
    <fieldset className={`date-time-field ${className ?? ''}`}>
      <legend>{label}</legend>
      <DateField
        label={t('dates.date')}
        name={`${name}-date`}
        value={date}
        error={error}
        onChange={(d) => onChange(`${d}T${time}`)}
      />
      <TimeField
        label={t('dates.time')}
        name={`${name}-time`}
        value={time}
        onChange={(h) => onChange(`${date}T${h}`)}
      />
    </fieldset>
  );
}

function CalendarIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect x="2" y="3.5" width="14" height="12.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M2 7.5h14M5.5 1.5v4M12.5 1.5v4" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

/** Monday 1 January 2024: the first day of a week, to name the weekdays from. */
const A_MONDAY = '2024-01-01';
const utc = (date: string) => new Date(`${date}T12:00:00Z`);

/** The month shown and the day with focus, moved by `days` or by whole months (the day kept where the month has it). */
function moveMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + month - 1 + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * The calendar as the WAI-ARIA date picker dialog: a grid of days, arrows move a day
 * or a week, Page Up/Down a month (with Shift a year), Home/End the week's ends,
 * Enter picks, Esc closes; focus stays inside until it closes and then returns to
 * the button.
 */
function Calendar({
  label,
  value,
  today,
  onPick,
  onClose,
}: {
  label: string;
  value: string | null;
  today: string;
  onPick(date: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const locale = LOCALES[session.language];
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(value ?? today);
  const year = Number(focus.slice(0, 4));
  const month = Number(focus.slice(5, 7));
  const monthStart = `${focus.slice(0, 7)}-01`;

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(`[data-date="${focus}"]`)?.focus();
  }, [focus]);
  useEffect(() => {
    // A click elsewhere closes the calendar, as a menu does.
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!ref.current?.parentElement?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose]);

  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const fullDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weekdays = Array.from({ length: 7 }, (_, i) => utc(plusDays(A_MONDAY, i)));

  const keyOnGrid = (event: KeyboardEvent) => {
    const weekday = (utc(focus).getUTCDay() + 6) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => plusDays(focus, -1),
      ArrowRight: () => plusDays(focus, 1),
      ArrowUp: () => plusDays(focus, -7),
      ArrowDown: () => plusDays(focus, 7),
      Home: () => plusDays(focus, -weekday),
      End: () => plusDays(focus, 6 - weekday),
      PageUp: () => moveMonths(focus, event.shiftKey ? -12 : -1),
      PageDown: () => moveMonths(focus, event.shiftKey ? 12 : 1),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setFocus(move());
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(focus);
    }
  };
  const keyOnDialog = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Only the calendar closes, not a dialog around the field.
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      const stops = [...(ref.current?.querySelectorAll<HTMLElement>('button, [tabindex="0"]') ?? [])];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : at === stops.length - 1 ? 0 : at + 1;
      event.preventDefault();
      stops[next]?.focus();
    }
  };

  return (
    <div
      ref={ref}
      className="calendar"
      role="dialog"
      aria-modal="true"
      aria-label={t('dates.calendar', { field: label })}
      onKeyDown={keyOnDialog}
    >
      <div className="calendar-header">
        <button
          type="button"
          className="icon-button"
          aria-label={t('dates.previousMonth')}
          onClick={() => setFocus(moveMonths(focus, -1))}
        >
          ‹
        </button>
        <span id={headingId} aria-live="polite">
          {monthName.format(utc(monthStart))}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('dates.nextMonth')}
          onClick={() => setFocus(moveMonths(focus, 1))}
        >
          ›
        </button>
      </div>
      <table role="grid" aria-labelledby={headingId} onKeyDown={keyOnGrid}>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day.toISOString()} scope="col" abbr={dayName.format(day)}>
                {shortDay.format(day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(year, month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                if (day === null) return <td key={d} />;
                const date = `${focus.slice(0, 7)}-${String(day).padStart(2, '0')}`;
                return (
                  <td
                    key={d}
                    data-date={date}
                    tabIndex={date === focus ? 0 : -1}
                    aria-selected={date === value}
                    aria-current={date === today ? 'date' : undefined}
                    aria-label={fullDate.format(utc(date))}
                    onClick={() => onPick(date)}
                  >
                    {day}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
