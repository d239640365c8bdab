import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageFromLocales } from '../../common/languages';
import { App } from './App';
import { ErrorBoundary } from './failure/ErrorBoundary';
import { StartupFailure } from './failure/StartupFailure';
import { initI18n } from './i18n';
import { followMain, queryClient, remote } from './query';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);
followMain(queryClient);

/**
 * Asks main which language to speak, then shows the app (its first answer is already
 * in the cache). When main does not answer, the start-up failure screen says so in the
 * OS language (as Koers picks it before anyone chose one) and can try again.
 */
async function boot(): Promise<void> {
  let language;
  try {
    ({ language } = await queryClient.fetchQuery(remote('app.info', {})));
  } catch (error) {
    await initI18n(languageFromLocales(navigator.languages));
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <StartupFailure step="info" error={error} onRetry={() => void boot()} />
        </QueryClientProvider>
      </StrictMode>,
    );
    return;
  }
  await initI18n(language);
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        {/* Whatever no page or dialog catches: the window itself could not be drawn. */}
        <ErrorBoundary fallback={(error, reset) => <StartupFailure step="screen" error={error} onRetry={reset} />}>
          <App />
        </ErrorBoundary>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void boot();
