import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ShownError } from '../errors';

/**
 * Runs a save, tracks `saving`, and turns a failure into translated, per-field
 * messages. Whatever the user typed stays in the form.
 */
export function useSave<T>(save: () => Promise<T>, values: Record<string, unknown> = {}) {
  const { t } = useTranslation();
  const [error, setError] = useState<ShownError | null>(null);
  const [saving, setSaving] = useState(false);
  const run = async (): Promise<T | undefined> => {
    setSaving(true);
    try {
      const result = await save();
      setError(null);
      return result;
    } catch (failure) {
      setError(describeError(t, failure, values));
      return undefined;
    } finally {
      setSaving(false);
    }
  };
  return { run, saving, error, fieldError: (field: string) => error?.fields[field] };
}
