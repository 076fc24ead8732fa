// The server stack the user last picked for "Fix on your server", kept across panel sessions.
// The panel is an extension page, so localStorage is its own and survives DevTools restarts.
// What is stored is untrusted (an older build may have written it): it must name a known stack.
import { STACKS, type Stack } from '../../shared/fixes/snippets';

export const STACK_KEY = 'cors-lens:stack';
export const DEFAULT_STACK: Stack = 'express';

/** The part of Storage this needs, so tests can pass a Map-backed fake. */
export interface StackStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function isStack(value: unknown): value is Stack {
  return typeof value === 'string' && (STACKS as readonly string[]).includes(value);
}

export function readStack(store: StackStore | null): Stack {
  try {
    const value = store?.getItem(STACK_KEY) ?? null;
    return isStack(value) ? value : DEFAULT_STACK;
  } catch {
    return DEFAULT_STACK; // storage disabled or throwing: fall back, never break the panel
  }
}

export function writeStack(store: StackStore | null, stack: Stack): void {
  try {
    store?.setItem(STACK_KEY, stack);
  } catch {
    // Quota or disabled storage: the choice just is not remembered.
  }
}

/** localStorage when the environment has one (not under Node tests). */
export function browserStore(): StackStore | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}
