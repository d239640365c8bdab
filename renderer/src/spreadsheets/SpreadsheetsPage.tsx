import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { WorkbookImport } from './WorkbookImport';
import { CaseloadExport, ClosedCasesExport, ScoresExport, SheetExport } from './ExportPanel';
import { ScoresImport, SheetImport } from './ScoresImport';
import './spreadsheets.css';
import { Page } from '../ui/Page';
import { KeyPersonNote } from '../keyperson/KeyPerson';
import { DataAsOf } from '../sync/DataAsOf';

/** Import from and export to spreadsheets: Excel in, Excel out, nothing lost on the way. */
export function SpreadsheetsPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Page className="spreadsheets-page" title={t('nav.spreadsheets')} intro={t('spreadsheets.intro')}>
      <h2>{t('spreadsheets.import.title')}</h2>
      <ImportCard title={t('spreadsheets.import.caseload')} hint={t('spreadsheets.import.caseloadHint')}>
        <WorkbookImport />
      </ImportCard>
      <ImportCard title={t('spreadsheets.import.scores')} hint={t('spreadsheets.import.scoresHint')}>
        <ScoresImport />
      </ImportCard>
      {/* Scoring sheets belong to the key persons (to anyone while there is none); the others are told so. */}
      <ImportCard title={t('spreadsheets.import.sheet')} hint={t('spreadsheets.import.sheetHint')}>
        {session.mayManage ? <SheetImport /> : <KeyPersonNote work="sheets" />}
      </ImportCard>
      <h2>{t('spreadsheets.export.title')}</h2>
      <DataAsOf />
      <div className="export-grid">
        <ScoresExport />
        <CaseloadExport />
        <ClosedCasesExport />
        <SheetExport />
      </div>
    </Page>
  );
}

function ImportCard({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section className="panel import-card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p className="hint">{hint}</p>
      {children}
    </section>
  );
}
