import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { useSession } from '../session';
import { Page } from '../ui/Page';

/** What only a key person does (or, while there is none, whoever manages). */
export type KeyPersonWork = 'caseworkers' | 'lists' | 'sheets' | 'coverage' | 'team' | 'audit' | 'erase' | 'retention';

/** Who the key persons of this Koers are, or that it has none yet (and how to get one). */
export function useKeyPersonWho(): string {
  const { t } = useTranslation();
  const { keyPersons, language } = useSession();
  if (keyPersons.length === 0) return t('keyPerson.nobody');
  const names = new Intl.ListFormat(language, { type: 'conjunction' }).format(keyPersons.map((w) => w.name));
  return t('keyPerson.who', { count: keyPersons.length, names });
}

function KeyPersonWho() {
  return <>{useKeyPersonWho()}</>;
}

/** In place of something only a key person may do: what it is for, why it is theirs, and who they are. */
export function KeyPersonNote({ work }: { work: KeyPersonWork }) {
  const { t } = useTranslation();
  return (
    <p className="hint key-person-note">
      {t(`keyPerson.reasons.${work}`)} <KeyPersonWho />
    </p>
  );
}

/** A key person's screen opened by someone else (a link, a bookmark): says so instead of showing another page. */
export function KeyPersonPage({ work }: { work: KeyPersonWork }) {
  const { t } = useTranslation();
  return (
    <Page
      className="panel narrow"
      title={t('keyPerson.title')}
      back={{ href: href({ page: 'caseload' }), label: t('keyPerson.back') }}
    >
      <p>
        {t(`keyPerson.reasons.${work}`)} <KeyPersonWho />
      </p>
    </Page>
  );
}

/** On the screens a caseworker manages only because her Koers has no key person: says so, and until when. */
export function ManagingAlone() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isKeyPerson || !session.mayManage) return null;
  return <p className="hint key-person-note">{t('keyPerson.alone')}</p>;
}

/** Settings: what key persons do, who they are here, and why their screens are not in everyone's menu. */
export function KeyPersonSettings() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <section className="settings-section" aria-labelledby="key-person-title">
      <h2 id="key-person-title">{t('keyPerson.settingsTitle')}</h2>
      <p className="hint">
        {t('keyPerson.settingsIntro')} <KeyPersonWho />
        {!session.isKeyPerson && session.keyPersons.length > 0 && <> {t('keyPerson.notInMenu')}</>}
      </p>
    </section>
  );
}

/** Nothing to score with yet: whoever may manage sheets is shown where to make one, anyone else who does. */
export function NoSheetsHint() {
  const { t } = useTranslation();
  const { mayManage } = useSession();
  return (
    <p className="hint">
      {t('keyPerson.hints.noSheetsYet')}{' '}
      {mayManage ? (
        <>
          {t('keyPerson.hints.createSheet')} <a href={href({ page: 'sheets' })}>{t('keyPerson.hints.openSheets')}</a>
        </>
      ) : (
        <>
          {t('keyPerson.reasons.sheets')} <KeyPersonWho />
        </>
      )}
    </p>
  );
}

/** The hint under an empty target-group choice: where the groups come from. */
export function useNoTargetGroupsHint(): string {
  const { t } = useTranslation();
  const { mayManage } = useSession();
  const who = useKeyPersonWho();
  return mayManage ? t('keyPerson.hints.noTargetGroups') : `${t('keyPerson.hints.noTargetGroupsAsk')} ${who}`;
}

/** A handover with no one to hand over to: what to do about it (add a colleague, or ask a key person to). */
export function NoColleague() {
  const { t } = useTranslation();
  const { mayManage } = useSession();
  return (
    <p className="hint no-colleague">
      {t('keyPerson.hints.noColleague')}{' '}
      {mayManage ? (
        <>
          {t('keyPerson.hints.addColleague')}{' '}
          <a href={href({ page: 'caseworkers' })}>{t('keyPerson.hints.openCaseworkers')}</a>
        </>
      ) : (
        <>
          {t('keyPerson.hints.askForColleague')} <KeyPersonWho />
        </>
      )}
    </p>
  );
}
