import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api';
import { App } from './App';
import { initI18n } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  const info = await call('app.info', {});
  await initI18n(info.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
