import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../common/contract';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { Dialog } from '../ui/Dialog';
import { DateField } from '../ui/DateField';
import { type Option, SelectField, TextField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { NoteBody } from './NoteBody';
import { NoteEditor } from './NoteEditor';
import './notes.css';

type Open = 'edit' | 'history' | 'remove' | 'followUp' | null;

/**
 * One note with what can be done to it. `anchor` gives it the id `note-ID`, which
 * search results scroll to; a second copy (the pinned group) goes without.
 */
export function NoteCard({
  note,
  anchor,
  clients,
  onDone,
  readOnly = false,
}: {
  note: Note;
  anchor: boolean;
  clients: readonly Option[];
  onDone(message: string): void;
  /** A colleague's client on a key person's laptop: the note is shown, not changed. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState<Open>(null);
  const headingId = useId();
  const close = (message?: string) => {
    setOpen(null);
    if (message) onDone(message);
  };
  return (
    <article
      id={anchor ? `note-${note.id}` : undefined}
      tabIndex={anchor ? -1 : undefined}
      className={`note-card note-${note.kind}${note.pinned ? ' pinned' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="note-header">
        <h3 id={headingId}>
          {t(`notes.kinds.${note.kind}`)}{' '}
          <time dateTime={note.notedAt}>{formatDateTime(note.notedAt, session.language)}</time>
        </h3>
        <span className="note-meta">
          {note.authorId && t('notes.by', { name: session.caseworkerName(note.authorId) })}
          {note.edited && ` · ${t('notes.edited')}`}
        </span>
        {note.pinned && <span className="badge note-badge">{t('notes.pinnedMarker')}</span>}
        {note.householdId && <span className="badge note-badge household">{t('notes.householdMarker')}</span>}
      </header>
      <NoteBody text={note.body} />
      <div className="note-actions" role="group" aria-label={t('notes.actions')}>
        {!readOnly && (
          <button type="button" className="link-button" onClick={() => setOpen('edit')}>
            {t('notes.edit')}
          </button>
        )}
        {note.edited && (
          <button type="button" className="link-button" onClick={() => setOpen('history')}>
            {t('notes.history')}
          </button>
        )}
        {!readOnly && clients.length > 0 && (
          <button type="button" className="link-button" onClick={() => setOpen('followUp')}>
            {t('notes.followUp')}
          </button>
        )}
        {!readOnly && (
          <button type="button" className="link-button danger" onClick={() => setOpen('remove')}>
            {t('notes.remove')}
          </button>
        )}
      </div>
      {open === 'edit' && (
        <NoteEditor target={{ kind: 'edit', note }} onClose={() => close()} onSaved={() => close(t('notes.saved'))} />
      )}
      {open === 'history' && <HistoryDialog note={note} onClose={() => close()} />}
      {open === 'remove' && (
        <RemoveDialog note={note} onClose={() => close()} onRemoved={() => close(t('notes.removed'))} />
      )}
      {open === 'followUp' && (
        <FollowUpDialog
          note={note}
          clients={clients}
          onClose={() => close()}
          onCreated={(count) => close(t('notes.todosCreated', { count }))}
        />
      )}
    </article>
  );
}

function HistoryDialog({ note, onClose }: { note: Note; onClose(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const query = useQuery(remote('notes.get', { id: note.id }));
  const versions = query.data?.versions;
  return (
    <Dialog title={t('notes.historyTitle')} onClose={onClose} wide>
      {!versions && <Loading of={query} />}
      {versions?.length === 0 && <p>{t('notes.noVersions')}</p>}
      {versions && versions.length > 0 && (
        <ol className="note-versions">
          {versions.map((version) => (
            <li key={version.writtenAt}>
              <p className="note-meta">
                {t(`notes.kinds.${version.kind}`)} · {formatDateTime(version.notedAt, session.language)} —{' '}
                {t('notes.versionBy', {
                  name: session.caseworkerName(version.writtenBy) || t('common.unknown'),
                  time: formatDateTime(version.writtenAt, session.language),
                })}
              </p>
              <NoteBody text={version.body} />
            </li>
          ))}
        </ol>
      )}
      <div className="form-footer">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

function RemoveDialog({ note, onClose, onRemoved }: { note: Note; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const save = useSave('notes.remove');
  const submit = async () => (await save.run({ id: note.id })) && onRemoved();
  return (
    <FormDialog
      title={t('notes.removeTitle')}
      submitLabel={t('notes.removeConfirm')}
      danger
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <p>{t('notes.removeText')}</p>
    </FormDialog>
  );
}

interface Row {
  key: number;
  title: string;
  dueDate: string;
}

/** One or more to-dos that follow from the note (an agreement, usually), each linked to it. */
function FollowUpDialog({
  note,
  clients,
  onClose,
  onCreated,
}: {
  note: Note;
  clients: readonly Option[];
  onClose(): void;
  onCreated(count: number): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [clientId, setClientId] = useState(clients[0]?.value ?? '');
  const [rows, setRows] = useState<Row[]>([{ key: 0, title: '', dueDate: session.info.today }]);
  const save = useSave('actions.create');
  const submit = async () => {
    for (const row of rows) {
      const created = await save.run({
        clientId,
        title: row.title,
        kind: 'follow_up',
        dueDate: row.dueDate,
        noteId: note.id,
      });
      if (!created) return;
      // Created ones leave the form, so a retry after a failure makes no doubles.
      setRows((r) => r.filter((x) => x.key !== row.key));
    }
    onCreated(rows.length);
  };
  const update = (key: number, change: Partial<Row>) =>
    setRows((r) => r.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () =>
    setRows((r) => [...r, { key: Math.max(...r.map((row) => row.key)) + 1, title: '', dueDate: session.info.today }]);
  return (
    <FormDialog
      title={t('notes.followUpTitle')}
      submitLabel={t('notes.createTodos')}
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="hint">{t('notes.followUpHint')}</p>
      {clients.length > 1 && (
        <SelectField
          label={t('notes.forClient')}
          name="clientId"
          value={clientId}
          onChange={setClientId}
          options={clients}
        />
      )}
      {rows.map((row, i) => (
        <FollowUpRow
          key={row.key}
          number={i + 1}
          row={row}
          error={i === 0 ? save.fieldError : undefined}
          onChange={(change) => update(row.key, change)}
          onRemove={rows.length > 1 ? () => setRows((r) => r.filter((x) => x.key !== row.key)) : undefined}
        />
      ))}
      <button type="button" className="secondary" onClick={add}>
        {t('notes.addRow')}
      </button>
    </FormDialog>
  );
}

function FollowUpRow(props: {
  number: number;
  row: Row;
  error: ((field: string) => string | undefined) | undefined;
  onChange(change: Partial<Row>): void;
  onRemove: (() => void) | undefined;
}) {
  const { number, row, error, onChange, onRemove } = props;
  const { t } = useTranslation();
  return (
    <fieldset className="follow-up-row">
      <legend>{t('notes.todoNumber', { number })}</legend>
      <TextField
        label={t('fields.title')}
        name={`title-${number}`}
        value={row.title}
        onChange={(title) => onChange({ title })}
        error={error?.('title')}
      />
      <DateField
        label={t('fields.dueDate')}
        name={`dueDate-${number}`}
        value={row.dueDate}
        onChange={(dueDate) => onChange({ dueDate })}
        error={error?.('dueDate')}
      />
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove}>
          {t('notes.removeRow', { number })}
        </button>
      )}
    </fieldset>
  );
}
