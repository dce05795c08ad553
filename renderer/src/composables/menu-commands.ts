import type { RouteLocationNormalizedLoaded, Router } from 'vue-router';
import type { MenuCommand } from '../../../shared/api/desktop';

export interface MenuActions {
  openSearch(): void;
  /** Prints or saves as PDF the print view of what the coach is looking at, if it has one. */
  print(route: string, pdf: boolean): void;
}

/** The print view that belongs to the page on screen, if any. */
export function printRouteFor(route: RouteLocationNormalizedLoaded): string | null {
  const { clientId, sessionId, id } = route.params as Record<string, string | undefined>;
  if (route.name === 'agenda' && clientId && sessionId) return `/print/agenda/${clientId}/${sessionId}`;
  if (route.name === 'client' && id && route.query.tab === 'goals') return `/print/goals/${id}`;
  if (route.name === 'client' && id && route.query.tab === 'trust') return `/print/feedback/${id}`;
  if (route.name === 'hours') return '/print/hours';
  return null;
}

/** What each application-menu command does in the page. */
export function runMenuCommand(command: MenuCommand, router: Router, actions: MenuActions): void {
  const route = router.currentRoute.value;
  switch (command) {
    case 'new-client':
      void router.push('/clients/new');
      break;
    case 'new-session':
      // The sessions tab opens its scheduling form when asked with `new=session`.
      if (route.name === 'client') void router.push({ name: 'client', params: route.params, query: { tab: 'sessions', new: 'session' } });
      break;
    case 'search':
      actions.openSearch();
      break;
    case 'settings':
      void router.push('/settings');
      break;
    case 'backup-now':
    case 'restore-backup':
      void router.push({ path: '/settings', query: { section: 'backup' } });
      break;
    case 'print':
    case 'save-pdf': {
      const target = printRouteFor(route);
      if (target) actions.print(target, command === 'save-pdf');
      break;
    }
  }
}
