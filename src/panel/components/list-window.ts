// Which rows of a long list to mount. Rows have one fixed height, so the range is arithmetic;
// below `threshold` rows everything is mounted, which keeps small lists (and tests that look for
// a row far down) free of windowing effects.

export interface ListWindowInput {
  readonly count: number;
  readonly rowHeight: number;
  /** Pixels scrolled past the first row. */
  readonly scrollTop: number;
  /** Pixels of rows visible at once; 0 before the first measurement. */
  readonly viewportHeight: number;
  readonly overscan?: number;
  readonly threshold?: number;
}

export interface ListWindow {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly padTop: number;
  readonly padBottom: number;
}

export const WINDOW_THRESHOLD = 300;

// Before the first layout we do not know the height; mount enough rows to fill a tall panel.
const UNMEASURED_ROWS = 60;

// Rows mounted beyond each edge of the view. Few: every mounted row is laid out and painted each
// frame a fast scroll moves the window, and rows render in the scroll event, before the frame.
export function listWindow(input: ListWindowInput): ListWindow {
  const { count, rowHeight, overscan = 4, threshold = WINDOW_THRESHOLD } = input;
  if (count <= threshold) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const scrollTop = Math.max(0, input.scrollTop);
  const visibleRows = input.viewportHeight > 0 ? Math.ceil(input.viewportHeight / rowHeight) : UNMEASURED_ROWS;
  const first = Math.min(count, Math.floor(scrollTop / rowHeight));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visibleRows + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/** How the rows of the last render were keyed, and which calls they showed. */
export interface MountedRows {
  readonly ids: ReadonlySet<string>;
  readonly byPlace: boolean;
}

/**
 * Whether to key rows by their place in the window rather than by call. After a jump (a fling, a
 * new filter) most calls in the window were not mounted before: keyed by place, React reuses the
 * mounted elements and only changes their text, where creating and removing a row of elements per
 * row scrolled past took most of a frame. When a few rows came and went (new calls at the end of
 * a followed list), keying by call touches only those rows rather than every mounted one. When no
 * row is new the keys stay as they were, since changing them alone would remount every row.
 */
export function keyRowsByPlace(before: MountedRows, windowIds: readonly string[]): boolean {
  // Nothing mounted yet: nothing to reuse.
  if (before.ids.size === 0) return false;
  let kept = 0;
  for (const id of windowIds) if (before.ids.has(id)) kept++;
  if (kept === windowIds.length) return before.byPlace;
  return kept * 2 < windowIds.length;
}
