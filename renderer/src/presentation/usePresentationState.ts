import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Move } from '../../../common/contract/presentation';
import { describeError } from '../errors';
import { remote, useMutate } from '../query';

/**
 * The presentation running on another display, as main keeps it; both windows follow
 * it (followMain puts every presentation.changed into the cache). `data` is undefined
 * until main answered, null when no presentation runs.
 */
export function usePresentationState() {
  return useQuery(remote('presentation.current', {}));
}

/**
 * Step and stop the presentation on the other display, from either window; a step
 * main refuses is said, not lost. Both functions are stable (the keys and the full
 * screen session hold on to them).
 */
export function usePresenterControls(): { move(move: Move): void; stop(): void; error: string | undefined } {
  const { t } = useTranslation();
  const { mutate: step, error: stepError } = useMutate('presentation.step');
  const { mutate: end, error: endError } = useMutate('presentation.stop');
  const move = useCallback((m: Move) => step({ move: m }), [step]);
  const stop = useCallback(() => end({}), [end]);
  const failure = stepError ?? endError;
  return { move, stop, error: failure ? describeError(t, failure).summary : undefined };
}
