import { defineStore } from 'pinia';
import { buildVocabulary, distinctiveWords, EMPTY_VOCABULARY, type Vocabulary } from '../composables/word-vocabulary';
import { useApi } from '../api/client';
import { recordsByClient } from './records-by-client';

/** What a client has said, as far as the practice keeps it in their own words. */
export interface ClientWords {
  /** The client's terminology (their words and phrases, as the coach noted them). */
  terms: string[];
  /** Why each goal matters, written in the client's words. */
  goalReasons: string[];
}

/**
 * The order suggestions are offered in: the client's terms (the shorter first, so a phrase is
 * offered once its first word is typed out), then single words of their phrases, then the
 * longer words of why their goals matter, most used first.
 */
export function vocabularySource(words: ClientWords): string[] {
  const terms = [...words.terms].sort((a, b) => a.length - b.length);
  const termWords = terms.flatMap((term) => term.split(/\s+/u)).filter((word) => Array.from(word).length >= 4);
  return [...terms, ...termWords, ...distinctiveWords(words.goalReasons)];
}

/**
 * Each client's vocabulary for word completion. Loaded once per client and rebuilt only when
 * their words are reloaded (after the coach changes their terminology), never per keystroke.
 */
export const useVocabularyStore = defineStore('vocabulary', () => {
  const api = useApi();
  const { byClient, load } = recordsByClient(async (clientId: string): Promise<ClientWords> => {
    const [client, goals] = await Promise.all([api.clients.get(clientId), api.goals.list(clientId)]);
    return { terms: client.terminology.map((entry) => entry.term), goalReasons: goals.map((goal) => goal.why) };
  });
  const built = new WeakMap<ClientWords, Vocabulary>();
  const pending = new Map<string, Promise<unknown>>();

  /** Loads a client's words unless they are loaded or loading already. */
  function ensure(clientId: string): Promise<unknown> {
    if (byClient.value[clientId]) return Promise.resolve();
    let request = pending.get(clientId);
    if (!request) {
      request = load(clientId).finally(() => pending.delete(clientId));
      pending.set(clientId, request);
    }
    return request;
  }

  /** After the coach changed the client's words: reloads them if they are held. */
  async function refresh(clientId: string): Promise<void> {
    if (byClient.value[clientId]) await load(clientId);
  }

  function vocabularyOf(clientId: string): Vocabulary {
    const words = byClient.value[clientId];
    if (!words) return EMPTY_VOCABULARY;
    let vocabulary = built.get(words);
    if (!vocabulary) {
      vocabulary = buildVocabulary({ entries: vocabularySource(words) });
      built.set(words, vocabulary);
    }
    return vocabulary;
  }

  return { byClient, ensure, refresh, vocabularyOf };
});
