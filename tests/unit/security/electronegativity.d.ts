/** The part of Electronegativity's programmatic API the static audit uses (the package ships no types). */
declare module '@doyensec/electronegativity' {
  interface RunOptions {
    input: string;
    isSarif?: boolean;
    isRelative?: boolean;
    severitySet?: 'informational' | 'low' | 'medium' | 'high' | 'critical';
    confidenceSet?: 'tentative' | 'firm' | 'certain';
    electronVersionOverride?: string;
    parserPlugins?: string[];
    customScan?: string[];
    excludeFromScan?: string[];
  }

  interface Finding {
    id: string;
    file: string;
    location: { line: number; column: number };
    description: string;
    severity: { name: string };
    confidence: { name: string };
    manualReview: boolean;
  }

  interface RunResult {
    issues: Finding[];
    errors: { file: string; sample?: string; location?: unknown; error?: string }[];
  }

  export default function run(options: RunOptions): Promise<RunResult>;
}
