import { useTranslation } from 'react-i18next';
import type { Input, Method, Output } from '../../../common/contract';
import type { common } from '../../../common/i18n/common';
import { describeError, type ShownError } from '../errors';
import { useMutate } from '../query';

/** Keys of every member of a union input (a note is for a client or for a household). */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** A name with a label of its own, `fields.<name>`. */
type Labelled = keyof (typeof common)['en']['fields'];
/** A top-level field of a method's input that has a label of its own. */
export type FieldName<M extends Method> = Extract<KeysOf<Input<M>>, Labelled>;

/** What a field takes from its save: its label, its name and the message for it from the last failed save. */
export interface FieldProps {
  label: string;
  name: string;
  error: string | undefined;
}

/**
 * A form's save through `useMutate`: `run(input)` resolves with main's answer, or with
 * undefined when it was refused, which turns into translated, per-field messages.
 * Whatever the user typed stays in the form.
 */
export function useSave<M extends Method>(method: M) {
  const { t } = useTranslation();
  const mutation = useMutate(method);
  // The input that was sent supplies what the user typed (a duplicate reference names it).
  const sent = mutation.variables as Record<string, unknown> | undefined;
  const error = mutation.error ? describeError(t, mutation.error, sent) : null;
  const run = (input: Input<M>): Promise<Output<M> | undefined> => mutation.mutateAsync(input).catch(() => undefined);
  /** The message for a field by its path, also a nested one (`scores.2.value`). */
  const fieldError = (field: string): string | undefined => error?.fields[field];
  /**
   * A field named as the input names it: `<TextField {...save.field('date')} value={date} onChange={setDate} />`.
   * Its label is `fields.<name>` unless this form words it otherwise.
   */
  const field = (name: FieldName<M>, label?: string): FieldProps => {
    const labelled: Labelled = name;
    return { label: label ?? t(`fields.${labelled}`), name, error: fieldError(name) };
  };
  return { run, saving: mutation.isPending, error, fieldError, field };
}

/** What a form shows of its save: busy, and why the last try was refused. */
export interface SaveState {
  saving: boolean;
  error: ShownError | null;
}
