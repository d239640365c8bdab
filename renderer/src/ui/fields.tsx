import { type ReactNode, type Ref, useEffect, useId, useRef } from 'react';

interface BaseProps {
  label: string;
  /** Translated message from the last failed save, if this field caused it. */
  error?: string | undefined;
  hint?: string;
  className?: string;
}

/** Label, control, hint and error, wired together for screen readers. */
export function FieldFrame({
  label,
  error,
  hint,
  className,
  children,
}: BaseProps & {
  children: (props: { id: string; describedBy: string | undefined; invalid: true | undefined }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {children({ id, describedBy, invalid: error ? true : undefined })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </span>
      )}
    </div>
  );
}

export function TextField(
  props: BaseProps & {
    name: string;
    value: string;
    onChange(value: string): void;
    type?: 'text' | 'email' | 'tel' | 'number' | 'search' | 'password';
    autoFocus?: boolean;
    step?: string;
    inputMode?: 'numeric';
    /** For a form that moves the focus to this field itself. */
    inputRef?: Ref<HTMLInputElement>;
  },
) {
  const { name, value, onChange, type = 'text', autoFocus, step, inputMode, inputRef, ...frame } = props;
  return (
    <FieldFrame {...frame}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          ref={inputRef}
          name={name}
          type={type}
          step={step}
          inputMode={inputMode}
          value={value}
          autoComplete="off"
          autoFocus={autoFocus}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export function TextArea(
  props: BaseProps & { name: string; value: string; onChange(value: string): void; rows?: number },
) {
  const { name, value, onChange, rows = 3, ...frame } = props;
  return (
    <FieldFrame {...frame}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          name={name}
          rows={rows}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: BaseProps & {
    name: string;
    value: string;
    onChange(value: string): void;
    options: readonly Option[];
    empty?: string;
  },
) {
  const { name, value, onChange, options, empty, ...frame } = props;
  return (
    <FieldFrame {...frame}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  name,
  checked,
  onChange,
  hint,
}: {
  label: string;
  name: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field checkbox-field">
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * Takes the user to the first field marked in error inside `container`: focused, and
 * scrolled to the middle of its scroller, clear of sticky headers and footers.
 */
export function focusFirstError(container: Element | null | undefined): void {
  const field = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return;
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
}

/** Why a save was refused; as it appears, the form's first field in error takes the focus. */
export function ErrorSummary({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) focusFirstError(ref.current?.closest('form'));
  }, [message]);
  if (!message) return null;
  return (
    <p ref={ref} role="alert" className="error-summary">
      {message}
    </p>
  );
}
