export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

const MIN_VISIBLE = 100;

function isBounds(value: unknown): value is Bounds {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => typeof b[key] === 'number' && Number.isFinite(b[key]));
}

/**
 * The saved window state, if it is well-formed and still shows at least a corner of the
 * window on one of today's displays (a monitor may have been unplugged since).
 */
export function restorableState(
  saved: unknown,
  workAreas: readonly Bounds[],
  minimum: { width: number; height: number },
): WindowState | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const { bounds, maximized } = saved as Record<string, unknown>;
  if (!isBounds(bounds) || bounds.width < minimum.width || bounds.height < minimum.height) return null;
  const visible = workAreas.some(
    (area) =>
      bounds.x + bounds.width - MIN_VISIBLE >= area.x &&
      bounds.x + MIN_VISIBLE <= area.x + area.width &&
      bounds.y >= area.y - MIN_VISIBLE / 2 &&
      bounds.y + MIN_VISIBLE <= area.y + area.height,
  );
  return visible ? { bounds, maximized: maximized === true } : null;
}
