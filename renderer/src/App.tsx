import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CaseloadPage } from './caseload/CaseloadPage';
import { ClientPage } from './client/ClientPage';
import { ChooseCaseworker, FirstRun } from './firstrun/FirstRun';
import { HouseholdPage, HouseholdsPage } from './households/HouseholdsPage';
import { LanguagePicker } from './LanguagePicker';
import { ConflictsPage } from './sync/ConflictsPage';
import { SyncIndicator } from './sync/SyncIndicator';
import { CaseworkersPage } from './manage/CaseworkersPage';
import { ListsPage } from './manage/ListsPage';
import { MyDayPage } from './myday/MyDayPage';
import { NotesSearchPage } from './notes/NotesSearchPage';
import { href, type Route, useRoute } from './router';
import { SessionProvider, useSession } from './session';
import { SettingsPage } from './SettingsPage';
import { CoveragePage } from './coverage/CoveragePage';
import { PageBoundary } from './failure/ErrorBoundary';
import { StartupFailure } from './failure/StartupFailure';
import { MeetingPage } from './presentation/MeetingPage';
import { PresentWindow } from './presentation/PresentWindow';
import { ReportPage } from './report/ReportPage';
import { PaperSheets } from './papers/PaperSheets';
import { PapersPage } from './papers/PapersPage';
import { SpreadsheetsPage } from './spreadsheets/SpreadsheetsPage';
import { KeyPersonPage } from './keyperson/KeyPerson';
import { AuditPage } from './safety/AuditPage';
import { LockGate } from './safety/LockGate';
import { ClientModeGate } from './client-mode/ClientModeGate';
import { RetentionPage } from './safety/RetentionPage';
import { TeamPage } from './team/TeamPage';
import { ScoringPage } from './scoring/ScoringPage';
import { SheetPage, SheetsPage } from './sheets/SheetsPage';
import { Loading } from './ui/Loading';
import { remote } from './query';

export function App() {
  // Reloaded when caseworkers change: switching who works here changes the whole app.
  // (The language is set at boot and by the pickers, not from here.)
  const info = useQuery(remote('app.info', {}));
  const route = useRoute();

  const reload = () => void info.refetch();

  if (!info.data && info.error) return <StartupFailure step="info" error={info.error} onRetry={reload} />;
  if (!info.data) return <Loading of={info} />;
  if (!info.data.setUp) return <FirstRun onDone={reload} />;
  return (
    <LockGate>
      <ClientModeGate>
        {info.data.currentCaseworker ? (
          <SessionProvider info={info.data}>
            <Window route={route} />
          </SessionProvider>
        ) : (
          <ChooseCaseworker onDone={reload} />
        )}
      </ClientModeGate>
    </LockGate>
  );
}

/** The main window has the shell; the room's screen and the printed report are windows of their own. */
function Window({ route }: { route: Route }) {
  if (route.page === 'present')
    return (
      <PageBoundary resetKey={href(route)}>
        <PresentWindow />
      </PageBoundary>
    );
  if (route.page === 'report') return <ReportPage clientId={route.clientId} pseudonymised={route.pseudonymised} />;
  if (route.page === 'paper') return <PaperSheets batchId={route.batchId} />;
  return <Shell route={route} />;
}

const NAV: ReadonlyArray<{
  route: Route;
  label:
    | 'nav.caseload'
    | 'nav.myDay'
    | 'nav.households'
    | 'nav.notes'
    | 'nav.caseworkers'
    | 'nav.lists'
    | 'nav.sheets'
    | 'nav.coverage'
    | 'nav.team'
    | 'nav.meeting'
    | 'nav.papers'
    | 'nav.spreadsheets'
    | 'nav.settings';
  /** `manage`: a key person's, or anyone's while the Koers has none; `only`: a key person's. */
  keyPerson?: 'manage' | 'only';
}> = [
  { route: { page: 'caseload' }, label: 'nav.caseload' },
  { route: { page: 'myDay' }, label: 'nav.myDay' },
  { route: { page: 'households' }, label: 'nav.households' },
  { route: { page: 'notes' }, label: 'nav.notes' },
  { route: { page: 'caseworkers' }, label: 'nav.caseworkers', keyPerson: 'manage' },
  { route: { page: 'lists' }, label: 'nav.lists', keyPerson: 'manage' },
  { route: { page: 'sheets' }, label: 'nav.sheets', keyPerson: 'manage' },
  { route: { page: 'coverage' }, label: 'nav.coverage', keyPerson: 'only' },
  { route: { page: 'team' }, label: 'nav.team', keyPerson: 'only' },
  { route: { page: 'meeting' }, label: 'nav.meeting' },
  { route: { page: 'papers' }, label: 'nav.papers' },
  { route: { page: 'spreadsheets' }, label: 'nav.spreadsheets' },
  { route: { page: 'settings' }, label: 'nav.settings' },
];

