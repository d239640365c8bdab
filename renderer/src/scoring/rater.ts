import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scoring } from '../../../common/contract';

/** Who scored, in words: an external provider by its organisation. */
export function useRaterName(): (scoring: Pick<Scoring, 'scoredBy' | 'organisation'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (scoring) =>
      scoring.scoredBy === 'provider' && scoring.organisation
        ? t('scoring.byProvider', { organisation: scoring.organisation })
        : t(`scoring.by.${scoring.scoredBy}`),
    [t],
  );
}
