import type { ClientDocument } from '../model/documents';
import type { Session } from '../model/session';
import type { EvidenceIndicator } from './evidence';

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/**
 * What the coach's look back on sessions says about the intimacy practices: personal questions
 * asked with a way out, first moves made, and things held back. Only sessions the coach looked
 * back on count, so an unanswered "asked?" never reads as "no".
 */
export function intimacyPracticeIndicators(
  document: ClientDocument,
  sessions: readonly Session[],
  isPersonal: (questionId: string) => boolean,
): EvidenceIndicator[] {
  const inWindow = new Set(sessions.map((session) => session.id));
  const looked = document.intimacy.sessions.filter((entry) => entry.reflectedAt !== null && inWindow.has(entry.sessionId));
  if (looked.length === 0) return [];
  const found: EvidenceIndicator[] = [];
  const askedPersonal = looked.flatMap((entry) => entry.questions).filter((question) => question.asked && isPersonal(question.questionId));
  if (askedPersonal.length > 0) {
    const withWayOut = askedPersonal.filter((question) => question.wayOutGiven).length;
    found.push({
      id: 'questions-with-way-out',
      component: 'intimacy',
      label: 'Personal questions asked with a way out',
      numerator: withWayOut,
      denominator: askedPersonal.length,
      ratio: withWayOut / askedPersonal.length,
      text: `${withWayOut} of ${askedPersonal.length} personal ${plural(askedPersonal.length, 'question', 'questions')} asked with a way out`,
    });
  }
  const count = looked.length;
  const sessionsText = `${count} ${plural(count, 'session', 'sessions')} you looked back on`;
  const madeFirst = looked.filter((entry) => entry.firstMoveMade).length;
  found.push({
    id: 'first-moves-made',
    component: 'intimacy',
    label: 'First moves made',
    numerator: madeFirst,
    denominator: count,
    ratio: madeFirst / count,
    text: `You went first in ${madeFirst} of ${sessionsText}`,
  });
  const heldBack = looked.filter((entry) => entry.heldBack).length;
  found.push({
    id: 'held-back',
    component: 'intimacy',
    label: 'Sessions where you held something back',
    numerator: heldBack,
    denominator: count,
    ratio: heldBack / count,
    text: `You held back something you meant to say in ${heldBack} of ${sessionsText}`,
  });
  return found;
}
