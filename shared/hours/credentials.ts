/**
 * The coaching-experience thresholds of the ICF credentials. Source: the International Coaching
 * Federation's "Experience Requirements" page (coachingfederation.org/experience-requirements,
 * read 30 November 2026): ACC 100 hours (75 paid) with at least 8 clients, PCC 500 hours
 * (450 paid) with at least 25 clients, MCC 2,500 hours (2,250 paid) with at least 35 clients,
 * all after the start of coach-specific training. The recency rules (25 or 50 hours within the
 * last 18 months) and the training, mentoring and exam requirements are not tracked here.
 */
export const ICF_CREDENTIALS = [
  { credential: 'ACC', name: 'Associate Certified Coach', hours: 100, paidHours: 75, clients: 8 },
  { credential: 'PCC', name: 'Professional Certified Coach', hours: 500, paidHours: 450, clients: 25 },
  { credential: 'MCC', name: 'Master Certified Coach', hours: 2500, paidHours: 2250, clients: 35 },
] as const;

export type Credential = (typeof ICF_CREDENTIALS)[number]['credential'];
