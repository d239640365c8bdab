import { useTranslation } from 'react-i18next';
import { ClientsPage } from './clients/ClientsPage';
import { LanguagePicker } from './LanguagePicker';

export function App() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguagePicker />
      </header>
      <main className="app-main" id="main">
        <ClientsPage />
      </main>
    </div>
  );
}
