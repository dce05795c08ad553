import type { AutomaticReason, BackupCounts } from '../../../../shared/api/backup';
import { plural } from '../../format';
import { DISPLAY_LOCALE } from '../../../../shared/locale';

export function formatBytes(bytes: number): string {
  const [unit, size] =
    bytes >= 1024 * 1024 ? (['megabyte', bytes / (1024 * 1024)] as const) : (['kilobyte', Math.max(bytes / 1024, 0.1)] as const);
  return new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'unit', unit, maximumFractionDigits: 1 }).format(size);
}

export function describeCounts(counts: BackupCounts): string {
  return [
    plural(counts.clients, 'client', 'clients'),
    plural(counts.sessions, 'session', 'sessions'),
    plural(counts.agendas, 'agenda', 'agendas'),
    plural(counts.goals, 'goal', 'goals'),
    plural(counts.commitments, 'commitment', 'commitments'),
    plural(counts.assessments, 'trust assessment', 'trust assessments'),
  ].join(', ');
}

export const REASON_LABELS: Record<AutomaticReason, string> = {
  daily: 'Daily',
  quit: 'On quit',
  'before-restore': 'Before a restore',
};

/** `Rapport backup 2026-03-02.rapport-backup`, in the coach's own calendar day. */
export function defaultBackupName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `Rapport backup ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.rapport-backup`;
}
