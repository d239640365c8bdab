import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../common/contract';
import { navigate } from '../router';
import { useSession } from '../session';
import { Dialog } from '../ui/Dialog';
import { DateField } from '../ui/DateField';
import { ErrorSummary, SelectField, TextField } from '../ui/fields';
import { clientLanguageOptions } from '../format';
import { FormFooter } from '../ui/FormDialog';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { useNoTargetGroupsHint } from '../keyperson/KeyPerson';

const FACTS = [
  'firstName',
  'lastName',
  'reference',
  'dateOfBirth',
  'phone',
  'email',
  'targetGroupId',
  'householdId',
  'startDate',
  'language',
] as const;
type Values = Record<(typeof FACTS)[number] | 'stageId' | 'caseworkerId', string>;

function initial(client: Client | undefined, defaults: { caseworkerId: string; today: string }): Values {
  return {
    firstName: client?.firstName ?? '',
    lastName: client?.lastName ?? '',
    reference: client?.reference ?? '',
    dateOfBirth: client?.dateOfBirth ?? '',
    phone: client?.phone ?? '',
    email: client?.email ?? '',
    targetGroupId: client?.targetGroupId ?? '',
    householdId: client?.householdId ?? '',
    startDate: client?.startDate ?? defaults.today,
    language: client?.language ?? '',
    stageId: client?.stageId ?? '',
    caseworkerId: client?.caseworkerId ?? defaults.caseworkerId,
  };
}

/**
 * Create or edit a client. Stage and caseworker are set here only for a new
 * client; afterwards they change through "Change stage" and "Hand over", which
 * keep their history.
 */
export function ClientFormDialog({ client, onClose }: { client?: Client; onClose(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const noTargetGroups = useNoTargetGroupsHint();
  const households = useQuery(remote('households.list', {}));
  const [values, setValues] = useState(() =>
    initial(client, { caseworkerId: session.info.currentCaseworker?.id ?? '', today: session.info.today }),
  );
  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const facts = Object.fromEntries(FACTS.map((f) => [f, values[f]])) as Record<(typeof FACTS)[number], string>;

  const create = useSave('clients.create');
  const update = useSave('clients.update');
  const save = client ? update : create;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = client
      ? await update.run({ id: client.id, ...facts })
      : await create.run({ ...facts, stageId: values.stageId || null, caseworkerId: values.caseworkerId || null });
    if (!saved) return;
    onClose();
    // A new client opens straight away: the next thing is usually a to-do or a note.
    if (!client) navigate({ page: 'client', id: saved.id });
  };

  const catalogOptions = (kind: 'target_group' | 'stage', current: string) =>
    session
      .items(kind, { includeRetired: true })
      .filter((i) => !i.retired || i.id === current)
      .map((i) => ({
        value: i.id,
        label: i.retired ? t('common.retired', { name: session.label(i) }) : session.label(i),
      }));
  const field = (name: (typeof FACTS)[number], type: 'text' | 'date' | 'email' | 'tel' = 'text', hint?: string) => {
    const props = {
      ...save.field(name),
      value: values[name],
      onChange: set(name),
      hint,
      autoFocus: name === 'firstName',
    };
    return type === 'date' ? <DateField {...props} /> : <TextField {...props} type={type} />;
  };

  return (
    <Dialog
      title={client ? t('client.editTitle', { name: `${client.firstName} ${client.lastName}` }) : t('client.newTitle')}
      onClose={onClose}
      wide
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="form-grid">
        {field('firstName')}
        {field('lastName')}
        {field('reference', 'text', t('client.referenceHint'))}
        {field('dateOfBirth', 'date')}
        {field('phone', 'tel')}
        {field('email', 'email')}
        <SelectField
          {...save.field('targetGroupId')}
          value={values.targetGroupId}
          onChange={set('targetGroupId')}
          empty={t('common.none')}
          options={catalogOptions('target_group', values.targetGroupId)}
          {...(session.items('target_group').length === 0 ? { hint: noTargetGroups } : {})}
        />
        {!client && (
          <SelectField
            {...create.field('stageId')}
            value={values.stageId}
            onChange={set('stageId')}
            empty={t('common.none')}
            options={catalogOptions('stage', values.stageId)}
          />
        )}
        {!client && (
          <SelectField
            {...create.field('caseworkerId')}
            value={values.caseworkerId}
            onChange={set('caseworkerId')}
            options={session.caseworkers.filter((w) => w.active).map((w) => ({ value: w.id, label: w.name }))}
          />
        )}
        <SelectField
          {...save.field('householdId')}
          value={values.householdId}
          onChange={set('householdId')}
          empty={t('client.noHousehold')}
          options={(households.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
        />
        <Loading of={households} quiet />
        {field('startDate', 'date')}
        <SelectField
          {...save.field('language')}
          hint={t('client.languageHint')}
          value={values.language}
          onChange={set('language')}
          empty={t('common.none')}
          options={clientLanguageOptions(session.language, values.language)}
        />
        <FormFooter onCancel={onClose} saving={save.saving}>
          <ErrorSummary message={save.error?.summary} />
        </FormFooter>
      </form>
    </Dialog>
  );
}
