import type { Envelope, EventName, EventPayload, Input, Method, Output, RpcError } from '../../common/contract';

/** A failed call, rethrown in the renderer with the envelope's code and details. */
export class KoersError extends Error {
  readonly code: RpcError['code'];
  readonly details: RpcError['details'];

  constructor(error: RpcError) {
    super(error.message);
    this.name = 'KoersError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** Typed client over `window.koers`: resolves with the value or throws a KoersError. */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  // The bridge's per-method function types are correlated with M, which TypeScript
  // cannot follow through the index; the contract guarantees the match.
  const fn = window.koers[method] as unknown as (input: Input<M>) => Promise<Envelope<Output<M>>>;
  const envelope = await fn(input);
  if (!envelope.ok) throw new KoersError(envelope.error);
  return envelope.value;
}

export function subscribe<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  return window.koers.on(event, callback);
}
