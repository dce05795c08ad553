import { MAX_SCORE, type Offer, type OfferCriterion } from '../model/job-search';

export interface OfferScore {
  /** 0-100, or null while the offer has no rating on any criterion. */
  score: number | null;
  rated: number;
  criteria: number;
  /** The score in words, for the coach and the client. */
  explanation: string;
}

/**
 * The weighted score of an offer: each rating (0-5) times the criterion's weight (1-5), added up
 * and divided by the most those criteria could give, as a share of 100. Criteria the client has
 * not rated yet are left out rather than counted as zero, and the explanation says so.
 */
export function offerScore(offer: Pick<Offer, 'ratings'>, criteria: readonly OfferCriterion[]): OfferScore {
  const ratingOf = new Map(offer.ratings.map((rating) => [rating.criterionId, rating.score]));
  let earned = 0;
  let possible = 0;
  let rated = 0;
  for (const criterion of criteria) {
    const score = ratingOf.get(criterion.id);
    if (score === undefined) continue;
    rated += 1;
    earned += score * criterion.weight;
    possible += MAX_SCORE * criterion.weight;
  }
  if (criteria.length === 0) {
    return { score: null, rated: 0, criteria: 0, explanation: 'Add the client’s criteria to compare offers by what matters to them.' };
  }
  if (rated === 0) {
    return { score: null, rated: 0, criteria: criteria.length, explanation: 'Not rated yet.' };
  }
  const score = Math.round((earned / possible) * 100);
  const left = criteria.length - rated;
  const explanation =
    `${score} of 100: ratings times weights add up to ${earned} of the ${possible} possible` +
    (left > 0 ? `; ${left} ${left === 1 ? 'criterion is' : 'criteria are'} not rated yet and not counted.` : '.');
  return { score, rated, criteria: criteria.length, explanation };
}
