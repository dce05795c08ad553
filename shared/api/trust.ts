import { z } from 'zod';
import type { AssessmentSource } from '../model/assessment';
import { Id } from '../model/primitives';
import type { Balance, TrustComponent, TrustRatings } from '../trust/quotient';
import type { Disagreement } from '../trust/disagreements';
import type { EvidenceIndicator } from '../trust/evidence';
import type { SuggestedFocus } from '../trust/focus';
import type { TrustReading } from '../trust/wording';

export interface RatedAssessment {
  assessmentId: string;
  date: string;
  source: AssessmentSource;
  components: TrustRatings;
  quotient: number;
  balance: Balance;
  /** Which part needs work, in words ("Self-orientation is high (7 of 10)."). */
  reading: TrustReading;
  note: string;
}

export interface TrendPoint {
  assessmentId: string;
  date: string;
  source: AssessmentSource;
  quotient: number;
}

export interface ClientTrust {
  latest: { coach?: RatedAssessment; client?: RatedAssessment };
  /** Every assessment, oldest first. */
  trend: TrendPoint[];
  evidence: EvidenceIndicator[];
  disagreements: Disagreement[];
  /** From the most recent assessment (the client's feedback when both share a date); null without one. */
  focus: SuggestedFocus | null;
}

export interface TrustOverviewRow {
  clientId: string;
  name: string;
  latest: { date: string; source: AssessmentSource; quotient: number } | null;
  /** Quotient change since the previous assessment from the same source; null without one. */
  change: number | null;
  /** The part that needs work most (the suggested focus's component); null when every part is at its best. */
  weakest: TrustComponent | null;
  /** No assessment in the last 60 days (or none at all). */
  stale: boolean;
}

export interface TrustApi {
  forClient(clientId: string): Promise<ClientTrust>;
  /** Active clients, sorted by name. */
  overview(): Promise<TrustOverviewRow[]>;
}

export const trustContract = {
  forClient: z.tuple([Id]),
  overview: z.tuple([]),
};
