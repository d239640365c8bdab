import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../common/contract';
import { LEAVE_WORD } from '../../../common/contract/client-mode';
import { languageName } from '../format';
import { queryClient, remote } from '../query';
import { useSession } from '../session';
import { CheckboxField, SelectField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { useSave } from '../ui/useSave';

/**
 * The caseworker turns the screen to the client: which sheet, and whether the client sees their own
 * previous self-score. The window then shows only that sheet until she leaves client mode.
 */
export function StartClientMode({ client, onClose }: { client: Client; onClose(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const sheets = useQuery(remote('sheets.list', {}));
  const lock = useQuery(remote('lock.status', {}));
  const usable = (sheets.data ?? []).filter((s) => s.publishedVersionId !== null && !s.retired);
  const fallback =
    usable.find((s) => client.targetGroupId !== null && s.targetGroupIds.includes(client.targetGroupId)) ?? usable[0];
  const [sheetId, setSheetId] = useState('');
  const [showPrevious, setShowPrevious] = useState(true);
  const chosen = usable.find((s) => s.id === (sheetId || fallback?.id));
  const start = useSave('clientmode.start');
  const submit = async () => {
    if (!chosen?.publishedVersionId) return;
    const status = await start.run({ clientId: client.id, versionId: chosen.publishedVersionId, showPrevious });
    if (status) queryClient.setQueryData(remote('clientmode.status', {}).queryKey, status);
  };
  return (
    <FormDialog
      title={t('clientMode.startTitle')}
      submitLabel={t('clientMode.start')}
      onClose={onClose}
      onSubmit={submit}
      save={start}
      canSubmit={chosen !== undefined}
    >
      <p>{t('clientMode.intro', { name: client.firstName })}</p>
      <SelectField
        label={t('clientMode.sheet')}
        name="sheetId"
        value={chosen?.id ?? ''}
        onChange={setSheetId}
        options={usable.map((s) => ({ value: s.id, label: s.name }))}
        {...(usable.length === 0 && sheets.data ? { hint: t('clientMode.noSheet') } : {})}
      />
      <CheckboxField
        label={t('clientMode.showPrevious')}
        name="showPrevious"
        checked={showPrevious}
        onChange={setShowPrevious}
      />
      <p className="hint">
        {client.language
          ? t('clientMode.language', { language: languageName(client.language, session.language) })
          : t('clientMode.noLanguage')}
      </p>
      <p className="hint">
        {lock.data?.hasPin ? t('clientMode.leaveWithPin') : t('clientMode.leaveWithWord', { word: LEAVE_WORD })}
      </p>
    </FormDialog>
  );
}
