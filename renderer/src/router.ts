import { useEffect, useState } from 'react';

export type Route =
  | { page: 'caseload' }
  | { page: 'client'; id: string }
  | { page: 'myDay' }
  | { page: 'households' }
  | { page: 'household'; id: string }
  | { page: 'caseworkers' }
  | { page: 'lists' }
  | { page: 'settings' };

/** Screens live in the URL hash: Back/Forward and reload keep the caseworker where they were. */
export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  switch (page) {
    case 'clients':
      return id ? { page: 'client', id: decodeURIComponent(id) } : { page: 'caseload' };
    case 'my-day':
      return { page: 'myDay' };
    case 'households':
      return id ? { page: 'household', id: decodeURIComponent(id) } : { page: 'households' };
    case 'caseworkers':
      return { page: 'caseworkers' };
    case 'lists':
      return { page: 'lists' };
    case 'settings':
      return { page: 'settings' };
    default:
      return { page: 'caseload' };
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case 'caseload':
      return '#/';
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}`;
    case 'myDay':
      return '#/my-day';
    case 'household':
      return `#/households/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
