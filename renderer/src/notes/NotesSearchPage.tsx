import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteHit, NoteKind } from '../../../common/contract';
import { formatDateTime } from '../format';
import { LOCALES } from '../../../common/i18n/locales';
import { href } from '../router';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { splitHighlights } from './format';
import { NOTE_KINDS } from '../../../common/enums';
import './notes.css';
import { Page } from '../ui/Page';

/** Search in every note as you type, narrowed by client, kind and period; best matches first. */
export function NotesSearchPage() {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const [text, setText] = useState('');
  const [clientId, setClientId] = useState('');
  const [kind, setKind] = useState<'' | NoteKind>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const clientList = useQuery(remote('clients.list', { status: 'all' }));
  const clients = clientList.data;
  const clientOptions = useMemo(() => {
    const collator = new Intl.Collator(LOCALES[session.language], { sensitivity: 'base' });
    return [...(clients ?? [])]
      .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
      .map((c) => ({ value: c.id, label: `${c.lastName}, ${c.firstName}` }));
  }, [clients, session.language]);
  const input = { text, ...(clientId ? { clientId } : {}), ...(kind ? { kind } : {}), from, to };
  // Search as you type: the hits stay on screen until the next answer replaces them.
  const hits = useQuery({ ...remote('notes.search', input), placeholderData: keepPreviousData });
  const searching = text.trim() !== '';

  let summary = t('notes.search.start');
  if (searching && hits.data)
    summary = hits.data.length === 0 ? t('notes.search.none') : t('notes.search.results', { count: hits.data.length });

  return (
    <Page className="notes-search" title={t('nav.notes')} titleId={titleId}>
      <div role="search" className="panel notes-filters">
        <TextField
          label={t('notes.search.text')}
          name="text"
          type="search"
          value={text}
          onChange={setText}
          hint={t('notes.search.textHint')}
          autoFocus
          className="notes-search-text"
        />
        <SelectField
          label={t('notes.search.client')}
          name="clientId"
          value={clientId}
          onChange={setClientId}
          options={clientOptions}
          empty={t('notes.search.anyClient')}
        />
        <Loading of={clientList} quiet />
        <SelectField
          label={t('notes.search.kind')}
          name="kind"
          value={kind}
          onChange={(v) => setKind(v as '' | NoteKind)}
          options={NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) }))}
          empty={t('notes.search.anyKind')}
        />
        <DateField label={t('notes.search.from')} name="from" filter value={from} onChange={setFrom} />
        <DateField label={t('notes.search.to')} name="to" filter value={to} onChange={setTo} />
      </div>
      <p className="hint" role="status">
        {summary}
      </p>
      <Loading of={hits} quiet />
      {searching && hits.data && hits.data.length > 0 && (
        <ol className="note-hits" aria-label={t('notes.search.resultsLabel')}>
          {hits.data.map((hit) => (
            <Hit key={hit.id} hit={hit} />
          ))}
        </ol>
      )}
    </Page>
  );
}

function Hit({ hit }: { hit: NoteHit }) {
  const { t } = useTranslation();
  const session = useSession();
  const target = hit.clientId
    ? href({ page: 'client', id: hit.clientId, noteId: hit.id })
    : href({ page: 'household', id: hit.householdId ?? '', noteId: hit.id });
  return (
    <li className="note-hit">
      <a href={target} aria-label={t('notes.search.open', { name: hit.ownerName })} className="note-hit-link">
        <span className="note-hit-owner">{hit.ownerName}</span>
        <span className="note-meta">
          {t(`notes.kinds.${hit.kind}`)} · {formatDateTime(hit.notedAt, session.language)}
          {hit.householdId && ` · ${t('notes.householdMarker')}`}
        </span>
      </a>
      <p className="note-snippet">
        {/* A snippet is one line: the bold markers of the note's formatting are left out. */}
        {splitHighlights(hit.snippet.replaceAll('**', '')).map((part, i) =>
          part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
        )}
      </p>
    </li>
  );
}
