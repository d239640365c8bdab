import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutate } from './query';
import { LANGUAGES, type Language } from '../../common/languages';
import { ErrorSummary } from './ui/fields';
import { useAction } from './ui/useAction';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const setLanguage = useMutate('settings.setLanguage');
  const id = useId();
  const action = useAction();
  const change = (language: Language) =>
    void action.perform(async () => {
      await setLanguage.mutateAsync({ language });
      await i18n.changeLanguage(language);
      return '';
    });
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={i18n.language} onChange={(e) => change(e.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
      <ErrorSummary message={action.error} />
    </div>
  );
}
