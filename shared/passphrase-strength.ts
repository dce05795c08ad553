import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';

/**
 * zxcvbn's score from 0 to 4; 3 means "safely unguessable" even for someone who can try many
 * guesses offline, which is what a backup file that leaves the machine must withstand.
 */
export const MIN_PASSPHRASE_SCORE = 3;
export const MIN_PASSPHRASE_LENGTH = 8;
/** zxcvbn's time grows with length; what lies beyond this adds strength it no longer needs to measure. */
const MEASURED_LENGTH = 100;

let estimator: ZxcvbnFactory | null = null;

/**
 * Why `passphrase` is too weak to protect a backup, in plain words, or null when it is strong
 * enough. The estimate comes from zxcvbn-ts (common passwords, English words, names, keyboard
 * patterns, dates, repeats); `related` are words the coach's own data makes easy to guess,
 * such as their name.
 */
export function passphraseWeakness(passphrase: string, related: readonly string[] = []): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  // Built on first use: the dictionaries are large.
  estimator ??= new ZxcvbnFactory({ dictionary: { ...commonWords, ...englishWords }, graphs: adjacencyGraphs, translations });
  const result = estimator.check(passphrase.slice(0, MEASURED_LENGTH), [...related]);
  if (result.score >= MIN_PASSPHRASE_SCORE) return null;
  const why = result.feedback.warning ? ` ${result.feedback.warning}` : '';
  return `This passphrase would be easy to guess.${why} Try four or five ordinary words that have nothing to do with each other, or a short sentence only you would think of.`;
}
