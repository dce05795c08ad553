import type { Component } from 'vue';
import BackupSettings from '../components/backup/BackupSettings.vue';
import EmailWordingSection from './settings/EmailWordingSection.vue';
import PracticeSettingsSection from './settings/PracticeSettingsSection.vue';

/** A section of the Settings page; its heading is `label`. */
export interface SettingsSection {
  id: string;
  label: string;
  component: Component;
}

/** Features add their section with one entry here. */
export const settingsSections: SettingsSection[] = [
  { id: 'practice', label: 'Practice', component: PracticeSettingsSection },
  { id: 'email', label: 'Email wording', component: EmailWordingSection },
  { id: 'backup', label: 'Backups', component: BackupSettings },
];
