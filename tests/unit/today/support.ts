/** A local wall-clock time (so tests hold in any time zone). */
export function local(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(year, month - 1, day, hour, minute);
}

/** A clock the test can move. */
export function movableClock(start: Date) {
  let current = start;
  return {
    now: () => current,
    set(next: Date) {
      current = next;
    },
  };
}

export const MISSING_ID = '0b7c1a9e-3d6f-4e8a-9b2c-5d4e3f2a1b0c';
