import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutate } from '../query';
import type { Caseworker, Role } from '../../../common/contract';
import { ROLES } from '../../../common/enums';
import { formatNumber } from '../format';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { ErrorSummary, SelectField, TextArea, TextField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';
import { type FieldProps, useSave } from '../ui/useSave';
import { Page } from '../ui/Page';
import { DataTable, RowAction } from '../ui/DataTable';
import './manage.css';
import { ManagingAlone } from '../keyperson/KeyPerson';

function RoleField({ value, onChange, ...field }: FieldProps & { value: Role; onChange(role: Role): void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      {...field}
      value={value}
      onChange={(v) => onChange(ROLES.find((role) => role === v) ?? value)}
      options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}

type Open = { dialog: 'edit' | 'deactivate' | 'handover'; worker: Caseworker } | null;

/** Key persons: who works with Koers here, in which role, and handing over when someone leaves. */
export function CaseworkersPage() {
  const { t } = useTranslation();
  const action = useAction();
  const [open, setOpen] = useState<Open>(null);
  const titleId = useId();
  const close = () => setOpen(null);
  const done = (message: string) => {
    setOpen(null);
    action.announce(message);
  };
  return (
    <Page className="manage-page" title={t('nav.caseworkers')} titleId={titleId} intro={t('manage.caseworkers.intro')}>
      <ManagingAlone />
      <p role="status" className="saved">
        {action.status}
      </p>
      <ErrorSummary message={action.error} />
      <div className="panel table-panel">
        <CaseworkerTable labelledBy={titleId} onOpen={setOpen} perform={(fn) => void action.perform(fn)} />
        <AddCaseworker onAdded={action.announce} />
      </div>
      {open?.dialog === 'edit' && <EditDialog worker={open.worker} onClose={close} onDone={done} />}
      {open?.dialog === 'deactivate' && (
        <DeactivateDialog
          worker={open.worker}
          onClose={close}
          onDone={done}
          onHandover={() => setOpen({ dialog: 'handover', worker: open.worker })}
        />
      )}
      {open?.dialog === 'handover' && <HandoverDialog worker={open.worker} onClose={close} onDone={done} />}
    </Page>
  );
}

function CaseworkerTable({
  labelledBy,
  onOpen,
  perform,
}: {
  labelledBy: string;
  onOpen(open: Open): void;
  perform(action: () => Promise<string>): void;
}) {
  const { t } = useTranslation();
  const setActive = useMutate('caseworkers.setActive');
  const switchCurrent = useMutate('caseworkers.switchCurrent');
  const session = useSession();
  const me = session.info.currentCaseworker?.id;
  // Deactivated colleagues sink to the bottom: they are history, not choices.
  const workers = [...session.caseworkers].sort((a, b) => Number(b.active) - Number(a.active));

  const reactivate = (worker: Caseworker) =>
    perform(async () => {
      await setActive.mutateAsync({ id: worker.id, active: true });
      return t('manage.caseworkers.done.reactivated', { name: worker.name });
    });
  // The shell reloads app.info on the 'caseworkers' change this causes.
  const workAs = (worker: Caseworker) =>
    perform(async () => {
      await switchCurrent.mutateAsync({ id: worker.id });
      return t('manage.caseworkers.done.switched', { name: worker.name });
    });

  return (
    <DataTable
      labelledBy={labelledBy}
      columns={[
        {
          key: 'name',
          header: t('fields.name'),
          cell: (worker) => (
            <>
              {worker.name}
              {worker.id === me && <span className="badge">{t('manage.caseworkers.you')}</span>}
            </>
          ),
        },
        { key: 'role', header: t('fields.role'), cell: (worker) => t(`roles.${worker.role}`) },
        {
          key: 'status',
          header: t('manage.caseworkers.status'),
          cell: (worker) => (
            <span className={`badge status-${worker.active ? 'active' : 'closed'}`}>
              {t(worker.active ? 'manage.caseworkers.active' : 'manage.caseworkers.inactive')}
            </span>
          ),
        },
        {
          key: 'activeClients',
          header: t('manage.caseworkers.activeClients'),
          numeric: true,
          cell: (worker) => formatNumber(worker.activeClients, session.language),
        },
        {
          key: 'actions',
          header: t('manage.caseworkers.actions'),
          cell: (worker) => {
            const { name } = worker;
            const isMe = worker.id === me;
            return (
              <div className="row-actions">
                <RowAction
                  label={t('manage.caseworkers.editLabel', { name })}
                  onClick={() => onOpen({ dialog: 'edit', worker })}
                >
                  {t('manage.caseworkers.edit')}
                </RowAction>
                {worker.activeClients > 0 && (
                  <RowAction
                    label={t('manage.caseworkers.handoverLabel', { name })}
                    onClick={() => onOpen({ dialog: 'handover', worker })}
                  >
                    {t('manage.caseworkers.handover')}
                  </RowAction>
                )}
                {/* Nobody can deactivate or become themselves: Koers always has someone at work. */}
                {worker.active && !isMe && (
                  <RowAction
                    label={t('manage.caseworkers.deactivateLabel', { name })}
                    onClick={() => onOpen({ dialog: 'deactivate', worker })}
                  >
                    {t('manage.caseworkers.deactivate')}
                  </RowAction>
                )}
                {!worker.active && (
                  <RowAction
                    label={t('manage.caseworkers.reactivateLabel', { name })}
                    onClick={() => reactivate(worker)}
                  >
                    {t('manage.caseworkers.reactivate')}
                  </RowAction>
                )}
                {worker.active && !isMe && (
                  <RowAction label={t('manage.caseworkers.workAsLabel', { name })} onClick={() => workAs(worker)}>
                    {t('manage.caseworkers.workAs')}
                  </RowAction>
                )}
              </div>
            );
          },
        },
      ]}
      rows={workers}
      rowKey={(worker) => worker.id}
      rowClassName={(worker) => (worker.active ? undefined : 'is-inactive')}
    />
  );
}

function AddCaseworker({ onAdded }: { onAdded(message: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const save = useSave('caseworkers.create');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await save.run({ name, role });
    if (!created) return;
    setName('');
    setRole('caseworker');
    onAdded(t('manage.caseworkers.done.added', { name: created.name }));
  };
  return (
    <form
      className="add-item-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('manage.caseworkers.addTitle')}
    >
      <div className="add-item-fields">
        <TextField {...save.field('name')} value={name} onChange={setName} className="name-field" />
        <RoleField {...save.field('role')} value={role} onChange={setRole} />
        <button type="submit" disabled={save.saving}>
          {t('manage.caseworkers.add')}
        </button>
      </div>
      <ErrorSummary message={save.error?.summary} />
    </form>
  );
}

interface DialogProps {
  worker: Caseworker;
  onClose(): void;
  onDone(message: string): void;
}

function EditDialog({ worker, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(worker.name);
  const [role, setRole] = useState(worker.role);
  const save = useSave('caseworkers.update');
  const submit = async () => {
    const saved = await save.run({ id: worker.id, name, role });
    if (saved) onDone(t('manage.caseworkers.done.saved', { name: saved.name }));
  };
  return (
    <FormDialog
      title={t('manage.caseworkers.editTitle', { name: worker.name })}
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField {...save.field('name')} value={name} onChange={setName} autoFocus />
      <RoleField {...save.field('role')} value={role} onChange={setRole} />
    </FormDialog>
  );
}

/** The server refuses while clients remain; the refusal comes with the way out: hand them over. */
function DeactivateDialog({ worker, onClose, onDone, onHandover }: DialogProps & { onHandover(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const save = useSave('caseworkers.setActive');
  const hasClients = (session.caseworkers.find((w) => w.id === worker.id)?.activeClients ?? 0) > 0;
  const submit = async () => {
    if (await save.run({ id: worker.id, active: false }))
      onDone(t('manage.caseworkers.done.deactivated', { name: worker.name }));
  };
  return (
    <FormDialog
      title={t('manage.caseworkers.deactivateTitle', { name: worker.name })}
      submitLabel={t('manage.caseworkers.deactivate')}
      // The refusal is said above its way out (the handover), not at the foot.
      save={{ saving: save.saving, error: null }}
      onClose={onClose}
      onSubmit={submit}
    >
      <p>{t('manage.caseworkers.deactivateHint', { name: worker.name })}</p>
      <ErrorSummary message={save.error?.summary} />
      {save.error && hasClients && (
        <p>
          <button type="button" className="secondary" onClick={onHandover}>
            {t('manage.caseworkers.offerHandover')}
          </button>
        </p>
      )}
    </FormDialog>
  );
}

function HandoverDialog({ worker, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const session = useSession();
  const others = session.caseworkers.filter((w) => w.active && w.id !== worker.id);
  const count = session.caseworkers.find((w) => w.id === worker.id)?.activeClients ?? worker.activeClients;
  const [toId, setToId] = useState(others[0]?.id ?? '');
  const [date, setDate] = useState(session.info.today);
  const [note, setNote] = useState('');
  const save = useSave('caseworkers.handoverCaseload');
  const submit = async () => {
    const result = await save.run({ fromId: worker.id, toId, date, note });
    if (result)
      onDone(
        t('manage.caseworkers.done.handedOver', {
          count: result.moved,
          from: worker.name,
          to: session.caseworkerName(toId),
        }),
      );
  };
  return (
    <FormDialog
      title={t('manage.caseworkers.handoverTitle', { name: worker.name })}
      canSubmit={others.length > 0}
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="hint">{t('manage.caseworkers.handoverHint', { name: worker.name, count })}</p>
      {others.length === 0 ? (
        <p className="error-summary">{t('manage.caseworkers.nobodyToHandOverTo')}</p>
      ) : (
        <SelectField
          {...save.field('toId')}
          value={toId}
          onChange={setToId}
          options={others.map((w) => ({ value: w.id, label: w.name }))}
        />
      )}
      <DateField {...save.field('date')} value={date} onChange={setDate} />
      <TextArea {...save.field('note')} value={note} onChange={setNote} />
    </FormDialog>
  );
}
