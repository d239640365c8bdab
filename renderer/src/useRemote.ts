import { useCallback, useEffect, useState } from 'react';
import type { DataScope, Input, Method, Output } from '../../common/contract';
import { call, subscribe } from './api';

export interface Remote<T> {
  data: T | undefined;
  error: unknown;
  reload(): void;
}

/**
 * Loads `method(input)` and loads it again whenever main reports a change in one of
 * `scopes`. Answers to an input the screen has moved on from are dropped.
 */
export function useRemote<M extends Method>(
  method: M,
  input: Input<M>,
  scopes: readonly DataScope[],
): Remote<Output<M>> {
  const [state, setState] = useState<{ data: Output<M> | undefined; error: unknown }>({
    data: undefined,
    error: undefined,
  });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(input);
  const scopeKey = scopes.join(',');

  useEffect(() => {
    let current = true;
    const load = () =>
      call(method, JSON.parse(key) as Input<M>).then(
        (data) => current && setState({ data, error: undefined }),
        (error: unknown) => current && setState((s) => ({ data: s.data, error })),
      );
    void load();
    const unsubscribe = subscribe('data.changed', ({ scope }) => {
      if (scopeKey.split(',').includes(scope)) void load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [method, key, scopeKey, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
