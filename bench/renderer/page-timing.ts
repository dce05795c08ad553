import type { Page } from '@playwright/test';

/** Ready when the page has at least `atLeast` elements matching `selector`. */
export interface Condition {
  selector: string;
  atLeast: number;
}

/** Where a measurement starts: the first `input` event's timestamp, or just before the action is sent. */
export type StartAt = 'input-event' | 'action';

interface Window {
  __rapportBench?: Promise<{ started: number; painted: number }>;
}

/**
 * Milliseconds from the start (see StartAt) to the first painted frame once the condition
 * holds: the condition is polled each animation frame, and "painted" is a task after the
 * next frame. Measured with the page's own clock, so Playwright's round trips do not count.
 */
export async function timeToPaint(page: Page, condition: Condition, startAt: StartAt, action: () => Promise<void>): Promise<number> {
  await page.evaluate(
    ({ selector, atLeast, startAt }) => {
      const target = window as Window;
      target.__rapportBench = new Promise((resolve) => {
        let started = startAt === 'action' ? performance.now() : null;
        if (started === null)
          document.addEventListener(
            'input',
            (event) => {
              started ??= event.timeStamp;
            },
            { capture: true, once: true },
          );
        const poll = () => {
          if (started === null || document.querySelectorAll(selector).length < atLeast) {
            requestAnimationFrame(poll);
            return;
          }
          const from = started;
          requestAnimationFrame(() => setTimeout(() => resolve({ started: from, painted: performance.now() }), 0));
        };
        poll();
      });
    },
    { ...condition, startAt },
  );
  await action();
  const { started, painted } = await page.evaluate(
    () => (window as Window).__rapportBench as Promise<{ started: number; painted: number }>,
  );
  return painted - started;
}

/**
 * Makes every later load of the page record, before any of its own scripts run, the time from
 * navigation start to the first painted frame once the condition holds.
 */
export async function watchLoads(page: Page, condition: Condition): Promise<void> {
  await page.addInitScript(({ selector, atLeast }) => {
    const poll = () => {
      if (document.querySelectorAll(selector).length < atLeast) {
        requestAnimationFrame(poll);
        return;
      }
      requestAnimationFrame(() => setTimeout(() => Object.assign(window, { __rapportLoadPainted: performance.now() }), 0));
    };
    requestAnimationFrame(poll);
  }, condition);
}

/** Milliseconds from navigation start to the painted condition of `watchLoads`, for one (re)load. */
export async function loadToPaint(page: Page, load: () => Promise<void>): Promise<number> {
  await load();
  const painted = await page.waitForFunction(() => (window as { __rapportLoadPainted?: number }).__rapportLoadPainted, undefined, {
    polling: 50,
  });
  return (await painted.jsonValue()) as number;
}
