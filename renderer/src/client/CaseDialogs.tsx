import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../common/contract';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { SelectField, TextArea } from '../ui/fields';
import { Dialog } from '../ui/Dialog';
import { FormDialog } from '../ui/FormDialog';
import { useSave } from '../ui/useSave';
import { NoColleague } from '../keyperson/KeyPerson';

interface Props {
  client: Client;
  onClose(): void;
  onDone(message?: string): void;
}

export function StageDialog({ client, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const [stageId, setStageId] = useState(client.stageId ?? session.items('stage')[0]?.id ?? '');
  const [date, setDate] = useState(session.info.today);
  const save = useSave('clients.changeStage');
  const submit = async () => (await save.run({ id: client.id, stageId, date })) && onDone();
  return (
    <FormDialog title={t('client.stageTitle')} onClose={onClose} onSubmit={submit} save={save}>
      <SelectField
        {...save.field('stageId')}
        value={stageId}
        onChange={setStageId}
        options={session.items('stage').map((i) => ({ value: i.id, label: session.label(i) }))}
      />
      <DateField {...save.field('date')} value={date} onChange={setDate} />
    </FormDialog>
  );
}

/**
 * A handover's choices — to whom (an active caseworker other than `from`), on which date, with a note —
 * for one client from the client page or many from the caseload's bulk actions.
 */
export function useHandoverForm(ids: readonly string[], from: string | null | undefined) {
  const session = useSession();
  const others = session.caseworkers.filter((w) => w.active && w.id !== from);
  const [to, setTo] = useState(others[0]?.id ?? '');
  const [date, setDate] = useState(session.info.today);
  const [note, setNote] = useState('');
  const save = useSave('clients.handover');
  const run = () => save.run({ ids: [...ids], toCaseworkerId: to, date, note });
  const fields = (
    <>
      <SelectField
        {...save.field('toCaseworkerId')}
        value={to}
        onChange={setTo}
        options={others.map((w) => ({ value: w.id, label: w.name }))}
      />
      <DateField {...save.field('date')} value={date} onChange={setDate} />
      <TextArea {...save.field('note')} value={note} onChange={setNote} />
    </>
  );
  return { others, to, save, run, fields };
}

export function HandoverDialog({ client, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const form = useHandoverForm([client.id], client.caseworkerId);
  const submit = async () => {
    const result = await form.run();
    if (result) onDone(t('client.handedOver', { count: result.moved }));
  };
  // Nobody to hand over to: say what to do instead of offering an empty choice.
  if (form.others.length === 0)
    return (
      <Dialog title={t('client.handoverTitle')} onClose={onClose}>
        <NoColleague />
        <div className="form-footer">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );
  return (
    <FormDialog title={t('client.handoverTitle')} onClose={onClose} onSubmit={submit} save={form.save}>
      {client.householdId && <p className="hint">{t('client.handoverHouseholdHint')}</p>}
      {form.fields}
    </FormDialog>
  );
}

export function CloseDialog({ client, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const reasons = session.items('closure_reason');
  const [reasonId, setReasonId] = useState(reasons[0]?.id ?? '');
  const [date, setDate] = useState(session.info.today);
  const [outcomeNote, setOutcomeNote] = useState('');
  const save = useSave('clients.close');
  const submit = async () => (await save.run({ id: client.id, date, reasonId, outcomeNote })) && onDone();
  return (
    <FormDialog title={t('client.closeTitle')} onClose={onClose} onSubmit={submit} save={save}>
      <DateField {...save.field('date')} value={date} onChange={setDate} />
      <SelectField
        {...save.field('reasonId')}
        value={reasonId}
        onChange={setReasonId}
        options={reasons.map((i) => ({ value: i.id, label: session.label(i) }))}
      />
      <TextArea {...save.field('outcomeNote')} value={outcomeNote} onChange={setOutcomeNote} />
    </FormDialog>
  );
}

export function ReopenDialog({ client, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const [date, setDate] = useState(session.info.today);
  const save = useSave('clients.reopen');
  const submit = async () => (await save.run({ id: client.id, date })) && onDone();
  return (
    <FormDialog title={t('client.reopenTitle')} onClose={onClose} onSubmit={submit} save={save}>
      <p className="hint">{t('client.reopenHint')}</p>
      <DateField {...save.field('date')} value={date} onChange={setDate} />
    </FormDialog>
  );
}
