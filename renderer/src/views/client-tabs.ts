import type { Component } from 'vue';
import ClientOverview from '../components/clients/ClientOverview.vue';
import ClientProfileTab from '../components/clients/ClientProfileTab.vue';
import CommitmentsPanel from '../components/commitments/CommitmentsPanel.vue';
import DocumentsPanel from '../components/documents/DocumentsPanel.vue';
import GoalsPanel from '../components/goals/GoalsPanel.vue';
import JobSearchPanel from '../components/job-search/JobSearchPanel.vue';
import NotesPanel from '../components/notes/NotesPanel.vue';
import SessionsPanel from '../components/sessions/SessionsPanel.vue';
import TerminologyPanel from '../components/terminology/TerminologyPanel.vue';
import TrustPanel from '../components/trust/TrustPanel.vue';

/** A tab of the client file page; its component receives a `clientId: string` prop. */
export interface ClientTab {
  id: string;
  label: string;
  component: Component;
}

/** Features add their tab with one entry here; the first tab is the default. */
export const clientTabs: ClientTab[] = [
  { id: 'overview', label: 'Overview', component: ClientOverview },
  { id: 'sessions', label: 'Sessions', component: SessionsPanel },
  { id: 'commitments', label: 'Commitments', component: CommitmentsPanel },
  { id: 'goals', label: 'Goals', component: GoalsPanel },
  { id: 'job-search', label: 'Job search', component: JobSearchPanel },
  { id: 'notes', label: 'Notes', component: NotesPanel },
  { id: 'documents', label: 'Documents', component: DocumentsPanel },
  { id: 'terminology', label: 'Their words', component: TerminologyPanel },
  { id: 'trust', label: 'Trust', component: TrustPanel },
  { id: 'profile', label: 'Profile', component: ClientProfileTab },
];
