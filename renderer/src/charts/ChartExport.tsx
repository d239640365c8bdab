import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutate } from '../query';
import { CheckboxField, ErrorSummary } from '../ui/fields';
import { useAction } from '../ui/useAction';

/**
 * Save the chart as shown as a PNG, or the client's one-page progress report as PDF.
 * `image` draws the PNG (a data URL; null before the chart is drawn).
 */
export function ChartExport({ clientId, image }: { clientId: string; image(pseudonymised: boolean): string | null }) {
  const { t } = useTranslation();
  const savePngFile = useMutate('reports.chartPng');
  const savePdfFile = useMutate('reports.progressPdf');
  const titleId = useId();
  const action = useAction();
  const [busy, setBusy] = useState(false);
  // Pseudonymised unless the caseworker says otherwise: exports travel.
  const [pseudonymised, setPseudonymised] = useState(true);

  const save = (run: () => Promise<string | null>) => {
    setBusy(true);
    void action
      .perform(async () => {
        const path = await run();
        return path ? t('charts.export.saved', { path }) : t('charts.export.cancelled');
      })
      .finally(() => setBusy(false));
  };
  const savePng = () =>
    save(async () => {
      const drawn = image(pseudonymised);
      if (!drawn) return null;
      const png = drawn.replace(/^data:image\/png;base64,/, '');
      return (await savePngFile.mutateAsync({ clientId, pseudonymised, png })).path;
    });
  const savePdf = () => save(async () => (await savePdfFile.mutateAsync({ clientId, pseudonymised })).path);

  return (
    <div className="chart-export" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('charts.export.title')}</h3>
      <CheckboxField
        label={t('charts.export.pseudonymised')}
        name="pseudonymised"
        checked={pseudonymised}
        onChange={setPseudonymised}
        hint={t('charts.export.pseudonymisedHint')}
      />
      <div className="chart-export-buttons">
        <button type="button" className="secondary" onClick={savePng} disabled={busy}>
          {t('charts.export.png')}
        </button>
        <button type="button" className="secondary" onClick={savePdf} disabled={busy} aria-busy={busy}>
          {t('charts.export.pdf')}
        </button>
      </div>
      <ErrorSummary message={action.error} />
      <p role="status" className="saved">
        {busy ? t('charts.export.working') : action.status}
      </p>
    </div>
  );
}
