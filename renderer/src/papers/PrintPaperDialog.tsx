import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../common/contract';
import { CheckboxField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import type { Outcome } from '../ui/useAction';
import type { SaveState } from '../ui/useSave';
import { describeError } from '../errors';
import { usePrintPapers } from './PapersPage';

/** One client's paper sheet, with the name or, as chosen, the pseudonym on it. */
export function PrintPaperDialog({
  client,
  onClose,
  onDone,
}: {
  client: Client;
  onClose(): void;
  onDone(outcome: Outcome): void;
}) {
  const { t } = useTranslation();
  const print = usePrintPapers();
  const [pseudonymised, setPseudonymised] = useState(false);
  const [state, setState] = useState<SaveState>({ saving: false, error: null });
  const submit = async () => {
    setState({ saving: true, error: null });
    try {
      onDone(await print({ clientIds: [client.id], pseudonymised }));
    } catch (failure) {
      setState({ saving: false, error: describeError(t, failure, {}, t('errors.notDone')) });
    }
  };
  return (
    <FormDialog
      title={t('papers.printClientTitle', { name: client.firstName })}
      submitLabel={t('papers.printClient')}
      onClose={onClose}
      onSubmit={submit}
      save={state}
    >
      <p>{t('papers.printClientText')}</p>
      <CheckboxField
        label={t('papers.pseudonymised')}
        hint={t('papers.pseudonymHint', { pseudonym: client.pseudonym })}
        name="pseudonymised"
        checked={pseudonymised}
        onChange={setPseudonymised}
      />
    </FormDialog>
  );
}
