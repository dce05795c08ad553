import type { Agenda } from '../model/agenda';
import type { AgendaChange } from './changes';
import { tidyTitle } from './item-line';
import { longestIncreasing, matchTexts } from './match';
import type { ParsedReply } from './parse';
import { typographic } from './similarity';

/** Details compared line by line, blank lines, indentation and typography aside. */
function sameDetails(a: string, b: string): boolean {
  const tidy = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => typographic(line))
      .filter(Boolean)
      .join(' ');
  return tidy(a) === tidy(b);
}

function sameTitle(a: string, b: string): boolean {
  return typographic(tidyTitle(a)) === typographic(tidyTitle(b));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function itemChanges(current: Agenda['items'], reply: Pick<ParsedReply, 'items'>['items']): AgendaChange[] {
  const matchOf = matchTexts(
    current.map((item) => item.title),
    reply.map((item) => item.title),
  );
  const refs = reply.map((_, index) => (matchOf[index] >= 0 ? current[matchOf[index]].id : `added:${index + 1}`));
  const precededBy = (index: number) => refs.slice(0, index).reverse();
  const matchedPositions = reply.flatMap((_, index) => (matchOf[index] >= 0 ? [index] : []));
  const keptOrder = longestIncreasing(matchedPositions.map((index) => matchOf[index]));
  const moved = new Set(matchedPositions.filter((_, position) => !keptOrder.has(position)));

  const changes: AgendaChange[] = [];
  reply.forEach((parsed, index) => {
    if (matchOf[index] < 0) {
      changes.push({ id: refs[index], kind: 'added', ...parsed, to: index + 1, precededBy: precededBy(index) });
      return;
    }
    const item = current[matchOf[index]];
    const retimed = parsed.minutes !== null && parsed.minutes !== item.minutes;
    // A reply without details under an item (she retyped the titles only) keeps the item's details.
    const detailsKept = parsed.details.trim() === '' || sameDetails(item.details, parsed.details);
    const reworded = !sameTitle(item.title, parsed.title) || !detailsKept;
    if (reworded) {
      // One change with before and after, the new minutes included: the coach accepts the new wording whole.
      changes.push({
        id: `reworded:${item.id}`,
        kind: 'reworded',
        itemId: item.id,
        fromTitle: item.title,
        toTitle: sameTitle(item.title, parsed.title) ? item.title : parsed.title,
        fromDetails: item.details,
        toDetails: detailsKept ? item.details : parsed.details,
        fromMinutes: item.minutes,
        toMinutes: retimed ? (parsed.minutes as number) : item.minutes,
      });
    }
    if (moved.has(index)) {
      changes.push({
        id: `moved:${item.id}`,
        kind: 'moved',
        itemId: item.id,
        title: item.title,
        from: matchOf[index] + 1,
        to: index + 1,
        precededBy: precededBy(index),
      });
    }
    if (retimed && !reworded) {
      changes.push({
        id: `retimed:${item.id}`,
        kind: 'retimed',
        itemId: item.id,
        title: item.title,
        fromMinutes: item.minutes,
        toMinutes: parsed.minutes as number,
      });
    }
  });
  const matched = new Set(matchOf);
  current.forEach((item, index) => {
    if (!matched.has(index)) changes.push({ id: `removed:${item.id}`, kind: 'removed', itemId: item.id, title: item.title });
  });
  return changes;
}

function goalChanges(current: Agenda['goals'], reply: ParsedReply['goals']): AgendaChange[] {
  const matchOf = matchTexts(
    current.map((goal) => goal.text),
    reply,
  );
  const refs = reply.map((_, index) => (matchOf[index] >= 0 ? current[matchOf[index]].id : `goal-added:${index + 1}`));
  const changes: AgendaChange[] = [];
  reply.forEach((text, index) => {
    if (matchOf[index] < 0) {
      changes.push({ id: refs[index], kind: 'goal-added', text, precededBy: refs.slice(0, index).reverse() });
      return;
    }
    const goal = current[matchOf[index]];
    if (typographic(goal.text) !== typographic(text)) {
      changes.push({ id: `goal-changed:${goal.id}`, kind: 'goal-changed', goalId: goal.id, from: goal.text, to: collapse(text) });
    }
  });
  const matched = new Set(matchOf);
  current.forEach((goal, index) => {
    if (!matched.has(index)) changes.push({ id: `goal-removed:${goal.id}`, kind: 'goal-removed', goalId: goal.id, text: goal.text });
  });
  return changes;
}

/**
 * Compares the agenda with the client's parsed reply: goals first, then items in the
 * reply's order, then removals. A part the reply leaves out is unchanged. Exporting an
 * agenda and reading it back gives no changes.
 */
export function diffAgenda(
  current: Pick<Agenda, 'goals' | 'items'>,
  parsed: Pick<ParsedReply, 'goals' | 'items'> & { sections?: ParsedReply['sections'] },
): AgendaChange[] {
  const sections = parsed.sections ?? { goals: true, items: true };
  return [
    ...(sections.goals ? goalChanges(current.goals, parsed.goals) : []),
    ...(sections.items ? itemChanges(current.items, parsed.items) : []),
  ];
}
