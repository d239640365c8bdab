import { useTranslation } from 'react-i18next';
import type { Input, Method, Output } from '../../../common/contract';
import { describeError } from '../errors';
import { useMutate } from '../query';

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
  return { run, saving: mutation.isPending, error, fieldError: (field: string) => error?.fields[field] };
}
