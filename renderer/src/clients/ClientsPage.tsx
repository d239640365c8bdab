import { useDeferredValue, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/contract';
import type { Language } from '../../../main/contract/languages';
import { call, subscribe } from '../api';
import { describeError } from '../errors';
import { formatDate } from '../i18n';
import { AddClientForm } from './AddClientForm';

type Client = Output<'clients.list'>[number];

export function ClientsPage() {
  const { t, i18n } = useTranslation();
  const [clients, setClients] = useState<Client[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const searchId = useId();
  const hintId = useId();

  useEffect(() => {
    let current = true; // Ignore answers to a search the user has already changed.
    const load = () =>
      call('clients.list', deferredSearch ? { search: deferredSearch } : {}).then(
        (list) => {
          if (!current) return;
          setClients(list);
          setLoadError(null);
        },
        (error: unknown) => {
          if (current) setLoadError(`${t('errors.loadFailed')} ${describeError(t, error).summary}`);
        },
      );
    void load();
    const unsubscribe = subscribe('clients.changed', () => void load());
    return () => {
      current = false;
      unsubscribe();
    };
  }, [deferredSearch, t]);

  const language = i18n.language as Language;
  return (
    <div className="clients-page">
      <section className="panel client-list" aria-labelledby="clients-title">
        <div className="panel-heading">
          <h1 id="clients-title">{t('clients.title')}</h1>
          {clients && <span className="count">{t('clients.count', { count: clients.length })}</span>}
        </div>
        <div className="field search-field">
          <label htmlFor={searchId}>{t('clients.search')}</label>
          <input id={searchId} type="search" value={search} aria-describedby={hintId} onChange={(e) => setSearch(e.target.value)} />
          <span id={hintId} className="hint">
            {t('clients.searchHint')}
          </span>
        </div>
        {loadError && (
          <p role="alert" className="error-summary">
            {loadError}
          </p>
        )}
        {clients === null && !loadError && <p>{t('app.loading')}</p>}
        {clients && clients.length === 0 && <p className="empty">{deferredSearch ? t('clients.noMatches', { search: deferredSearch }) : t('clients.empty')}</p>}
        {clients && clients.length > 0 && (
          <table aria-labelledby="clients-title">
            <thead>
              <tr>
                <th scope="col">{t('clients.columns.pseudonym')}</th>
                <th scope="col">{t('clients.columns.name')}</th>
                <th scope="col">{t('clients.columns.reference')}</th>
                <th scope="col">{t('clients.columns.added')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <tr key={client.id}>
                  <td className="mono">{client.pseudonym}</td>
                  <td>
                    {client.lastName}, {client.firstName}
                  </td>
                  <td className="mono">{client.reference ?? <span className="muted">{t('clients.noReference')}</span>}</td>
                  <td>{formatDate(client.createdAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <AddClientForm />
    </div>
  );
}
