import { useEffect, useState } from 'react';

export type Route =
  | { page: 'caseload' }
  | { page: 'client'; id: string; noteId?: string }
  | { page: 'myDay' }
  | { page: 'households' }
  | { page: 'household'; id: string; noteId?: string }
  | { page: 'notes' }
  | { page: 'caseworkers' }
  | { page: 'lists' }
  | { page: 'sheets' }
  | { page: 'sheet'; id: string }
  | { page: 'score'; clientId: string; scoringId?: string }
  | { page: 'coverage' }
  | { page: 'team' }
  | { page: 'meeting' }
  | { page: 'spreadsheets' }
  | { page: 'audit' }
  | { page: 'retention' }
  /** The room's screen during a presentation on another display (its own window). */
  | { page: 'present' }
  /** The printable progress report (a hidden window prints it to PDF). */
  | { page: 'report'; clientId: string; pseudonymised: boolean }
  /** Paper sheets of one print run (a hidden window prints them to PDF). */
  | { page: 'paper'; batchId: string }
  /** Printing paper sheets and typing filled-in ones in. */
  | { page: 'papers' }
  | { page: 'settings' }
  /** The team sync's conflicts and refusals (Settings › Team, the status line). */
  | { page: 'conflicts' };

/** Screens live in the URL hash: Back/Forward and reload keep the caseworker where they were. */
export function parseRoute(hash: string): Route {
  const [page, id, ...rest] = hash.replace(/^#\/?/, '').split('/');
  switch (page) {
    case 'clients':
      if (id && rest[0] === 'score')
        return rest[1]
          ? { page: 'score', clientId: decodeURIComponent(id), scoringId: decodeURIComponent(rest[1]) }
          : { page: 'score', clientId: decodeURIComponent(id) };
      if (id && rest[0] === 'notes' && rest[1])
        return { page: 'client', id: decodeURIComponent(id), noteId: decodeURIComponent(rest[1]) };
      return id ? { page: 'client', id: decodeURIComponent(id) } : { page: 'caseload' };
    case 'sheets':
      return id ? { page: 'sheet', id: decodeURIComponent(id) } : { page: 'sheets' };
    case 'coverage':
      return { page: 'coverage' };
    case 'team':
      return { page: 'team' };
    case 'meeting':
      return { page: 'meeting' };
    case 'spreadsheets':
      return { page: 'spreadsheets' };
    case 'audit':
      return { page: 'audit' };
    case 'retention':
      return { page: 'retention' };
    case 'present':
      return { page: 'present' };
    case 'report':
      return id
        ? { page: 'report', clientId: decodeURIComponent(id), pseudonymised: rest[0] === 'pseudonymised' }
        : { page: 'caseload' };
    case 'paper':
      return id ? { page: 'paper', batchId: decodeURIComponent(id) } : { page: 'papers' };
    case 'papers':
      return { page: 'papers' };
    case 'my-day':
      return { page: 'myDay' };
    case 'households':
      if (id && rest[0] === 'notes' && rest[1])
        return { page: 'household', id: decodeURIComponent(id), noteId: decodeURIComponent(rest[1]) };
      return id ? { page: 'household', id: decodeURIComponent(id) } : { page: 'households' };
    case 'notes':
      return { page: 'notes' };
    case 'caseworkers':
      return { page: 'caseworkers' };
    case 'lists':
      return { page: 'lists' };
    case 'settings':
      return { page: 'settings' };
    case 'conflicts':
      return { page: 'conflicts' };
    default:
      return { page: 'caseload' };
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case 'caseload':
      return '#/';
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}${route.noteId ? `/notes/${encodeURIComponent(route.noteId)}` : ''}`;
    case 'myDay':
      return '#/my-day';
    case 'paper':
      return `#/paper/${encodeURIComponent(route.batchId)}`;
    case 'household':
      return `#/households/${encodeURIComponent(route.id)}${route.noteId ? `/notes/${encodeURIComponent(route.noteId)}` : ''}`;
    case 'sheet':
      return `#/sheets/${encodeURIComponent(route.id)}`;
    case 'score':
      return `#/clients/${encodeURIComponent(route.clientId)}/score${route.scoringId ? `/${encodeURIComponent(route.scoringId)}` : ''}`;
    case 'report':
      return `#/report/${encodeURIComponent(route.clientId)}${route.pseudonymised ? '/pseudonymised' : ''}`;
    default:
      return `#/${route.page}`;
  }
}

/** A sentence `navigate` carries to the page it opens (a save that returns to the client says it is saved). */
let arrival: { hash: string; notice: string } | null = null;

/** Opens `route`; `notice` is said on the page it opens (its status line, once). */
export function navigate(route: Route, notice?: string): void {
  const hash = href(route);
  arrival = notice ? { hash, notice } : null;
  window.location.hash = hash;
}

/** The notice `navigate` brought to this page, read when the page mounts: a reload or a later visit has none. */
export function useArrivalNotice(): string {
  const [notice] = useState(() => (arrival?.hash === window.location.hash ? arrival.notice : ''));
  useEffect(() => {
    arrival = null;
  }, []);
  return notice;
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
