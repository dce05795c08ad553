import type { AssessmentSource, TrustAssessment } from '../model/assessment';
import type { TrustRatings } from './quotient';

/** Oldest first: by date, then by when each was entered. */
export function chronological(assessments: readonly TrustAssessment[]): TrustAssessment[] {
  return [...assessments].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
}

export function latestBySource(assessments: readonly TrustAssessment[]): Partial<Record<AssessmentSource, TrustAssessment>> {
  const latest: Partial<Record<AssessmentSource, TrustAssessment>> = {};
  for (const assessment of chronological(assessments)) latest[assessment.source] = assessment;
  return latest;
}

export function ratingsOf(assessment: TrustAssessment): TrustRatings {
  const { credibility, reliability, intimacy, selfOrientation } = assessment;
  return { credibility, reliability, intimacy, selfOrientation };
}

/** An assessment older than this many days no longer describes the relationship. */
export const STALE_AFTER_DAYS = 60;

/** The assessment that decides the suggested focus: the most recent, the client's view winning on the same date. */
export function newestAssessment(latest: Partial<Record<AssessmentSource, TrustAssessment>>): TrustAssessment | undefined {
  return [latest.coach, latest.client]
    .filter((entry): entry is TrustAssessment => entry !== undefined)
    .sort((a, b) => b.date.localeCompare(a.date) || (a.source === 'client' ? -1 : 1))[0];
}
