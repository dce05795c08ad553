import { median } from './timing';

/** How a measurement is judged: at most `value` × its baseline, at least `value` × faster than it, or at most `value` ms or bytes. */
export type Target =
  | { kind: 'max-ratio'; value: number }
  | { kind: 'min-speedup'; value: number }
  | { kind: 'max-ms'; value: number }
  | { kind: 'max-bytes'; value: number };

export interface Series {
  label: string;
  median: number;
  samples: number[];
}

export interface Measurement {
  id: string;
  label: string;
  unit: 'ms' | 'bytes';
  /** Null when the workspace lacks the API this measurement needs; `note` says which. */
  subject: Series | null;
  baseline: Series | null;
  /** subject ÷ baseline. */
  ratio: number | null;
  target: Target | null;
  met: boolean | null;
  note: string;
}

export function series(label: string, samples: number[]): Series {
  return { label, median: median(samples), samples: samples.map((sample) => Math.round(sample * 1000) / 1000) };
}

function judge(target: Target | null, subject: Series | null, ratio: number | null): boolean | null {
  if (!target || !subject) return null;
  if (target.kind === 'max-ms' || target.kind === 'max-bytes') return subject.median <= target.value;
  if (ratio === null) return null;
  return target.kind === 'max-ratio' ? ratio <= target.value : 1 / ratio >= target.value;
}

export function measurement(fields: {
  id: string;
  label: string;
  unit?: 'ms' | 'bytes';
  subject: Series | null;
  baseline: Series | null;
  target: Target | null;
  note?: string;
}): Measurement {
  const { subject, baseline, target } = fields;
  const ratio = subject && baseline && baseline.median > 0 ? subject.median / baseline.median : null;
  return { unit: 'ms', note: '', ...fields, ratio, met: judge(target, subject, ratio) };
}
