import { type ReactNode, type RefObject, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../../common/contract';
import { useHandoverForm } from '../client/CaseDialogs';
import { NoColleague } from '../keyperson/KeyPerson';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { SelectField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import type { ActionState } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import { selectedRows, type Selection, useSelected } from './selection';
import './bulk.css';

type Open = 'handover' | 'stage' | 'meeting' | null;

interface DialogProps {
  clients: readonly CaseloadRow[];
  onClose(): void;
  onDone(message: string): void;
}

/**
 * The bar above the caseload: the caseload's figures (`idle`) while nothing is ticked, and in
 * their place, in the same height, the actions on the ticked rows the filters show: hand them
 * over, change their stage, put them on the meeting list. Each asks first, naming how many, and
 * is one call to main: all of them or none. What was done is said in `outcome` (`outcomeLine`
 * is where it shows), since the bar goes back to the figures once it is done.
 */
export function BulkActions({
  rows,
  selection,
  idle,
  outcome,
  outcomeLine,
}: {
  rows: readonly CaseloadRow[];
  selection: Selection;
  idle: ReactNode;
  outcome: ActionState;
  outcomeLine: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const selected = useSelected(selection);
  const chosen = useMemo(() => selectedRows(rows, selected), [rows, selected]);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const done = (message: string) => {
    setOpen(null);
    selection.clear();
    outcome.announce(message);
    // The buttons that opened the dialog are gone with the selection: focus waits on what was done.
    requestAnimationFrame(() => outcomeLine.current?.querySelector<HTMLElement>('[role=status]')?.focus());
  };
  const none = chosen.length === 0;

  return (
    <div className="bulk-actions" role="group" aria-label={t('caseload.bulk.label')}>
      {/* Ticking and unticking is announced: the count is a live region, there (empty) from the start. */}
      <p role="status" className="bulk-count">
        {none ? '' : t('caseload.bulk.selected', { count: chosen.length })}
      </p>
      {none ? (
        idle
      ) : (
        <div className="bulk-buttons">
          <button type="button" className="secondary" onClick={() => setOpen('handover')}>
            {t('caseload.bulk.handover')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen('stage')}>
            {t('caseload.bulk.stage')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen('meeting')}>
            {t('caseload.bulk.meeting')}
          </button>
          <button type="button" className="link-button" onClick={() => selection.clear()}>
            {t('caseload.bulk.clear')}
          </button>
        </div>
      )}
      {open === 'handover' && <BulkHandoverDialog clients={chosen} onClose={close} onDone={done} />}
      {open === 'stage' && <BulkStageDialog clients={chosen} onClose={close} onDone={done} />}
      {open === 'meeting' && <BulkMeetingDialog clients={chosen} onClose={close} onDone={done} />}
    </div>
  );
}

function BulkHandoverDialog({ clients, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const session = useSession();
  // Clients of one caseworker go to someone else; from several, to anyone (those already there stay).
  const owners = new Set(clients.map((c) => c.caseworkerId));
  const form = useHandoverForm(
    clients.map((c) => c.id),
    owners.size === 1 ? [...owners][0] : undefined,
  );
  const count = clients.length;
  const submit = async () => {
    const result = await form.run();
    if (result) onDone(t('caseload.bulk.handedOver', { count: result.moved, name: session.caseworkerName(form.to) }));
  };
  return (
    <FormDialog
      title={t('caseload.bulk.handoverTitle', { count })}
      submitLabel={t('caseload.bulk.handoverTitle', { count })}
      canSubmit={form.others.length > 0}
      onClose={onClose}
      onSubmit={submit}
      save={form.save}
    >
      {form.others.length === 0 ? (
        <NoColleague />
      ) : (
        <>
          <p className="hint">{t('caseload.bulk.handoverIntro')}</p>
          {form.fields}
        </>
      )}
    </FormDialog>
  );
}

function BulkStageDialog({ clients, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const session = useSession();
  const stages = session.items('stage');
  const [stageId, setStageId] = useState(stages[0]?.id ?? '');
  const [date, setDate] = useState(session.info.today);
  const save = useSave('clients.changeStages');
  const submit = async () => {
    const result = await save.run({ ids: clients.map((c) => c.id), stageId, date });
    if (result) onDone(t('caseload.bulk.stageChanged', { count: result.changed, stage: session.labelOf(stageId) }));
  };
  return (
    <FormDialog
      title={t('caseload.bulk.stageTitle', { count: clients.length })}
      submitLabel={t('caseload.bulk.stageSubmit')}
      onClose={onClose}
      onSubmit={submit}
      save={save}
    >
      <p className="hint">{t('caseload.bulk.stageIntro')}</p>
      <SelectField
        {...save.field('stageId')}
        value={stageId}
        onChange={setStageId}
        options={stages.map((i) => ({ value: i.id, label: session.label(i) }))}
      />
      <DateField {...save.field('date')} value={date} onChange={setDate} />
    </FormDialog>
  );
}

function BulkMeetingDialog({ clients, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const save = useSave('meeting.add');
  const count = clients.length;
  const submit = async () => {
    if (await save.run({ ids: clients.map((c) => c.id) })) onDone(t('caseload.bulk.addedToMeeting', { count }));
  };
  return (
    <FormDialog
      title={t('caseload.bulk.meetingTitle', { count })}
      submitLabel={t('caseload.bulk.meetingSubmit')}
      onClose={onClose}
      onSubmit={submit}
      save={save}
    >
      <p className="hint">{t('caseload.bulk.meetingIntro')}</p>
    </FormDialog>
  );
}
