import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';

/** One-click actions (no form): the outcome is a translated status line or a translated error. */
export function useAction() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<{ status: string; error?: string }>({ status: '' });
  const perform = async (action: () => Promise<string>): Promise<void> => {
    try {
      setOutcome({ status: await action() });
    } catch (failure) {
      setOutcome({ status: '', error: describeError(t, failure).summary });
    }
  };
  return { ...outcome, perform, announce: (status: string) => setOutcome({ status }) };
}
