/** The two IPC channels between preload and main: calls (invoke) and events (send). */
export const RPC_CHANNEL = 'koers:rpc';
export const EVENT_CHANNEL = 'koers:event';
