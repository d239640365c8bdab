import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';

/** What an action says when it is done: a status line, and for a removal the work that undoes it. */
export type Outcome = string | { status: string; undo(): Promise<string> };

/**
 * One-click actions (no form): the outcome is a translated status line or a translated error.
 * `initialStatus`: what the page says as it opens (e.g. that the work it came back from is saved).
 * `refused`: how a refusal begins ("The export was not made."); no field is marked, so it names the problems.
 */
export function useAction(initialStatus = '', refused?: string) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<{ status: string; error?: string; undo?: () => Promise<string> }>({
    status: initialStatus,
  });
  const announce = (done: Outcome) => setOutcome(typeof done === 'string' ? { status: done } : { ...done });
  const perform = async (action: () => Promise<Outcome>): Promise<void> => {
    try {
      announce(await action());
    } catch (failure) {
      setOutcome({ status: '', error: describeError(t, failure, {}, refused ?? t('errors.notDone')).summary });
    }
  };
  /** Undoes the last action; refused, it says why and keeps its Undo to try again. Resolves true when undone. */
  const undoLast = async (): Promise<boolean> => {
    const { undo } = outcome;
    if (!undo) return false;
    try {
      announce(await undo());
      return true;
    } catch (failure) {
      setOutcome((shown) => ({
        ...shown,
        error: describeError(t, failure, {}, refused ?? t('errors.notDone')).summary,
      }));
      return false;
    }
  };
  return { ...outcome, perform, announce, undoLast };
}

/** The state of `useAction` that its status line shows. */
export type ActionState = ReturnType<typeof useAction>;
