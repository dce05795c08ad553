import type { RatedAssessment, TrustApi, TrustOverviewRow } from '../../../shared/api/trust';
import type { AssessmentSource, TrustAssessment } from '../../../shared/model/assessment';
import type { ClientDocument } from '../../../shared/model/documents';
import { trustBalance, trustQuotient, type TrustRatings } from '../../../shared/trust/quotient';
import { findDisagreements } from '../../../shared/trust/disagreements';
import { trustEvidence } from '../../../shared/trust/evidence';
import { personalCheck } from '../../../shared/intimacy/prepare';
import { questionBank } from '../../../shared/questions/bank';
import { suggestFocus } from '../../../shared/trust/focus';
import { trustReading } from '../../../shared/trust/wording';
import { STALE_AFTER_DAYS, chronological, latestBySource, newestAssessment, ratingsOf } from '../../../shared/trust/history';
import { DAY_MS } from '../../../shared/dates';
import type { ServiceContext } from './context';

function rated(assessment: TrustAssessment): RatedAssessment {
  const components = ratingsOf(assessment);
  return {
    assessmentId: assessment.id,
    date: assessment.date,
    source: assessment.source,
    components,
    quotient: trustQuotient(components),
    balance: trustBalance(components),
    reading: trustReading(components),
    note: assessment.note,
  };
}

function overviewRow(document: ClientDocument, now: Date): TrustOverviewRow {
  const history = chronological(document.assessments);
  const latest = history.at(-1);
  const base = { clientId: document.client.id, name: document.client.name };
  if (!latest) return { ...base, latest: null, change: null, weakest: null, stale: true };
  const previous = history.slice(0, -1).findLast((entry) => entry.source === latest.source);
  const quotient = trustQuotient(ratingsOf(latest));
  const staleBefore = now.getTime() - STALE_AFTER_DAYS * DAY_MS;
  return {
    ...base,
    latest: { date: latest.date, source: latest.source, quotient },
    change: previous ? quotient - trustQuotient(ratingsOf(previous)) : null,
    weakest: trustReading(ratingsOf(latest)).focus,
    stale: Date.parse(`${latest.date}T00:00:00`) < staleBefore,
  };
}

export function createTrustService(context: ServiceContext): TrustApi {
  const { store } = context;
  return {
    async forClient(clientId) {
      const document = store.client(clientId);
      const now = context.now();
      const { noContactDays } = store.practice().settings;
      const history = chronological(document.assessments);
      const latest = latestBySource(history);
      const ratings: Partial<Record<AssessmentSource, TrustRatings>> = {};
      if (latest.coach) ratings.coach = ratingsOf(latest.coach);
      if (latest.client) ratings.client = ratingsOf(latest.client);
      const evidence = trustEvidence(document, { now, noContactDays, isPersonal: personalCheck(questionBank(store.practice()), document) });
      const newest = newestAssessment(latest);
      return {
        latest: {
          ...(latest.coach ? { coach: rated(latest.coach) } : {}),
          ...(latest.client ? { client: rated(latest.client) } : {}),
        },
        trend: history.map((entry) => ({
          assessmentId: entry.id,
          date: entry.date,
          source: entry.source,
          quotient: trustQuotient(ratingsOf(entry)),
        })),
        evidence,
        disagreements: findDisagreements(ratings, evidence),
        focus: newest ? suggestFocus(document, { source: newest.source, ratings: ratingsOf(newest) }, { now, noContactDays }) : null,
      };
    },

    async overview() {
      const now = context.now();
      return store
        .allClients()
        .filter((document) => document.client.status === 'active')
        .map((document) => overviewRow(document, now))
        .sort((a, b) => a.name.localeCompare(b.name) || a.clientId.localeCompare(b.clientId));
    },
  };
}
