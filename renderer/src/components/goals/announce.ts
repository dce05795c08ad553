import { inject, provide, ref, type InjectionKey } from 'vue';

const ANNOUNCE_KEY: InjectionKey<(message: string) => void> = Symbol('goals-announce');

/** Owns a polite live region's text; descendants announce through useAnnounce(). */
export function provideAnnouncer() {
  const announcement = ref('');
  function announce(message: string) {
    // Clearing first makes screen readers repeat a message identical to the last one.
    announcement.value = '';
    queueMicrotask(() => (announcement.value = message));
  }
  provide(ANNOUNCE_KEY, announce);
  return { announcement, announce };
}

export function useAnnounce(): (message: string) => void {
  const announce = inject(ANNOUNCE_KEY);
  if (!announce) throw new Error('useAnnounce() needs a provideAnnouncer() above it.');
  return announce;
}
