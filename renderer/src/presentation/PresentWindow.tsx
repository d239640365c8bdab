import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../../common/contract';
import type { Move } from '../../../common/contract/presentation';
import { call } from '../api';
import { useRemote } from '../useRemote';
import { Slide } from './Presentation';
import { usePresentationState } from './usePresentationState';
import './presentation.css';

/** The room's screen when presenting on another display: the laptop's window keeps the list. */
export function PresentWindow() {
  const { t } = useTranslation();
  const state = usePresentationState();
  const rows = useRemote('clients.list', { status: 'all' });
  const clients = useMemo(() => {
    const byId = new Map((rows.data ?? []).map((row) => [row.id, row]));
    return (state?.clientIds ?? []).map((id) => byId.get(id)).filter((row): row is CaseloadRow => row !== undefined);
  }, [rows.data, state]);
  const onMove = useCallback((move: Move) => void call('presentation.step', { move }).catch(() => undefined), []);
  const onLeave = useCallback(() => void call('presentation.stop', {}).catch(() => undefined), []);

  if (state === null) return <p className="presentation presentation-ended">{t('presentation.ended')}</p>;
  if (!state || !rows.data) return <p className="presentation">{t('app.loading')}</p>;
  return (
    <Slide
      clients={clients}
      index={state.index}
      showNames={state.showNames}
      fullScreen={false}
      onMove={onMove}
      onLeave={onLeave}
    />
  );
}
