import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Output } from '../../../common/contract';
import { KoersError } from '../api';
import { describeError } from '../errors';
import { navigate } from '../router';
import { useSession } from '../session';
import { Dialog } from '../ui/Dialog';
import { ErrorSummary, TextField } from '../ui/fields';
import { useAction } from '../ui/useAction';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';
import { KeyPersonNote } from '../keyperson/KeyPerson';

type ErasurePlan = Output<'privacy.erasurePlan'>;

/** The client's privacy rights: everything in one file, and (key persons) complete erasure. */
export function ClientPrivacy({ client }: { client: Client }) {
  const { t } = useTranslation();
  const exportClient = useMutate('privacy.exportClient');
  const session = useSession();
  const action = useAction();
  const [erasing, setErasing] = useState(false);
  const exportData = () =>
    void action.perform(async () => {
      const { path } = await exportClient.mutateAsync({ clientId: client.id });
      return path ? t('safety.privacy.exported', { path }) : t('charts.export.cancelled');
    });
  return (
    <div className="client-privacy">
      <button type="button" className="secondary" onClick={exportData}>
        {t('safety.privacy.exportData')}
      </button>
      {session.isKeyPerson ? (
        <button type="button" className="secondary" onClick={() => setErasing(true)}>
          {t('safety.privacy.erase')}
        </button>
      ) : (
        <KeyPersonNote work="erase" />
      )}
      <ErrorSummary message={action.error} />
      <p role="status" className="saved">
        {action.status}
      </p>
      {erasing && <EraseDialog client={client} onClose={() => setErasing(false)} />}
    </div>
  );
}

/** What erasure does to the client's household, said before the user confirms. */
function HouseholdRule({ household }: { household: ErasurePlan['household'] }) {
  const { t } = useTranslation();
  if (!household) return null;
  return (
    <p>
      {household.erased
        ? t('safety.privacy.householdErased', { name: household.name, count: household.notes })
        : t('safety.privacy.householdKept', { name: household.name, count: household.otherMembers })}
    </p>
  );
}

function EraseDialog({ client, onClose }: { client: Client; onClose(): void }) {
  const { t } = useTranslation();
  const eraseClient = useMutate('privacy.eraseClient');
  const plan = useQuery(remote('privacy.erasurePlan', { clientId: client.id }));
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  // Erased in the database, but not yet on disk: the client is gone, the user must know the rest.
  const [pending, setPending] = useState<string>();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [pending]);
  const leave = () => {
    onClose();
    navigate({ page: 'caseload' });
  };
  const erase = async () => {
    try {
      await eraseClient.mutateAsync({ clientId: client.id, confirm });
      leave();
    } catch (failure) {
      const message = describeError(t, failure).summary;
      if (failure instanceof KoersError && failure.details?.reason === 'erase_pending') setPending(message);
      else setError(message);
    }
  };
  return (
    <Dialog
      title={t('safety.privacy.eraseTitle', { name: `${client.firstName} ${client.lastName}` })}
      onClose={pending ? leave : onClose}
    >
      {pending ? (
        <>
          <p role="alert" className="error-summary">
            {pending}
          </p>
          <div className="form-footer">
            <button type="button" ref={closeRef} onClick={leave}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void erase();
          }}
          noValidate
        >
          <p>{t('safety.privacy.eraseWarning')}</p>
          {plan.data ? <HouseholdRule household={plan.data.household} /> : <Loading of={plan} />}
          <TextField
            label={t('safety.privacy.confirmLabel', { pseudonym: client.pseudonym })}
            name="confirm"
            value={confirm}
            onChange={setConfirm}
          />
          <ErrorSummary message={error} />
          <div className="form-footer">
            <button type="button" className="secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
            {/* Not before the household rule is on screen: the user confirms knowing it. */}
            <button type="submit" className="danger" disabled={confirm.trim() !== client.pseudonym || !plan.data}>
              {t('safety.privacy.eraseConfirm')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
