import { useCallback, useEffect, useState } from 'react';
import { type Input, type Method, type Output, scopesOf } from '../../common/contract';
import { call, subscribe } from './api';

export interface Remote<T> {
  data: T | undefined;
  error: unknown;
  reload(): void;
}

export interface RemoteOptions {
  /** False: loaded once, not again on changes (a form the user is filling in stays as it was). Default true. */
  live?: boolean;
}

/**
 * Loads `method(input)` and loads it again whenever main reports a change in what the
 * method reads (its contract's `reads`). Answers to an input the screen has moved on
 * from are dropped.
 */
export function useRemote<M extends Method>(
  method: M,
  input: Input<M>,
  { live = true }: RemoteOptions = {},
): Remote<Output<M>> {
  const [state, setState] = useState<{ data: Output<M> | undefined; error: unknown }>({
    data: undefined,
    error: undefined,
  });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    let current = true;
    const load = () =>
      call(method, JSON.parse(key) as Input<M>).then(
        (data) => current && setState({ data, error: undefined }),
        (error: unknown) => current && setState((s) => ({ data: s.data, error })),
      );
    void load();
    const scopes = live ? scopesOf(method) : [];
    const unsubscribe = subscribe('data.changed', ({ scope }) => {
      if (scopes.includes(scope)) void load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [method, key, live, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
