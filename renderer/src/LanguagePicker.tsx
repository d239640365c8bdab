import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../common/languages';
import { call } from './api';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const change = async (language: Language) => {
    await call('settings.setLanguage', { language });
    await i18n.changeLanguage(language);
  };
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={i18n.language} onChange={(e) => void change(e.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
