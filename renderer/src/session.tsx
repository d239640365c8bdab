import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Caseworker, CatalogItem, CatalogKind, Output } from '../../common/contract';
import type { Language } from '../../common/languages';
import { StartupFailure } from './failure/StartupFailure';
import { Loading } from './ui/Loading';
import { remote } from './query';

type Info = Output<'app.info'>;

export interface Session {
  info: Info;
  language: Language;
  isKeyPerson: boolean;
  /** The active key persons: who to ask for what only they do. */
  keyPersons: Caseworker[];
  /**
   * May manage caseworkers, lists and sheets: a key person, or anyone while no active caseworker is one
   * (main's `key_person_if_any` rule; main checks it again at every call).
   */
  mayManage: boolean;
  catalog: CatalogItem[];
  caseworkers: Caseworker[];
  /** Display name of a list item: its own name, or the translated default. */
  label(item: CatalogItem | undefined): string;
  labelOf(id: string | null): string;
  /** Live items of one kind, in order; retired ones only when asked (e.g. to show a current value). */
  items(kind: CatalogKind, options?: { includeRetired?: boolean }): CatalogItem[];
  caseworkerName(id: string | null): string;
  stageWeight(id: string | null): number;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Loads what every screen needs — who is working, the lists, the caseworkers — and keeps it fresh. */
export function SessionProvider({ info, children }: { info: Info; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const catalogs = useQuery(remote('catalog.list', {}));
  const workers = useQuery(remote('caseworkers.list', {}));
  // Asked for beside the lists, so the caseload (home) need not wait for it after them.
  useQuery(remote('settings.caseloadView', {}));
  const catalog = catalogs.data;
  const caseworkers = workers.data;

  const session = useMemo<Session | null>(() => {
    if (!catalog || !caseworkers) return null;
    const byId = new Map(catalog.map((item) => [item.id, item]));
    const caseworkerById = new Map(caseworkers.map((w) => [w.id, w]));
    const label = (item: CatalogItem | undefined): string => {
      if (!item) return '';
      if (item.name) return item.name;
      const key = `defaults.${item.kind}.${item.defaultKey ?? ''}`;
      return i18n.exists(key) ? t(key as 'defaults.stage.intake') : (item.defaultKey ?? '');
    };
    const isKeyPerson = info.currentCaseworker?.role === 'key_person';
    const keyPersons = caseworkers.filter((w) => w.active && w.role === 'key_person');
    return {
      info,
      language: i18n.language as Language,
      isKeyPerson,
      keyPersons,
      mayManage: isKeyPerson || (info.currentCaseworker !== null && keyPersons.length === 0),
      catalog,
      caseworkers,
      label,
      labelOf: (id) => (id ? label(byId.get(id)) : ''),
      items: (kind, options) =>
        catalog.filter((item) => item.kind === kind && (options?.includeRetired || !item.retired)),
      caseworkerName: (id) => (id ? (caseworkerById.get(id)?.name ?? t('common.unknown')) : ''),
      stageWeight: (id) => (id ? (byId.get(id)?.weight ?? 1) : 1),
    };
  }, [catalog, caseworkers, info, t, i18n]);

  if (!session) {
    const failed = [catalogs, workers].find((query) => query.error && !query.data);
    if (!failed) return <Loading of={catalogs} />;
    const retry = () => [catalogs, workers].forEach((query) => void query.refetch());
    return <StartupFailure step="session" error={failed.error} onRetry={retry} />;
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
