import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow, Household } from '../../../common/contract';
import { foldName } from '../../../common/fold';
import { LOCALES } from '../../../common/i18n/locales';
import { FormDialog } from '../ui/FormDialog';
import { NoteCard } from '../notes/NoteCard';
import { NoteEditor } from '../notes/NoteEditor';
import { useFocusNote } from '../notes/useFocusNote';
import { href } from '../router';
import { useSession } from '../session';
import { ErrorSummary, TextField } from '../ui/fields';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { DataTable } from '../ui/DataTable';
import './households.css';
import { remote } from '../query';

/** The contract's limit on members chosen at once. */
const MAX_MEMBERS = 20;
/** Matches shown under the search box: enough to pick from, few enough to scan. */
const SHOWN_MATCHES = 20;

export function HouseholdsPage() {
  const { t } = useTranslation();
  const households = useQuery(remote('households.list', {}));
  const [status, setStatus] = useState('');
  const titleId = useId();
  return (
    <Page className="households-page" title={t('nav.households')} titleId={titleId} intro={t('households.intro')}>
      <p role="status" className="saved">
        {status}
      </p>
      <div className="household-columns">
        <div className="panel table-panel">
          {households.data ? (
            <HouseholdTable households={households.data} labelledBy={titleId} />
          ) : (
            <Loading of={households} />
          )}
        </div>
        <NewHousehold households={households.data ?? []} onCreated={setStatus} />
      </div>
    </Page>
  );
}

function HouseholdTable({ households, labelledBy }: { households: Household[]; labelledBy: string }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <DataTable
      labelledBy={labelledBy}
      empty={t('households.empty')}
      columns={[
        {
          key: 'name',
          header: t('fields.name'),
          cell: (household) => <a href={href({ page: 'household', id: household.id })}>{household.name}</a>,
        },
        {
          key: 'caseworker',
          header: t('fields.caseworkerId'),
          cell: (household) => session.caseworkerName(household.caseworkerId),
        },
        {
          key: 'members',
          header: t('households.members'),
          cell: (household) => t('households.memberCount', { count: household.members.length }),
        },
      ]}
      rows={households}
      rowKey={(household) => household.id}
    />
  );
}

function NewHousehold({ households, onCreated }: { households: Household[]; onCreated(message: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  // A fresh picker (empty search) after each household created.
  const [round, setRound] = useState(0);
  const save = useSave('households.create');
  const titleId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await save.run({ name, memberIds: chosen });
    if (!created) return;
    setName('');
    setChosen([]);
    setRound((r) => r + 1);
    onCreated(t('households.created', { name: created.name, count: created.members.length }));
  };
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('households.newTitle')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
        <TextField {...save.field('name')} value={name} onChange={setName} hint={t('households.nameHint')} />
        <MemberPicker key={round} households={households} chosen={chosen} onChange={setChosen} />
        <ErrorSummary message={save.error?.summary} />
        <button type="submit" disabled={save.saving}>
          {t('households.create')}
        </button>
      </form>
    </section>
  );
}

function matches(client: CaseloadRow, terms: readonly string[]): boolean {
  const haystack = foldName(`${client.firstName} ${client.lastName} ${client.pseudonym} ${client.reference ?? ''}`);
  return terms.every((term) => haystack.includes(term));
}

/**
 * Search, then tick. Rows never jump while being ticked: what was chosen before the
 * last search stays on top, the matches stay in name order, and both keep their
 * place until the search changes (a moved row would lose keyboard focus).
 */
function MemberPicker({
  households,
  chosen,
  onChange,
}: {
  households: Household[];
  chosen: string[];
  onChange(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const clientList = useQuery(remote('clients.list', { status: 'active' }));
  const clients = clientList.data;
  const [search, setSearch] = useState('');
  const [pinned, setPinned] = useState<string[]>([]);
  const terms = foldName(search).split(/\s+/).filter(Boolean);

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(LOCALES[session.language], { sensitivity: 'base' });
    return [...(clients ?? [])].sort(
      (a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName),
    );
  }, [clients, session.language]);
  const found = terms.length > 0 ? sorted.filter((c) => matches(c, terms)) : [];
  const shown = found.slice(0, SHOWN_MATCHES);
  const shownIds = new Set(shown.map((c) => c.id));
  const top = pinned
    .map((id) => sorted.find((c) => c.id === id))
    .filter((c): c is CaseloadRow => c !== undefined && !shownIds.has(c.id));

  const onSearch = (value: string) => {
    setSearch(value);
    setPinned(chosen);
  };
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  const full = chosen.length >= MAX_MEMBERS;
  const householdName = (id: string | null) => households.find((h) => h.id === id)?.name;

  let summary = '';
  if (terms.length > 0) {
    if (found.length === 0) summary = t('households.noMatches', { search: search.trim() });
    else if (found.length > shown.length)
      summary = t('households.matchesLimited', { count: found.length, shown: shown.length });
    else summary = t('households.matches', { count: found.length });
  }

  return (
    <fieldset className="member-picker">
      <legend>
        {t('households.members')} <span className="count">({t('households.chosen', { count: chosen.length })})</span>
      </legend>
      <p className="hint">{t('households.membersHint')}</p>
      <TextField
        label={t('households.search')}
        name="search"
        type="search"
        value={search}
        onChange={onSearch}
        hint={t('households.searchHint')}
        className="member-search"
      />
      <Loading of={clientList} quiet />
      <p className="hint" aria-live="polite">
        {summary}
      </p>
      {(top.length > 0 || shown.length > 0) && (
        <ul className="member-options">
          {[...top, ...shown].map((client) => {
            const checked = chosen.includes(client.id);
            return (
              <MemberOption
                key={client.id}
                client={client}
                checked={checked}
                disabled={full && !checked}
                caseworker={session.caseworkerName(client.caseworkerId)}
                otherHousehold={householdName(client.householdId)}
                onToggle={(on) => toggle(client.id, on)}
              />
            );
          })}
        </ul>
      )}
      {full && <p className="hint">{t('households.maxMembers', { max: MAX_MEMBERS })}</p>}
    </fieldset>
  );
}

