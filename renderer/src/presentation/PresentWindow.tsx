import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../../common/contract';
import { ErrorSummary } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { Slide } from './Presentation';
import { usePresenterControls, usePresentationState } from './usePresentationState';
import './presentation.css';

/** The room's screen when presenting on another display: the laptop's window keeps the list. */
export function PresentWindow() {
  const { t } = useTranslation();
  const presentation = usePresentationState();
  const state = presentation.data;
  const rows = useQuery(remote('clients.list', { status: 'all' }));
  const clients = useMemo(() => {
    const byId = new Map((rows.data ?? []).map((row) => [row.id, row]));
    return (state?.clientIds ?? []).map((id) => byId.get(id)).filter((row): row is CaseloadRow => row !== undefined);
  }, [rows.data, state]);
  const { move, stop, error } = usePresenterControls();

  // Null is an answer: no presentation runs (any more).
  if (state === null) return <p className="presentation presentation-ended">{t('presentation.ended')}</p>;
  if (!state || !rows.data)
    return (
      <div className="presentation">
        <Loading of={state ? rows : presentation} />
      </div>
    );
  return (
    <>
      <ErrorSummary message={error} />
      <Slide
        clients={clients}
        index={state.index}
        showNames={state.showNames}
        fullScreen={false}
        onMove={move}
        onLeave={stop}
      />
    </>
  );
}
