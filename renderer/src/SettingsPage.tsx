import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { remote, useMutate } from './query';
import { href } from './router';
import { BackupSettings } from './safety/BackupSettings';
import { OpenLogFolder } from './safety/OpenLogFolder';
import { SecuritySettings } from './safety/SecuritySettings';
import { useSession } from './session';
import { SelectField } from './ui/fields';
import { useAction } from './ui/useAction';
import { Page } from './ui/Page';
import { KeyPersonSettings } from './keyperson/KeyPerson';
import { TeamSettings } from './sync/TeamSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const switchCurrent = useMutate('caseworkers.switchCurrent');
  const session = useSession();
  const switching = useAction();
  const active = session.caseworkers.filter((w) => w.active);
  const teamMember = Boolean(useQuery(remote('sync.status', {})).data?.team);
  const switchTo = (id: string) =>
    void switching.perform(async () => {
      await switchCurrent.mutateAsync({ id });
      return '';
    });
  return (
    <Page className="panel narrow" title={t('nav.settings')}>
      {/* On a team laptop she works as whom she signed in as (Settings › Team). */}
      {!teamMember && (
        <SelectField
          label={t('fields.caseworkerId')}
          name="current"
          value={session.info.currentCaseworker?.id ?? ''}
          onChange={switchTo}
          options={active.map((w) => ({ value: w.id, label: `${w.name} (${t(`roles.${w.role}`)})` }))}
          error={switching.error}
        />
      )}
      <TeamSettings />
      <KeyPersonSettings />
      <SecuritySettings />
      <BackupSettings />
      <Support />
      {session.isKeyPerson && (
        <ul className="settings-links">
          <li>
            <a href={href({ page: 'audit' })}>{t('safety.audit.link')}</a>
          </li>
          <li>
            <a href={href({ page: 'retention' })}>{t('safety.privacy.link')}</a>
          </li>
        </ul>
      )}
    </Page>
  );
}

function Support() {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby="support-title">
      <h2 id="support-title">{t('safety.support.title')}</h2>
      <p className="hint">{t('safety.support.intro')}</p>
      <OpenLogFolder />
    </section>
  );
}
