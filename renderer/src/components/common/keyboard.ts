/** Ctrl+S on Windows and Linux, Cmd+S on macOS. */
export function isSaveShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's';
}

export type Orientation = 'vertical' | 'horizontal';

/**
 * Where an arrow, Home or End key moves in a list of `count` items (wrapping around);
 * null when the key is not a navigation key for this orientation.
 */
export function targetIndex(key: string, current: number, count: number, orientation: Orientation): number | null {
  if (count === 0) return null;
  const previous = orientation === 'vertical' ? 'ArrowUp' : 'ArrowLeft';
  const next = orientation === 'vertical' ? 'ArrowDown' : 'ArrowRight';
  switch (key) {
    case previous:
      return (current - 1 + count) % count;
    case next:
      return (current + 1) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Moves focus among `items` for an arrow/Home/End key press; true when it handled the key. */
export function moveFocus(event: KeyboardEvent, items: readonly HTMLElement[], orientation: Orientation): boolean {
  const current = items.findIndex((item) => item === document.activeElement);
  const index = targetIndex(event.key, Math.max(current, 0), items.length, orientation);
  if (index === null) return false;
  event.preventDefault();
  items[index].focus();
  return true;
}
