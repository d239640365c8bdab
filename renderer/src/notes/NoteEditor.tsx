import { format } from 'date-fns';
import { type FormEvent, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../common/contract';
import { NOTE_KINDS, type NoteKind } from '../../../common/enums';
import { queryClient, remote, useMutate } from '../query';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { Dialog } from '../ui/Dialog';
import { DateTimeField } from '../ui/DateField';
import { CheckboxField, ErrorSummary, SelectField, TextArea } from '../ui/fields';
import { FormFooter } from '../ui/FormDialog';
import { useSave } from '../ui/useSave';
import './notes.css';

/** What the note is for: a new note for a client or a household, or a change to one. */
export type NoteTarget =
  | { kind: 'client'; clientId: string; name: string }
  | { kind: 'household'; householdId: string; name: string }
  | { kind: 'edit'; note: Note };

/** Drafts are typed per place: one unsaved new note per client or household, one per note being edited. */
function draftKey(target: NoteTarget): string {
  switch (target.kind) {
    case 'client':
      return `client:${target.clientId}`;
    case 'household':
      return `household:${target.householdId}`;
    case 'edit':
      return `note:${target.note.id}`;
  }
}

/** How long typing pauses before the draft is written. */
const DRAFT_DELAY_MS = 300;

/**
 * Writes or changes a note. What is typed is kept as a draft while typing, so a
 * closed window or a crash loses nothing; the draft comes back when the editor opens.
 */
export function NoteEditor({
  target,
  onClose,
  onSaved,
}: {
  target: NoteTarget;
  onClose(): void;
  onSaved(note: Note): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const key = draftKey(target);
  const original = target.kind === 'edit' ? target.note : null;
  const [kind, setKind] = useState<NoteKind>(original?.kind ?? 'conversation');
  const [notedAt, setNotedAt] = useState(original?.notedAt ?? format(new Date(), "yyyy-MM-dd'T'HH:mm"));
  const [body, setBody] = useState(original?.body ?? '');
  const [pinned, setPinned] = useState(original?.pinned ?? false);
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const saveDraft = useMutate('drafts.save');
  const discardDraft = useMutate('drafts.discard');
  // Drafts are written in the background; when that fails the user must know the text is not safe yet.
  const [draftProblem, setDraftProblem] = useState<string>();
  const problem = (what: string, failure: unknown) => setDraftProblem(`${what} ${describeError(t, failure).summary}`);
  // Typing starts at once; a draft that arrives after the first key press does not overwrite it.
  const typed = useRef(false);
  const [leaving, setLeaving] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const lastDraftSave = useRef<Promise<unknown>>(Promise.resolve());
  // Set once the note is being saved or the draft discarded: no draft may be written after that.
  const finished = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const notLoaded = useEffectEvent((failure: unknown) => problem(t('notes.draftNotLoaded'), failure));
  useEffect(() => {
    let current = true;
    // Asked once when the editor opens: the text being typed is the editor's own from then on.
    queryClient.fetchQuery(remote('drafts.get', { key })).then(
      (draft) => {
        if (!current || !draft || typed.current) return;
        setKind(draft.kind);
        setNotedAt(draft.notedAt);
        setBody(draft.body);
        setRestoredFrom(draft.updatedAt);
      },
      (failure: unknown) => current && notLoaded(failure),
    );
    return () => {
      current = false;
    };
  }, [key]);

  // Typing starts in the text (the dialog itself would focus the first field), also back from the question.
  useEffect(() => {
    if (!leaving) formRef.current?.querySelector('textarea')?.focus();
  }, [leaving]);

  const writeDraft = (draft: { kind: NoteKind; notedAt: string; body: string }) => {
    window.clearTimeout(timer.current);
    if (finished.current) return;
    lastDraftSave.current = saveDraft.mutateAsync({ key, ...draft }).then(
      () => setDraftProblem(undefined),
      (failure: unknown) => problem(t('notes.draftNotSaved'), failure),
    );
  };

  useEffect(() => {
    if (!dirty) return;
    timer.current = window.setTimeout(() => writeDraft({ kind, notedAt, body }), DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer.current);
    // writeDraft only reads refs and the key; the values are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dirty, kind, notedAt, body]);

  const flush = () => {
    if (dirty) writeDraft({ kind, notedAt, body });
  };
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      typed.current = true;
      setDirty(true);
    };

  const stopDrafts = async () => {
    window.clearTimeout(timer.current);
    finished.current = true;
    await lastDraftSave.current;
  };

  const create = useSave('notes.create');
  const update = useSave('notes.update');
  const save = target.kind === 'edit' ? update : create;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await stopDrafts();
    const content = { kind, notedAt, body, pinned };
    let note: Note | undefined;
    if (target.kind === 'edit') note = await update.run({ id: target.note.id, ...content });
    else if (target.kind === 'client') note = await create.run({ clientId: target.clientId, ...content });
    else note = await create.run({ householdId: target.householdId, ...content });
    if (note) onSaved(note);
    else finished.current = false;
  };

  // Nothing typed and no draft waiting: closing needs no question.
  const requestClose = () => (dirty || restoredFrom ? setLeaving(true) : onClose());
  const keep = () => {
    flush();
    onClose();
  };
  const discard = async () => {
    await stopDrafts();
    try {
      await discardDraft.mutateAsync({ key });
      onClose();
    } catch (failure) {
      finished.current = false;
      setLeaving(false);
      problem(t('notes.draftNotDiscarded'), failure);
    }
  };

  let title = t('notes.editTitle');
  if (target.kind === 'client') title = t('notes.newTitle', { name: target.name });
  if (target.kind === 'household') title = t('notes.newHouseholdTitle', { name: target.name });

  return (
    <Dialog title={title} onClose={requestClose} wide>
      {leaving && <LeaveQuestion onBack={() => setLeaving(false)} onKeep={keep} onDiscard={() => void discard()} />}
      <form
        hidden={leaving}
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        onBlur={flush}
        noValidate
        className="note-editor"
      >
        {restoredFrom && (
          <p className="draft-restored" role="status">
            {t('notes.draftRestored', { time: formatDateTime(restoredFrom, session.language) })}
          </p>
        )}
        <div className="note-editor-row">
          <SelectField
            {...save.field('kind')}
            value={kind}
            onChange={changed((v: string) => setKind(v as NoteKind))}
            options={NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) }))}
          />
          <DateTimeField {...save.field('notedAt')} value={notedAt} onChange={changed(setNotedAt)} />
        </div>
        <TextArea
          {...save.field('body')}
          value={body}
          onChange={changed(setBody)}
          rows={10}
          hint={t('notes.bodyHint')}
        />
        <CheckboxField label={t('notes.pinned')} name="pinned" checked={pinned} onChange={setPinned} />
        <ErrorSummary message={draftProblem} />
        <ErrorSummary message={save.error?.summary} />
        <FormFooter onCancel={requestClose} saving={save.saving} />
      </form>
    </Dialog>
  );
}

function LeaveQuestion({ onBack, onKeep, onDiscard }: { onBack(): void; onKeep(): void; onDiscard(): void }) {
  const { t } = useTranslation();
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  return (
    <div className="note-leave">
      <p>{t('notes.keepQuestion')}</p>
      <div className="form-footer">
        <button type="button" className="secondary" onClick={onBack}>
          {t('notes.backToNote')}
        </button>
        <button type="button" className="secondary" onClick={onDiscard}>
          {t('notes.discardDraft')}
        </button>
        <button type="button" ref={keepRef} onClick={onKeep}>
          {t('notes.keepDraft')}
        </button>
      </div>
    </div>
  );
}
