/**
 * A plain-text scan of renderer sources for the departures from docs/renderer-conventions.md
 * that a grep can see. It reads text only (no parser), so it errs on the side of reporting:
 * a file that must do one of these things on purpose is named in an allow-list with its reason.
 */

export type RuleId = 'catches-failure' | 'string-error' | 'typed-maxlength' | 'local-run' | 'api-on-mounted' | 'opens-window';

export interface Finding {
  /** Path relative to `renderer/src`, with forward slashes. */
  file: string;
  line: number;
  rule: RuleId;
  /** The offending source line, trimmed. */
  text: string;
}

/** What each rule asks for instead; printed with every finding. */
export const REMEDY: Record<RuleId, string> = {
  'catches-failure': 'run the call through useAction (or load through useKeyedLoader) and show its error with <ErrorMessage>',
  'string-error': 'keep the error as Ref<RapportError | null> named `error` and show it with <ErrorMessage>',
  'typed-maxlength': 'take the limit from the shared schema with maxLengthOf(schema)',
  'local-run': 'use useAction().run; do not wrap it in a local run()',
  'api-on-mounted': 'load through useKeyedLoader, keyed by the record the data belongs to',
  'opens-window': 'open links through <ExternalLink> / useExternalLink',
};

const LINE_RULES: { rule: RuleId; pattern: RegExp }[] = [
  { rule: 'catches-failure', pattern: /\btry\s*\{|\.catch\s*\(/ },
  { rule: 'string-error', pattern: /\b(?:const|let)\s+\w*(?:error|Error|problem|Problem)\w*\s*=\s*ref(?:<string>)?\(\s*(?:''|"")\s*\)/ },
  { rule: 'typed-maxlength', pattern: /maxlength\s*=\s*["'`]\d+["'`]/i },
  { rule: 'local-run', pattern: /\bfunction\s+run\s*[<(]|\b(?:const|let)\s+run\s*=\s*(?:async\s*)?(?:\(|function\b)/ },
  { rule: 'opens-window', pattern: /\bwindow\.open\s*\(|target\s*=\s*\\?["']_blank/ },
];

/** Comment lines explain conventions in words; only code counts. */
function isComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('<!--');
}

/** The text between the parentheses that open at `open` (an index of '('). */
function balancedArgument(source: string, open: number): string {
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    if (source[index] === '(') depth++;
    else if (source[index] === ')' && --depth === 0) return source.slice(open + 1, index);
  }
  return source.slice(open + 1);
}

/** Every departure in one file's source. */
export function scanSource(file: string, source: string): Finding[] {
  const lines = source.split('\n');
  const findings: Finding[] = [];
  lines.forEach((text, index) => {
    if (isComment(text)) return;
    for (const { rule, pattern } of LINE_RULES) {
      if (pattern.test(text)) findings.push({ file, line: index + 1, rule, text: text.trim() });
    }
  });
  for (const match of source.matchAll(/\bonMounted\s*\(/g)) {
    const body = balancedArgument(source, match.index + match[0].length - 1);
    if (/\bapi\.\w/.test(body)) {
      const line = source.slice(0, match.index).split('\n').length;
      findings.push({ file, line, rule: 'api-on-mounted', text: lines[line - 1].trim() });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

export interface Allowance {
  file: string;
  rule: RuleId;
  /** Why this file may do it (permanent entries), or which branch moves it (temporary ones). */
  why: string;
}

/** Findings no allowance covers, and allowances that cover nothing any more (to be removed). */
export function judge(findings: Finding[], allowances: Allowance[]): { departures: Finding[]; stale: Allowance[] } {
  const covers = (allowance: Allowance, finding: Finding) => allowance.file === finding.file && allowance.rule === finding.rule;
  return {
    departures: findings.filter((finding) => !allowances.some((allowance) => covers(allowance, finding))),
    stale: allowances.filter((allowance) => !findings.some((finding) => covers(allowance, finding))),
  };
}

/** One line per finding, as the failing test prints them. */
export function describe(finding: Finding): string {
  return `renderer/src/${finding.file}:${finding.line} [${finding.rule}] ${finding.text}\n    → ${REMEDY[finding.rule]}`;
}
