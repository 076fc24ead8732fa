// The server stack the user last picked for "Fix on your server", kept across panel sessions
// (panel-store.ts). What is stored is untrusted (an older build may have written it): it must name
// a known stack.
import { STACKS, type Stack } from '../../shared/fixes/snippets';
import { readItem, writeItem, type PanelStore } from './panel-store';

export const STACK_KEY = 'cors-lens:stack';
export const DEFAULT_STACK: Stack = 'express';

export function isStack(value: unknown): value is Stack {
  return typeof value === 'string' && (STACKS as readonly string[]).includes(value);
}

export function readStack(store: PanelStore | null): Stack {
  const value = readItem(store, STACK_KEY);
  return isStack(value) ? value : DEFAULT_STACK;
}

export function writeStack(store: PanelStore | null, stack: Stack): void {
  writeItem(store, STACK_KEY, stack);
}
