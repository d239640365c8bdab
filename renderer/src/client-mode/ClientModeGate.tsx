import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { remote } from '../query';
import { Loading } from '../ui/Loading';
import { ClientMode } from './ClientMode';

/**
 * While client mode is on, the window is the client's: the client-mode screens alone, never the
 * app's shell, menus or any other client (main refuses their calls too). Main's `clientmode.changed`
 * switches back and forth (see followMain).
 */
export function ClientModeGate({ children }: { children: ReactNode }) {
  const status = useQuery(remote('clientmode.status', {}));
  if (!status.data) return <Loading of={status} />;
  if (status.data.active) return <ClientMode hasPin={status.data.hasPin} />;
  return <>{children}</>;
}