function MemberOption(props: {
  client: CaseloadRow;
  checked: boolean;
  disabled: boolean;
  caseworker: string;
  otherHousehold: string | undefined;
  onToggle(on: boolean): void;
}) {
  const { client, checked, disabled, caseworker, otherHousehold, onToggle } = props;
  const { t } = useTranslation();
  const id = useId();
  return (
    <li>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={otherHousehold ? `${id}-hint` : undefined}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <label htmlFor={id}>
        {client.firstName} {client.lastName} <span className="mono muted-text">{client.pseudonym}</span>
        {caseworker && <span className="muted-text"> · {caseworker}</span>}
      </label>
      {otherHousehold && (
        <span id={`${id}-hint`} className="hint">
          {t('households.inOtherHousehold', { name: otherHousehold })}
        </span>
      )}
    </li>
  );
}

/** One family, one plan, one worker: the household, its members and its notes at a glance. */
export function HouseholdPage({ id, noteId }: { id: string; noteId: string | undefined }) {
  const { t } = useTranslation();
  const session = useSession();
  const query = useQuery(remote('households.get', { id }));
  const [renaming, setRenaming] = useState(false);
  const [writing, setWriting] = useState(false);
  const [status, setStatus] = useState('');
  const household = query.data;

  if (!household) return <Loading of={query} />;

  return (
    <Page
      className="household-page"
      back={{ href: href({ page: 'households' }), label: t('households.back') }}
      title={household.name}
      actions={
        <div className="toolbar">
          <button type="button" onClick={() => setWriting(true)}>
            {t('notes.writeHousehold')}
          </button>
          <button type="button" className="secondary" onClick={() => setRenaming(true)}>
            {t('households.rename')}
          </button>
        </div>
      }
    >
      <p role="status" className="saved">
        {status}
      </p>
      <div className="panel">
        <dl className="facts">
          <div>
            <dt>{t('fields.caseworkerId')}</dt>
            <dd>{session.caseworkerName(household.caseworkerId)}</dd>
          </div>
          <div>
            <dt>{t('households.members')}</dt>
            <dd>{t('households.memberCount', { count: household.members.length })}</dd>
          </div>
        </dl>
        <p className="hint household-intro">{t('households.intro')}</p>
      </div>
      <Members household={household} />
      <HouseholdNotes household={household} focusNoteId={noteId} onDone={setStatus} />
      {writing && (
        <NoteEditor
          target={{ kind: 'household', householdId: household.id, name: household.name }}
          onClose={() => setWriting(false)}
          onSaved={() => {
            setWriting(false);
            setStatus(t('notes.saved'));
          }}
        />
      )}
      {renaming && (
        <RenameDialog
          household={household}
          onClose={() => setRenaming(false)}
          onDone={() => {
            setRenaming(false);
            setStatus(t('common.saved'));
          }}
        />
      )}
    </Page>
  );
}

function Members({ household }: { household: Household }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('households.members')}</h2>
      <DataTable
        labelledBy={titleId}
        empty={t('households.noMembers')}
        columns={[
          {
            key: 'name',
            header: t('fields.name'),
            cell: (member) => (
              <a href={href({ page: 'client', id: member.id })}>
                {member.firstName} {member.lastName}
              </a>
            ),
          },
          {
            key: 'pseudonym',
            header: t('households.pseudonym'),
            className: 'mono',
            cell: (member) => member.pseudonym,
          },
          {
            key: 'status',
            header: t('households.status'),
            // The word says it; the colour only repeats it.
            cell: (member) => (
              <span className={`badge status-${member.status}`}>
                {t(member.status === 'active' ? 'households.active' : 'households.closed')}
              </span>
            ),
          },
        ]}
        rows={household.members}
        rowKey={(member) => member.id}
      />
      <p className="hint">{t('households.changeMembersHint')}</p>
    </section>
  );
}

function HouseholdNotes({
  household,
  focusNoteId,
  onDone,
}: {
  household: Household;
  focusNoteId: string | undefined;
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const notes = useQuery(remote('notes.forHousehold', { id: household.id }));
  const members = household.members.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }));
  useFocusNote(focusNoteId, notes.data !== undefined);
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('notes.householdNotes')}</h2>
      <p className="hint">{t('notes.householdNotesHint')}</p>
      {(!notes.data || notes.isError) && <Loading of={notes} />}
      {notes.data?.length === 0 && <p className="empty">{t('notes.noHouseholdNotes')}</p>}
      {notes.data?.map((note) => (
        <NoteCard key={note.id} note={note} anchor clients={members} onDone={onDone} />
      ))}
    </section>
  );
}

function RenameDialog({ household, onClose, onDone }: { household: Household; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(household.name);
  const save = useSave('households.rename');
  const submit = async () => {
    if (await save.run({ id: household.id, name })) onDone();
  };
  return (
    <FormDialog title={t('households.renameTitle')} save={save} onClose={onClose} onSubmit={submit}>
      <TextField {...save.field('name')} value={name} onChange={setName} autoFocus />
    </FormDialog>
  );
}
