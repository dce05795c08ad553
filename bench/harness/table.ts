import type { Measurement, Target } from './results';

function amount(value: number, unit: Measurement['unit']): string {
  if (unit === 'bytes') return `${(value / 1_048_576).toFixed(1)} MiB`;
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

function targetText(target: Target | null): string {
  if (!target) return '—';
  if (target.kind === 'max-ratio') return `≤ ${target.value}×`;
  if (target.kind === 'min-speedup') return `≥ ${target.value}× faster`;
  if (target.kind === 'max-bytes') return `≤ ${amount(target.value, 'bytes')}`;
  return `≤ ${target.value} ms`;
}

function ratioText(row: Measurement): string {
  if (row.ratio === null) return '—';
  if (row.target?.kind === 'min-speedup') return `${(1 / row.ratio).toFixed(1)}× faster`;
  return `${row.ratio.toFixed(2)}×`;
}

function resultText(row: Measurement): string {
  if (!row.subject) return 'not available yet';
  if (row.met === null) return 'info';
  return row.met ? 'met' : 'MISSED';
}

/** The results as a plain-text table, one row per measurement, notes below. */
export function formatTable(rows: readonly Measurement[]): string {
  const header = ['Measurement', 'Median', 'Baseline', 'Baseline median', 'Ratio', 'Target', 'Result'];
  const body = rows.map((row) => [
    row.label,
    row.subject ? amount(row.subject.median, row.unit) : '—',
    row.baseline?.label ?? '—',
    row.baseline ? amount(row.baseline.median, row.unit) : '—',
    ratioText(row),
    targetText(row.target),
    resultText(row),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  const notes = rows.filter((row) => row.note).map((row) => `- ${row.label}: ${row.note}`);
  return [line(header), rule, ...body.map(line), '', ...notes].join('\n');
}
