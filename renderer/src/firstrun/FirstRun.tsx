import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/contract';
import { LANGUAGES, type Language } from '../../../common/languages';
import { CheckboxField, ErrorSummary, SelectField, TextField } from '../ui/fields';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { JoinTeam } from '../sync/TeamSettings';
import { StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/useAction';

/** First start: language, who you are, and optionally a demo caseload to try things with. */
export function FirstRun({ onDone }: { onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState(i18n.language as Language);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const [demo, setDemo] = useState(false);
  // Without them she could not score on her first day: offered, and on unless she says no.
  const [starters, setStarters] = useState(true);
  const save = useSave('setup.complete');
  const joining = useAction();

  const pickLanguage = (value: string) => {
    setLanguage(value as Language);
    void i18n.changeLanguage(value);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run({ language, name, role, demo, starters: starters && !demo })) onDone();
  };

  return (
    <main className="first-run" id="main">
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="first-run-title">
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p>{t('firstRun.intro')}</p>
        <SelectField
          label={t('firstRun.language')}
          name="language"
          value={language}
          onChange={pickLanguage}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <TextField
          {...save.field('name', t('firstRun.name'))}
          value={name}
          onChange={setName}
          hint={t('firstRun.nameHint')}
          autoFocus
        />
        <SelectField
          label={t('firstRun.role')}
          name="role"
          value={role}
          onChange={(v) => setRole(v as Role)}
          hint={t('firstRun.roleHint')}
          options={[
            { value: 'caseworker', label: t('roles.caseworker') },
            { value: 'key_person', label: t('roles.key_person') },
          ]}
        />
        <CheckboxField
          label={t('firstRun.demo')}
          name="demo"
          checked={demo}
          onChange={setDemo}
          hint={t('firstRun.demoHint')}
        />
        {/* The demo brings target groups and sheets of its own. */}
        {!demo && (
          <CheckboxField
            label={t('firstRun.starters')}
            name="starters"
            checked={starters}
            onChange={setStarters}
            hint={t('firstRun.startersHint')}
          />
        )}
        <ErrorSummary message={save.error?.summary} />
        <button type="submit" disabled={save.saving}>
          {save.saving ? t('firstRun.starting') : t('firstRun.start')}
        </button>
      </form>
      {/* Or the team's Koers: who she is, the lists and her caseload come from the team server. */}
      <section className="panel" aria-labelledby="first-run-team">
        <h2 id="first-run-team">{t('firstRun.team.title')}</h2>
        <JoinTeam action={joining} intro={t('firstRun.team.intro')} />
        <StatusLine of={joining} />
      </section>
    </main>
  );
}

/**
 * Koers is set up but does not know who works on it now (its settings were lost or
 * reset): pick one of the caseworkers. First run is not offered again.
 */
export function ChooseCaseworker({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const caseworkers = useQuery(remote('caseworkers.list', {}));
  const active = (caseworkers.data ?? []).filter((w) => w.active);
  const [chosen, setChosen] = useState('');
  const id = chosen || (active[0]?.id ?? '');
  const save = useSave('caseworkers.switchCurrent');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run({ id })) onDone();
  };
  return (
    <main className="first-run" id="main">
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="choose-title">
        <h1 id="choose-title">{t('firstRun.chooseTitle')}</h1>
        <p>{t('firstRun.chooseIntro')}</p>
        <SelectField
          label={t('firstRun.chooseWho')}
          name="caseworker"
          value={id}
          onChange={setChosen}
          options={active.map((w) => ({ value: w.id, label: `${w.name} (${t(`roles.${w.role}`)})` }))}
        />
        <Loading of={caseworkers} quiet />
        <ErrorSummary message={save.error?.summary} />
        <button type="submit" disabled={save.saving || id === ''}>
          {t('firstRun.continue')}
        </button>
      </form>
    </main>
  );
}
