import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Move, PresentationState } from '../../../common/contract/presentation';
import { call, subscribe } from '../api';
import { describeError } from '../errors';

/**
 * The presentation running on another display, as main keeps it: undefined while
 * loading, null when none runs. Both windows follow it.
 */
export function usePresentationState(): PresentationState | null | undefined {
  const [state, setState] = useState<PresentationState | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const unsubscribe = subscribe('presentation.changed', (payload) => setState(payload.state));
    call('presentation.current', {}).then(
      (value) => current && setState((before) => (before === undefined ? value : before)),
      () => current && setState(null),
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);
  return state;
}

/**
 * Step and stop the presentation on the other display, from either window; a step
 * main refuses is said, not lost. Both functions are stable (the keys and the full
 * screen session hold on to them).
 */
export function usePresenterControls(): { move(move: Move): void; stop(): void; error: string | undefined } {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const settle = useCallback(
    (work: Promise<unknown>) =>
      void work.then(
        () => setError(undefined),
        (failure: unknown) => setError(describeError(t, failure).summary),
      ),
    [t],
  );
  const move = useCallback((m: Move) => settle(call('presentation.step', { move: m })), [settle]);
  const stop = useCallback(() => settle(call('presentation.stop', {})), [settle]);
  return { move, stop, error };
}
