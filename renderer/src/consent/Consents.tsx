import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../common/contract';
import { CONSENT_FORMS, type ConsentForm, LEGAL_BASES, type LegalBasis } from '../../../common/enums';
import { formatDate } from '../format';
import { remote } from '../query';
import { href } from '../router';
import { useSession } from '../session';
import { DataTable, RowAction } from '../ui/DataTable';
import { DateField } from '../ui/DateField';
import { SelectField, TextArea, TextField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { Loading } from '../ui/Loading';
import type { Outcome } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import { consentStatus } from './status';
import './consent.css';

type Open = { dialog: 'edit'; consent?: Consent } | { dialog: 'withdraw' | 'remove'; consent: Consent } | null;

/**
 * A client's consent records: for what, on which legal basis, how and when given, until when,
 * withdrawn when. A consent the client takes back is withdrawn (the record stays); deleting is
 * for a record made by mistake. Every call is in the audit log.
 */
export function Consents({
  clientId,
  readOnly,
  onDone,
}: {
  clientId: string;
  readOnly: boolean;
  onDone(outcome: Outcome): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const query = useQuery(remote('consents.list', { clientId }));
  const [open, setOpen] = useState<Open>(null);
  const date = (value: string) => formatDate(value, session.language);
  const done = (outcome: Outcome) => {
    setOpen(null);
    onDone(outcome);
  };

  return (
    <section className="panel consent-panel" aria-labelledby={titleId}>
      <div className="panel-heading">
        <h2 id={titleId}>{t('consent.title')}</h2>
        {!readOnly && (
          <button type="button" className="secondary" onClick={() => setOpen({ dialog: 'edit' })}>
            {t('consent.add')}
          </button>
        )}
      </div>
      {query.data ? (
        <DataTable<Consent>
          labelledBy={titleId}
          empty={t('consent.none')}
          rows={query.data}
          rowKey={(c) => c.id}
          rowClassName={(c) => `consent-${consentStatus(c, session.info.today)}`}
          columns={[
            { key: 'purpose', header: t('consent.purpose'), cell: (c) => c.purpose },
            { key: 'basis', header: t('consent.basisColumn'), cell: (c) => t(`consent.basis.${c.legalBasis}`) },
            {
              key: 'given',
              header: t('consent.given'),
              cell: (c) => t('consent.givenText', { how: t(`consent.form.${c.givenAs}`), date: date(c.givenOn) }),
            },
            {
              key: 'until',
              header: t('consent.until'),
              cell: (c) => (c.validUntil ? date(c.validUntil) : t('consent.noEnd')),
            },
            {
              key: 'status',
              header: t('consent.state'),
              cell: (c) => {
                const status = consentStatus(c, session.info.today);
                return (
                  <>
                    <span className="consent-status">{t(`consent.status.${status}`)}</span>
                    {c.withdrawnOn && ` (${t('consent.withdrawnOn', { date: date(c.withdrawnOn) })})`}
                  </>
                );
              },
            },
            !readOnly && {
              key: 'actions',
              header: <span className="visually-hidden">{t('consent.actions')}</span>,
              cell: (c) => (
                <span className="row-actions">
                  <RowAction
                    label={t('consent.editLabel', { purpose: c.purpose })}
                    onClick={() => setOpen({ dialog: 'edit', consent: c })}
                  >
                    {t('consent.edit')}
                  </RowAction>
                  {c.withdrawnOn === null && (
                    <RowAction
                      label={t('consent.withdrawLabel', { purpose: c.purpose })}
                      onClick={() => setOpen({ dialog: 'withdraw', consent: c })}
                    >
                      {t('consent.withdraw')}
                    </RowAction>
                  )}
                  <RowAction
                    label={t('consent.removeLabel', { purpose: c.purpose })}
                    onClick={() => setOpen({ dialog: 'remove', consent: c })}
                  >
                    {t('consent.remove')}
                  </RowAction>
                </span>
              ),
            },
          ]}
        />
      ) : (
        <Loading of={query} />
      )}
      {open?.dialog === 'edit' && (
        <ConsentDialog clientId={clientId} consent={open.consent} onClose={() => setOpen(null)} onDone={done} />
      )}
      {open?.dialog === 'withdraw' && (
        <WithdrawDialog consent={open.consent} onClose={() => setOpen(null)} onDone={done} />
      )}
      {open?.dialog === 'remove' && <RemoveDialog consent={open.consent} onClose={() => setOpen(null)} onDone={done} />}
    </section>
  );
}

function ConsentDialog({
  clientId,
  consent,
  onClose,
  onDone,
}: {
  clientId: string;
  consent: Consent | undefined;
  onClose(): void;
  onDone(outcome: Outcome): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [purpose, setPurpose] = useState(consent?.purpose ?? '');
  const [legalBasis, setLegalBasis] = useState<LegalBasis>(consent?.legalBasis ?? 'consent');
  const [givenAs, setGivenAs] = useState<ConsentForm>(consent?.givenAs ?? 'written');
  const [givenOn, setGivenOn] = useState(consent?.givenOn ?? session.info.today);
  const [validUntil, setValidUntil] = useState(consent?.validUntil ?? '');
  const [remark, setRemark] = useState(consent?.remark ?? '');
  const save = useSave('consents.save');
  const submit = async () => {
    const saved = await save.run({
      ...(consent ? { id: consent.id } : {}),
      clientId,
      purpose,
      legalBasis,
      givenAs,
      givenOn,
      validUntil,
      remark,
    });
    if (saved) onDone(t('consent.saved', { purpose: saved.purpose }));
  };
  return (
    <FormDialog
      title={t(consent ? 'consent.editTitle' : 'consent.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      save={save}
    >
      <TextField {...save.field('purpose')} hint={t('consent.purposeHint')} value={purpose} onChange={setPurpose} />
      <SelectField
        {...save.field('legalBasis')}
        value={legalBasis}
        onChange={(value) => setLegalBasis(value as LegalBasis)}
        options={LEGAL_BASES.map((basis) => ({ value: basis, label: t(`consent.basis.${basis}`) }))}
      />
      <SelectField
        {...save.field('givenAs')}
        value={givenAs}
        onChange={(value) => setGivenAs(value as ConsentForm)}
        options={CONSENT_FORMS.map((form) => ({ value: form, label: t(`consent.form.${form}`) }))}
      />
      <DateField {...save.field('givenOn')} value={givenOn} onChange={setGivenOn} />
      <DateField {...save.field('validUntil')} value={validUntil} onChange={setValidUntil} />
      <TextArea {...save.field('remark')} hint={t('consent.remarkHint')} value={remark} onChange={setRemark} />
    </FormDialog>
  );
}

function WithdrawDialog({
  consent,
  onClose,
  onDone,
}: {
  consent: Consent;
  onClose(): void;
  onDone(outcome: Outcome): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [withdrawnOn, setWithdrawnOn] = useState(session.info.today);
  const save = useSave('consents.withdraw');
  const submit = async () => {
    if (await save.run({ clientId: consent.clientId, id: consent.id, withdrawnOn }))
      onDone(t('consent.withdrawn', { purpose: consent.purpose }));
  };
  return (
    <FormDialog
      title={t('consent.withdrawTitle')}
      submitLabel={t('consent.withdrawConfirm')}
      onClose={onClose}
      onSubmit={submit}
      save={save}
    >
      <p>{t('consent.withdrawText', { purpose: consent.purpose })}</p>
      <DateField {...save.field('withdrawnOn')} value={withdrawnOn} onChange={setWithdrawnOn} />
    </FormDialog>
  );
}

function RemoveDialog({
  consent,
  onClose,
  onDone,
}: {
  consent: Consent;
  onClose(): void;
  onDone(outcome: Outcome): void;
}) {
  const { t } = useTranslation();
  const save = useSave('consents.remove');
  const submit = async () => {
    if (await save.run({ clientId: consent.clientId, id: consent.id }))
      onDone(t('consent.removed', { purpose: consent.purpose }));
  };
  return (
    <FormDialog
      title={t('consent.removeTitle')}
      submitLabel={t('consent.removeConfirm')}
      danger
      onClose={onClose}
      onSubmit={submit}
      save={save}
    >
      <p>{t('consent.removeText')}</p>
    </FormDialog>
  );
}

/** My day's reminder: consents of her caseload that end within 30 days, soonest first; nothing when none do. */
export function ExpiringConsents({ caseworkerId }: { caseworkerId: string | undefined }) {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const query = useQuery(remote('consents.expiring', caseworkerId ? { caseworkerId } : {}));
  if (!query.data) return <Loading of={query} quiet />;
  if (query.data.length === 0) return null;
  return (
    <section className="panel consent-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('consent.expiringTitle')} <span className="count">{query.data.length}</span>
      </h2>
      <ul className="consent-expiring">
        {query.data.map((consent) => (
          <li key={consent.id}>
            <span>
              {t('consent.expiringItem', {
                purpose: consent.purpose,
                date: formatDate(consent.validUntil ?? '', session.language),
              })}
            </span>{' '}
            <a href={href({ page: 'client', id: consent.client.id })}>
              {consent.client.firstName} {consent.client.lastName}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