function isCurrent(item: Route, route: Route): boolean {
  if (item.page === 'caseload') return route.page === 'caseload' || route.page === 'client' || route.page === 'score';
  if (item.page === 'sheets') return route.page === 'sheets' || route.page === 'sheet';
  if (item.page === 'households') return route.page === 'households' || route.page === 'household';
  if (item.page === 'settings')
    return (
      route.page === 'settings' || route.page === 'audit' || route.page === 'retention' || route.page === 'conflicts'
    );
  return item.page === route.page;
}

function Shell({ route }: { route: Route }) {
  const { t } = useTranslation();
  const session = useSession();
  const nav = NAV.filter(
    (item) => !item.keyPerson || session.isKeyPerson || (item.keyPerson === 'manage' && session.mayManage),
  );
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">
            {t('app.signedInAs', { name: session.info.currentCaseworker?.name ?? '' })}
          </span>
        </div>
        <div className="header-tools">
          <SyncIndicator />
          <LanguagePicker />
        </div>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {nav.map((item) => (
            <li key={item.label}>
              <a href={href(item.route)} aria-current={isCurrent(item.route, route) ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main" id="main" tabIndex={-1}>
        <PageBoundary resetKey={href(route)}>
          <Page route={route} keyPerson={session.isKeyPerson} mayManage={session.mayManage} />
        </PageBoundary>
      </main>
    </div>
  );
}

function Page({ route, keyPerson, mayManage }: { route: Route; keyPerson: boolean; mayManage: boolean }) {
  switch (route.page) {
    case 'client':
      return <ClientPage key={route.id} id={route.id} noteId={route.noteId} />;
    case 'myDay':
      return <MyDayPage />;
    case 'households':
      return <HouseholdsPage />;
    case 'household':
      return <HouseholdPage key={route.id} id={route.id} noteId={route.noteId} />;
    case 'notes':
      return <NotesSearchPage />;
    // Key-person screens exist only for key persons (the first three also while there is none); anyone else
    // who follows a link to one is told whose it is and why.
    case 'caseworkers':
      return mayManage ? <CaseworkersPage /> : <KeyPersonPage work="caseworkers" />;
    case 'lists':
      return mayManage ? <ListsPage /> : <KeyPersonPage work="lists" />;
    case 'sheets':
      return mayManage ? <SheetsPage /> : <KeyPersonPage work="sheets" />;
    case 'sheet':
      return mayManage ? <SheetPage key={route.id} id={route.id} /> : <KeyPersonPage work="sheets" />;
    case 'coverage':
      return keyPerson ? <CoveragePage /> : <KeyPersonPage work="coverage" />;
    case 'team':
      return keyPerson ? <TeamPage /> : <KeyPersonPage work="team" />;
    case 'meeting':
      return <MeetingPage />;
    case 'papers':
      return <PapersPage />;
    case 'spreadsheets':
      return <SpreadsheetsPage />;
    case 'audit':
      return keyPerson ? <AuditPage /> : <KeyPersonPage work="audit" />;
    case 'retention':
      return keyPerson ? <RetentionPage /> : <KeyPersonPage work="retention" />;
    case 'score':
      return (
        <ScoringPage
          key={`${route.clientId}/${route.scoringId ?? ''}`}
          clientId={route.clientId}
          {...(route.scoringId ? { scoringId: route.scoringId } : {})}
        />
      );
    case 'settings':
      return <SettingsPage />;
    case 'conflicts':
      return <ConflictsPage />;
    default:
      return <CaseloadPage />;
  }
}
