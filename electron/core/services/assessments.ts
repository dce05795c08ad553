import type { AssessmentsApi } from '../../../shared/api/assessments';
import { RapportError } from '../../../shared/errors';
import type { TrustAssessment } from '../../../shared/model/assessment';
import { chronological } from '../../../shared/trust/history';
import { localIsoDate } from '../../../shared/dates';
import type { ServiceContext } from './context';
import { newRecord, removeRecord } from './records';

const FUTURE_DATE = 'An assessment cannot be dated in the future. Please use today’s date or an earlier one.';

export function createAssessmentsService(context: ServiceContext): AssessmentsApi {
  const { store } = context;
  return {
    async list(clientId) {
      return chronological(store.client(clientId).assessments);
    },

    async create(clientId, input) {
      if (input.date > localIsoDate(context.now())) {
        throw new RapportError('INVALID_INPUT', FUTURE_DATE, [{ path: ['date'], message: FUTURE_DATE }]);
      }
      const assessment: TrustAssessment = {
        ...newRecord(context),
        date: input.date,
        source: input.source,
        credibility: input.credibility,
        reliability: input.reliability,
        intimacy: input.intimacy,
        selfOrientation: input.selfOrientation,
        note: input.note ?? '',
      };
      await store.updateClient(clientId, (document) => {
        document.assessments.push(assessment);
      });
      return assessment;
    },

    async remove(clientId, assessmentId) {
      await store.updateClient(clientId, (document) => {
        removeRecord(
          document.assessments,
          assessmentId,
          'assessment',
          'That assessment no longer exists. It may have been removed already.',
        );
      });
    },
  };
}
