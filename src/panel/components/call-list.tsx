// The table of calls. Long lists are windowed (see list-window.ts); keyboard: arrows, Home/End,
// PageUp/PageDown move the selection, Enter/Space select the focused row, Escape deselects.
// A list scrolled to its end stays there as calls arrive, as DevTools' Network panel does, so new
// traffic can be watched without scrolling; scrolling up stops that until the end is reached again.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Verdict } from '../../shared/cors/types';
import type { ObservedCall } from '../../shared/observed-call';
import { CallRow } from './call-row';
import { keyRowsByPlace, listWindow, type MountedRows } from './list-window';
import { warmVerdictsWhenIdle } from './warm-verdicts';

// Must match .row / .list-head height in panel.css.
const ROW_HEIGHT = 21;

interface ScrollPlace {
  /** Pixels scrolled past the first row; unused while atEnd. */
  readonly top: number;
  readonly atEnd: boolean;
}

// An empty list is at its end, so a panel opened on a quiet tab follows the first calls in.
const AT_END: ScrollPlace = { top: 0, atEnd: true };

function placeOf(el: HTMLElement): ScrollPlace {
  // Within a pixel: zoomed panels scroll by fractions.
  return { top: el.scrollTop, atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 1 };
}

interface CallListProps {
  readonly calls: readonly ObservedCall[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string | null) => void;
  readonly verdictOf: (call: ObservedCall) => Verdict;
}

export function CallList({ calls, selectedId, onSelect, verdictOf }: CallListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState<ScrollPlace>(AT_END);
  const [viewportHeight, setViewportHeight] = useState(0);
  // Set by keyboard navigation only, so a click or a background update never steals focus.
  const focusSelectedAfterRender = useRef(false);
  // The call the focused row showed when it took focus. After a jump rows are keyed by position
  // (see keyRowsByPlace), so an element can go on to show another call; focus then goes to the list
  // itself, as it would if that row had been removed, rather than silently sit on another call.
  const focusedCallId = useRef<string | null>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    const measure = (): void => setViewportHeight(Math.max(0, el.clientHeight - ROW_HEIGHT));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => warmVerdictsWhenIdle(calls, verdictOf), [calls, verdictOf]);

  // Following the end, the window is worked out for where the list is about to be scrolled (see the
  // layout effect below), so new rows are mounted in this render rather than after a scroll event.
  const scrollTop = scroll.atEnd ? Math.max(0, calls.length * ROW_HEIGHT - viewportHeight) : scroll.top;
  const win = listWindow({ count: calls.length, rowHeight: ROW_HEIGHT, scrollTop, viewportHeight });
  const windowIds = calls.slice(win.start, win.end).map((call) => call.id);
  const mounted = useRef<MountedRows>({ ids: new Set(), byPlace: false });
  const byPlace = keyRowsByPlace(mounted.current, windowIds);
  useLayoutEffect(() => {
    mounted.current = { ids: new Set(windowIds), byPlace };
  });
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : calls.findIndex((c) => c.id === selectedId)),
    [calls, selectedId],
  );
  const tabStopIndex = selectedIndex >= 0 ? selectedIndex : win.start;
  const tabStopMounted = tabStopIndex >= win.start && tabStopIndex < win.end;

  // A user's scroll away from the end is never undone here: React renders a pending scroll update
  // together with the synchronous render of newly arrived calls (it takes the sync, continuous and
  // default lanes as one), so `scroll` is never older than the last scroll event.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el !== null && scroll.atEnd) el.scrollTop = el.scrollHeight;
  });

  useLayoutEffect(() => {
    const list = scrollRef.current;
    const active = document.activeElement;
    if (list === null || !(active instanceof HTMLElement) || active === list || !list.contains(active)) return;
    if (active.dataset['id'] !== focusedCallId.current) list.focus({ preventScroll: true });
  });

  useEffect(() => {
    if (!focusSelectedAfterRender.current || selectedId === null) return;
    focusSelectedAfterRender.current = false;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(selectedId)}"]`);
    row?.focus({ preventScroll: true });
  }, [selectedId, win.start]);

  function reveal(index: number): void {
    const el = scrollRef.current;
    if (el === null) return;
    // Row i sits below the sticky header, at content offset (i + 1) * ROW_HEIGHT.
    const top = index * ROW_HEIGHT;
    const visible = el.clientHeight - ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + visible) el.scrollTop = top + ROW_HEIGHT - visible;
    // Update now rather than on the scroll event, so the row is mounted in the same render.
    setScroll(placeOf(el));
  }

  function moveTo(index: number): void {
    const clamped = Math.min(calls.length - 1, Math.max(0, index));
    const target = calls[clamped];
    if (target === undefined) return;
    focusSelectedAfterRender.current = true;
    onSelect(target.id);
    reveal(clamped);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const rowId = event.target instanceof HTMLElement ? event.target.closest('[data-id]')?.getAttribute('data-id') : null;
    const focusedIndex = rowId == null ? -1 : calls.findIndex((c) => c.id === rowId);
    const current = focusedIndex >= 0 ? focusedIndex : selectedIndex;
    const page = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(current < 0 ? 0 : current + 1);
        break;
      case 'ArrowUp':
        moveTo(current < 0 ? 0 : current - 1);
        break;
      case 'PageDown':
        moveTo(current + page);
        break;
      case 'PageUp':
        moveTo(current - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(calls.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (rowId == null) return;
        onSelect(rowId);
        break;
      case 'Escape':
        onSelect(null);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const rows: ReactNode[] = [];
  for (let i = win.start; i < win.end; i++) {
    const call = calls[i];
    if (call === undefined) continue;
    rows.push(
      <CallRow
        // The selected row (where keyboard focus lives) always keeps its element.
        key={byPlace && i !== selectedIndex ? `at:${i - win.start}` : `id:${call.id}`}
        call={call}
        verdict={verdictOf(call)}
        rowIndex={i + 2}
        selected={i === selectedIndex}
        tabbable={i === tabStopIndex}
        onSelect={onSelect}
      />,
    );
  }

  return (
    <div
      ref={scrollRef}
      className="list"
      role="grid"
      aria-label="Cross-origin calls"
      aria-rowcount={calls.length + 1}
      // When the roving row is scrolled out and unmounted, the list itself takes the tab stop.
      tabIndex={tabStopMounted ? -1 : 0}
      onScroll={(e) => {
        const place = placeOf(e.currentTarget);
        // At the end as before (the list was just moved there to follow new rows): nothing to redo.
        setScroll((before) => (place.atEnd && before.atEnd ? before : place));
      }}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        focusedCallId.current = e.target instanceof HTMLElement ? (e.target.dataset['id'] ?? null) : null;
      }}
    >
      <div className="row list-head" role="row" aria-rowindex={1}>
        <span role="columnheader" className="cell">
          Method
        </span>
        <span role="columnheader" className="cell">
          URL
        </span>
        <span role="columnheader" className="cell cell--num">
          Status
        </span>
        <span role="columnheader" className="cell">
          Verdict
        </span>
        <span role="columnheader" className="cell">
          Reason
        </span>
      </div>
      {win.padTop > 0 && <div aria-hidden="true" style={{ height: win.padTop }} />}
      {rows}
      {win.padBottom > 0 && <div aria-hidden="true" style={{ height: win.padBottom }} />}
    </div>
  );
}
