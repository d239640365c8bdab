import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scoring, ScoringForm as ScoringFormData } from '../../../common/contract';
import { href } from '../router';
import { SelectField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { previousBefore } from './logic';
import { ScoringForm } from './ScoringForm';
import './scoring.css';
import { Page } from '../ui/Page';
import { NoSheetsHint } from '../keyperson/KeyPerson';

/** Scoring a client: a new scoring, or (with `scoringId`) one made earlier. */
export function ScoringPage({ clientId, scoringId }: { clientId: string; scoringId?: string }) {
  const { t } = useTranslation();
  const client = useQuery(remote('clients.get', { id: clientId }));
  if (!client.data) return <Loading of={client} />;
  const name = `${client.data.firstName} ${client.data.lastName}`;
  return (
    <Page
      className="scoring-page"
      back={{ href: href({ page: 'client', id: clientId }), label: t('scoring.back', { name }) }}
      title={t(scoringId ? 'scoring.editTitle' : 'scoring.newTitle', { name })}
    >
      {scoringId ? <EditScoring clientId={clientId} scoringId={scoringId} /> : <NewScoring clientId={clientId} />}
    </Page>
  );
}

/** The default sheet of the client's target group, or another published one. */
function NewScoring({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [sheetId, setSheetId] = useState('');
  const sheetList = useQuery(remote('sheets.list', {}));
  const sheets = (sheetList.data ?? []).filter((s) => s.publishedVersionId && !s.retired);
  // No reload on changes: the version being scored stays put while the caseworker works.
  // Another sheet chosen: its picker stays (and keeps focus) until the new form arrives.
  const form = useQuery({
    ...remote('scorings.form', sheetId ? { clientId, sheetId } : { clientId }, { live: false }),
    placeholderData: keepPreviousData,
  });
  // Null is an answer: the client's target group has no default sheet.
  if (form.data === undefined) return <Loading of={form} />;

  const chosen = sheetId || form.data?.version.sheetId || '';
  const picker = (
    <>
      <SelectField
        label={t('scoring.sheet')}
        name="sheetId"
        value={chosen}
        onChange={setSheetId}
        options={sheets.map((s) => ({
          value: s.id,
          label: t('scoring.sheetVersion', { sheet: s.name, number: s.publishedNumber }),
        }))}
        empty={chosen ? undefined : t('scoring.chooseSheet')}
      />
      <Loading of={sheetList} quiet />
    </>
  );
  if (!form.data) {
    return (
      <div className="scoring-meta">
        {picker}
        {sheets.length > 0 ? <p className="hint">{t('scoring.noDefaultSheet')}</p> : <NoSheetsHint />}
      </div>
    );
  }
  return (
    <ScoringForm
      clientId={clientId}
      version={form.data.version}
      previous={form.data.previous}
      goals={form.data.goals}
      sheetField={picker}
    />
  );
}

function EditScoring({ clientId, scoringId }: { clientId: string; scoringId: string }) {
  const { t } = useTranslation();
  // As for a new scoring: what is being edited stays put (also while its own save or removal reports back).
  const scorings = useQuery(remote('scorings.list', { clientId }, { live: false }));
  if (!scorings.data) return <Loading of={scorings} />;
  const scoring = scorings.data.find((s) => s.id === scoringId);
  if (!scoring) {
    return (
      <p role="alert" className="error-summary">
        {t('errors.not_found')}
      </p>
    );
  }
  return <EditScoringOn scoring={scoring} previous={previousBefore(scorings.data, scoring)} />;
}

/** A scoring stays on the version it was made on, even after newer ones are published. */
function EditScoringOn({ scoring, previous }: { scoring: Scoring; previous: ScoringFormData['previous'] }) {
  const { t } = useTranslation();
  const version = useQuery(remote('sheets.version', { id: scoring.versionId }, { live: false }));
  const goals = useQuery(remote('goals.list', { clientId: scoring.clientId }, { live: false }));
  if (!version.data) return <Loading of={version} />;
  if (!goals.data) return <Loading of={goals} />;
  const sheetField = (
    <div className="field">
      <span className="field-label">{t('scoring.sheet')}</span>
      <span>{t('scoring.sheetVersion', { sheet: scoring.sheetName, number: scoring.versionNumber })}</span>
    </div>
  );
  return (
    <ScoringForm
      clientId={scoring.clientId}
      version={version.data}
      previous={previous}
      goals={goals.data}
      scoring={scoring}
      sheetField={sheetField}
    />
  );
}
