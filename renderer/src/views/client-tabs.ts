import type { Component } from 'vue';
import ClientProfileTab from '../components/clients/ClientProfileTab.vue';
import GoalsPanel from '../components/goals/GoalsPanel.vue';

/** A tab of the client file page; its component receives a `clientId: string` prop. */
export interface ClientTab {
  id: string;
  label: string;
  component: Component;
}

/** Features add their tab with one entry here; the first tab is the default. */
export const clientTabs: ClientTab[] = [
  { id: 'profile', label: 'Profile', component: ClientProfileTab },
  { id: 'goals', label: 'Goals', component: GoalsPanel },
];
