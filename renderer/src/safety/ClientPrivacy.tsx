import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../main/contract';
import { call } from '../api';
import { describeError } from '../errors';
import { navigate } from '../router';
import { useSession } from '../session';
import { Dialog } from '../ui/Dialog';
import { ErrorSummary, TextField } from '../ui/fields';
import { useAction } from '../ui/useAction';

/** The client's privacy rights: everything in one file, and (key persons) complete erasure. */
export function ClientPrivacy({ client }: { client: Client }) {
  const { t } = useTranslation();
  const session = useSession();
  const action = useAction();
  const [erasing, setErasing] = useState(false);
  const exportData = () =>
    void action.perform(async () => {
      const { path } = await call('privacy.exportClient', { clientId: client.id });
      return path ? t('safety.privacy.exported', { path }) : t('charts.export.cancelled');
    });
  return (
    <div className="client-privacy">
      <button type="button" className="secondary" onClick={exportData}>
        {t('safety.privacy.exportData')}
      </button>
      {session.isKeyPerson && (
        <button type="button" className="secondary" onClick={() => setErasing(true)}>
          {t('safety.privacy.erase')}
        </button>
      )}
      <ErrorSummary message={action.error} />
      <p role="status" className="saved">
        {action.status}
      </p>
      {erasing && <EraseDialog client={client} onClose={() => setErasing(false)} />}
    </div>
  );
}

function EraseDialog({ client, onClose }: { client: Client; onClose(): void }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  const erase = async () => {
    try {
      await call('privacy.eraseClient', { clientId: client.id, confirm });
      onClose();
      navigate({ page: 'caseload' });
    } catch (failure) {
      setError(describeError(t, failure).summary);
    }
  };
  return (
    <Dialog title={t('safety.privacy.eraseTitle', { name: `${client.firstName} ${client.lastName}` })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void erase();
        }}
        noValidate
      >
        <p>{t('safety.privacy.eraseWarning')}</p>
        <TextField label={t('safety.privacy.confirmLabel', { pseudonym: client.pseudonym })} name="confirm" value={confirm} onChange={setConfirm} />
        <ErrorSummary message={error} />
        <div className="form-footer">
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="danger" disabled={confirm.trim() !== client.pseudonym}>
            {t('safety.privacy.eraseConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
