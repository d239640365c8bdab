import { useEffect, useState } from 'react';
import type { PresentationState } from '../../../common/contract/presentation';
import { call, subscribe } from '../api';

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
