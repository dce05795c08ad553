import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/TodayView.vue') },
  { path: '/clients/new', name: 'client-new', component: () => import('./views/ClientNewView.vue') },
  { path: '/clients/:id', name: 'client', component: () => import('./views/ClientView.vue'), props: true },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  { path: '/goals', name: 'goals', component: () => import('./views/GoalsView.vue') },
  {
    path: '/print/goals/:clientId/:goalId?',
    name: 'print-goals',
    component: () => import('./views/print/GoalsPrintView.vue'),
    props: true,
    meta: { print: true },
  },
  { path: '/trust', name: 'trust-overview', component: () => import('./views/TrustOverviewView.vue') },
  { path: '/job-search', name: 'job-search', component: () => import('./views/JobSearchPracticeView.vue') },
  { path: '/questions', name: 'question-bank', component: () => import('./views/QuestionBankView.vue') },
  {
    path: '/print/feedback/:clientId',
    name: 'print-feedback',
    component: () => import('./views/print/FeedbackSheetPrintView.vue'),
    props: true,
    meta: { print: true },
  },
  {
    path: '/clients/:clientId/sessions/:sessionId/agenda',
    name: 'agenda',
    component: () => import('./views/AgendaView.vue'),
    props: true,
  },
  {
    path: '/print/agenda/:clientId/:sessionId',
    name: 'print-agenda',
    component: () => import('./views/print/AgendaPrintView.vue'),
    props: true,
    meta: { print: true },
  },
  {
    path: '/print/recap/:clientId/:sessionId',
    name: 'print-recap',
    component: () => import('./views/print/RecapPrintView.vue'),
    props: true,
    meta: { print: true },
  },
  {
    path: '/print/client/:clientId',
    name: 'print-client-file',
    component: () => import('./views/print/ClientFilePrintView.vue'),
    props: true,
    meta: { print: true },
  },
  { path: '/hours', name: 'hours', component: () => import('./views/HoursView.vue') },
  {
    path: '/print/hours/:year(\\d{4})?',
    name: 'print-hours',
    component: () => import('./views/print/HoursPrintView.vue'),
    props: true,
    meta: { print: true },
  },
  // Every shared component in both themes (docs/design-system.md); reached by address, not from the navigation.
  { path: '/design', name: 'design', component: () => import('./views/DesignView.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

/** Print views set `meta: { print: true }` and render without the app's chrome. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
