import type { ApplicationSource, ApplicationStage } from '../../../../shared/model/job-search';

export const STAGE_LABELS: Record<ApplicationStage, string> = {
  interested: 'Interested',
  applied: 'Applied',
  screening: 'Screening',
  interviews: 'Interviews',
  offer: 'Offer',
  accepted: 'Accepted',
  declined: 'Declined',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const SOURCE_LABELS: Record<ApplicationSource, string> = {
  network: 'Network',
  posting: 'Job posting',
  recruiter: 'Recruiter',
  other: 'Other',
};
