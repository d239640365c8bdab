import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetDetail } from '../../../common/contract';
import { href } from '../router';
import { ErrorSummary } from '../ui/fields';
import { useAction } from '../ui/useAction';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';
import { DraftEditor } from './DraftEditor';
import { PublishedVersion } from './PublishedVersion';
import { Translations } from './Translations';
import { Page } from '../ui/Page';
import './sheets.css';

/** One sheet: its published version (read-only) and, while there is one, the draft of the next. */
export function SheetPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(remote('sheets.get', { id }));
  const action = useAction();
  const editHintId = useId();
  // Where focus goes when the part the user worked in disappears (publish) or a new one appears (edit).
  const [focus, setFocus] = useState<'editor' | 'published' | null>(null);

  if (!query.data) return <Loading of={query} />;
  const sheet = query.data;
  const published = (number: number) => {
    setFocus('published');
    action.announce(t('sheets.sheet.done.published', { number }));
  };

  return (
    <Page
      className="sheet-page"
      back={{ href: href({ page: 'sheets' }), label: t('sheets.sheet.back') }}
      title={
        <>
          {sheet.name}
          {sheet.retired && <span className="badge">{t('sheets.list.retired')}</span>}
        </>
      }
      actions={
        <SheetActions
          sheet={sheet}
          editHintId={editHintId}
          perform={(fn) => void action.perform(fn)}
          onEditing={() => setFocus('editor')}
        />
      }
    >
      {!sheet.draft && sheet.published && (
        <p id={editHintId} className="hint edit-hint">
          {t('sheets.sheet.editHint', { number: sheet.published.number + 1, current: sheet.published.number })}
        </p>
      )}
      {sheet.retired && <p className="notice">{t('sheets.sheet.retiredNote')}</p>}
      <p role="status" className="saved">
        {action.status}
      </p>
      <ErrorSummary message={action.error} />
      {!sheet.published && <p className="notice">{t('sheets.sheet.notPublished')}</p>}
      {sheet.draft && (
        <DraftEditor
          key={sheet.draft.id}
          sheet={sheet}
          version={sheet.draft}
          autoFocus={focus === 'editor'}
          onPublished={published}
        />
      )}
      {sheet.published && (
        <PublishedVersion key={sheet.published.id} version={sheet.published} autoFocus={focus === 'published'} />
      )}
      {sheet.published && <Translations key={`translations-${sheet.published.id}`} version={sheet.published} />}
    </Page>
  );
}

function SheetActions({
  sheet,
  editHintId,
  perform,
  onEditing,
}: {
  sheet: SheetDetail;
  editHintId: string;
  perform(action: () => Promise<string>): void;
  onEditing(): void;
}) {
  const { t } = useTranslation();
  const editSheet = useMutate('sheets.edit');
  const setSheetRetired = useMutate('sheets.setRetired');
  const edit = () =>
    perform(async () => {
      const editing = await editSheet.mutateAsync({ id: sheet.id });
      onEditing();
      return t('sheets.sheet.done.editing', { number: editing.draft?.number ?? '' });
    });
  const setRetired = (retired: boolean) =>
    perform(async () => {
      await setSheetRetired.mutateAsync({ id: sheet.id, retired });
      return t(retired ? 'sheets.sheet.done.retired' : 'sheets.sheet.done.restored', { name: sheet.name });
    });
  return (
    <div className="sheet-actions" role="group" aria-label={t('sheets.sheet.actions')}>
      {/* A published version is never changed in place: editing always starts the next version. */}
      {!sheet.draft && sheet.published && (
        <button type="button" aria-describedby={editHintId} onClick={edit}>
          {t('sheets.sheet.edit', { number: sheet.published.number + 1 })}
        </button>
      )}
      <button type="button" className="secondary" onClick={() => setRetired(!sheet.retired)}>
        {sheet.retired ? t('sheets.sheet.restore') : t('sheets.sheet.retire')}
      </button>
    </div>
  );
}
