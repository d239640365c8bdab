import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note, TimelineEntry } from '../../../common/contract';
import { formatDate } from '../format';
import { NoteCard } from '../notes/NoteCard';
import { useFocusNote } from '../notes/useFocusNote';
import { type Session, useSession } from '../session';
import { type Option, SelectField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';

type Kind = TimelineEntry['kind'];
const KINDS: readonly Kind[] = ['note', 'scoring', 'stage', 'action', 'handover', 'closed', 'reopened', 'created'];

type EventEntry = Exclude<TimelineEntry, { kind: 'note' }>;

function describe(entry: EventEntry, t: TFunction, session: Session): string {
  switch (entry.kind) {
    case 'created':
      return t('client.events.created');
    case 'stage':
      return entry.fromStageId
        ? t('client.events.stageFrom', {
            from: session.labelOf(entry.fromStageId),
            to: session.labelOf(entry.toStageId),
          })
        : t('client.events.stage', { to: session.labelOf(entry.toStageId) });
    case 'handover':
      return t('client.events.handover', {
        from: session.caseworkerName(entry.fromCaseworkerId) || t('client.nobody'),
        to: session.caseworkerName(entry.toCaseworkerId),
      });
    case 'action':
      return t(entry.done ? 'client.events.actionDone' : 'client.events.action', {
        kind: t(`actionKinds.${entry.actionKind}`),
        title: entry.title,
      });
    case 'closed':
      return t('client.events.closed', { reason: session.labelOf(entry.reasonId) });
    case 'reopened':
      return t('client.events.reopened');
    case 'scoring': {
      const what = t('client.events.scoring', {
        sheet: entry.sheetName,
        version: entry.versionNumber,
        by: entry.organisation
          ? t('client.scoredByProvider', { organisation: entry.organisation })
          : t(`client.scoredBy.${entry.scoredBy}`),
      });
      if (entry.removed) return `${what} ${t('client.events.scoringRemoved')}`;
      return entry.edited ? `${what} ${t('client.events.scoringEdited')}` : what;
    }
  }
}

/**
 * Everything that happened to the client, newest first, filterable by kind; notes
 * (the client's own and the household's) among it, pinned ones also on top.
 */
export function Timeline({
  clientId,
  clientName,
  focusNoteId,
  onDone,
  readOnly = false,
}: {
  clientId: string;
  clientName: string;
  focusNoteId: string | undefined;
  onDone(message: string): void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [kind, setKind] = useState<'' | Kind>('');
  const titleId = useId();
  const pinnedId = useId();
  const query = useQuery(remote('clients.timeline', { id: clientId }));
  const timeline = query.data;
  const entries = timeline ?? [];
  const shown = kind ? entries.filter((e) => e.kind === kind) : entries;
  const pinned =
    kind === '' || kind === 'note'
      ? entries.flatMap((e): Note[] => (e.kind === 'note' && e.note.pinned ? [e.note] : []))
      : [];
  // Follow-up to-dos from a note on this timeline are the client's, household note or not.
  const self: Option[] = [{ value: clientId, label: clientName }];
  useFocusNote(focusNoteId, timeline !== undefined);
  return (
    <section className="panel" aria-labelledby={titleId}>
      <div className="panel-heading">
        <h2 id={titleId}>{t('client.timeline')}</h2>
        <SelectField
          label={t('client.timelineFilter')}
          name="timelineKind"
          value={kind}
          onChange={(v) => setKind(v as '' | Kind)}
          empty={t('client.allEvents')}
          options={KINDS.map((k) => ({ value: k, label: t(`client.kinds.${k}`) }))}
          className="inline-field"
        />
      </div>
      {!timeline && <Loading of={query} />}
      {pinned.length > 0 && (
        <section className="pinned-notes" aria-labelledby={pinnedId}>
          <h3 id={pinnedId}>{t('notes.pinnedGroup')}</h3>
          {pinned.map((note) => (
            <NoteCard key={note.id} note={note} anchor={false} clients={self} onDone={onDone} readOnly={readOnly} />
          ))}
        </section>
      )}
      <ol className="timeline">
        {shown.map((entry, i) => (
          <li
            key={entry.kind === 'note' ? entry.note.id : `${entry.kind}-${entry.at}-${i}`}
            className={`timeline-entry kind-${entry.kind}`}
          >
            <time dateTime={entry.date}>{formatDate(entry.date, session.language)}</time>
            {entry.kind === 'note' ? (
              <NoteCard note={entry.note} anchor clients={self} onDone={onDone} readOnly={readOnly} />
            ) : (
              <span>
                {describe(entry, t, session)}
                {entry.kind === 'handover' && entry.note && <span className="muted"> — {entry.note}</span>}
                {entry.kind === 'closed' && entry.outcomeNote && <span className="muted"> — {entry.outcomeNote}</span>}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
