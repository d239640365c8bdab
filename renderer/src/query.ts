import { QueryClient, queryOptions, skipToken, useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type Input, type Method, type Output, scopesOf } from '../../common/contract';
import { call, subscribe } from './api';

/**
 * The renderer's cache of main's answers. Every screen asks through it, so components
 * that show the same answer share one request and one copy of it.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Main is on this machine: there is no network to wait for, and a refusal is said at once, not after retries.
      networkMode: 'always',
      retry: false,
      // A screen that mounts asks again, as it always did (the date moves on; the command line changes the
      // database without telling this window); while it is shown, data.changed says when to ask again.
      staleTime: 0,
      // Every call on personal data is audited: focusing the window is no reason to ask again.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
    mutations: { networkMode: 'always' },
  },
});

export interface RemoteOptions {
  /** False: not asked again when what it reads changes (a form the user is filling in stays as it was). */
  live?: boolean;
}

/**
 * The one query factory: `method(input)`, keyed by `[method, input]`. Use it with
 * `useQuery(remote(…))`, or `queryClient.fetchQuery(remote(…))` for an answer needed once.
 * `data` is undefined until main answered; an answer can be null (e.g. no default sheet).
 * A null input asks nothing yet (an import before its file is chosen).
 */
export function remote<M extends Method>(method: M, input: Input<M> | null, { live = true }: RemoteOptions = {}) {
  return queryOptions({
    queryKey: [method, input] as const,
    queryFn: input === null ? skipToken : (): Promise<Output<M>> => call(method, input),
    meta: { live },
  });
}

/** The method a cached answer came from. */
const methodOf = (queryKey: readonly unknown[]) => queryKey[0] as Method;

/**
 * Keeps the cache in step with main: after a change main names the part of the data it
 * touched (data.changed) and every live answer whose method reads it (its contract's
 * `reads`) is asked again; the lock, the displays and the presentation have events of
 * their own. Returns the unsubscribe.
 */
export function followMain(client: QueryClient): () => void {
  const unsubscribes = [
    subscribe('data.changed', ({ scope }) => {
      void client.invalidateQueries({
        predicate: (query) => query.meta?.live !== false && scopesOf(methodOf(query.queryKey)).includes(scope),
      });
    }),
    subscribe('lock.changed', () => void client.invalidateQueries({ queryKey: ['lock.status'] })),
    // Into client mode: what the screens had loaded (other clients) leaves memory too; out of it, all is asked afresh.
    subscribe('clientmode.changed', ({ active }) => {
      client.removeQueries({ predicate: (query) => !String(query.queryKey[0]).startsWith('clientmode.') });
      void client.invalidateQueries({ queryKey: ['clientmode.status'] });
      if (!active) void client.invalidateQueries({ queryKey: ['clientmode.sheet'] });
    }),
    subscribe('displays.changed', () => void client.invalidateQueries({ queryKey: ['presentation.displays'] })),
    subscribe('presentation.changed', ({ state }) =>
      client.setQueryData(remote('presentation.current', {}).queryKey, state),
    ),
    subscribe('sync.status', (status) => {
      client.setQueryData(remote('sync.status', {}).queryKey, status);
      // A pull may bring conflicts or refusals without changing a row.
      void client.invalidateQueries({ queryKey: ['sync.notices'] });
    }),
  ];
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}

type MutateOptions<M extends Method> = Omit<
  UseMutationOptions<Output<M>, Error, Input<M>>,
  'mutationFn' | 'mutationKey'
>;

/**
 * The one way a screen calls a method that does something (save, remove, export,
 * step…), typed by the contract. What it changes reaches the queries through
 * data.changed; `onSuccess` is for what main has no scope for (the lock's state).
 */
export function useMutate<M extends Method>(method: M, options: MutateOptions<M> = {}) {
  return useMutation<Output<M>, Error, Input<M>>({
    ...options,
    mutationKey: [method],
    mutationFn: (input) => call(method, input),
  });
}

/**
 * For a fallback that replaced a screen: what the screen had loaded may be what broke
 * it, so its answers (no longer shown anywhere) are dropped and the next try asks afresh.
 */
export function useForgetUnshown(): void {
  useEffect(() => queryClient.removeQueries({ type: 'inactive' }), []);
}
