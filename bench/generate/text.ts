import type { Random } from './random';
import { OBJECTS, OBSERVATIONS, QUALIFIERS, RARE_TERM, SUBJECTS, VERBS } from './vocabulary';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function sentence(random: Random): string {
  if (random.chance(0.3)) return random.pick(OBSERVATIONS);
  return `${capitalise(random.pick(SUBJECTS))} ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(QUALIFIERS)}.`;
}

/** Sentences until the text reaches at least `minLength` characters. */
export function paragraph(random: Random, minLength: number): string {
  const sentences: string[] = [];
  let length = 0;
  while (length < minLength) {
    const next = sentence(random);
    sentences.push(next);
    length += next.length + 1;
  }
  return sentences.join(' ');
}

/** Session notes of a few hundred characters, sometimes split into paragraphs, rarely mentioning the rare term. */
export function sessionNotes(random: Random): string {
  const paragraphs = random.int(1, 3);
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i += 1) parts.push(paragraph(random, random.int(120, 320)));
  if (random.chance(0.0005)) parts.push(`Raised the idea of a ${RARE_TERM} next year.`);
  return parts.join('\n\n');
}
