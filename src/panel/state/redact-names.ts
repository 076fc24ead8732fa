// Header and URL parameter names the user wants masked on top of the built-in list, kept across
// panel sessions like the stack choice. Every export and Copy as curl reads them.
import { parseNameList } from '../../shared/redact';
import type { StackStore } from './stack-preference';

export const REDACT_NAMES_KEY = 'cors-lens:redact-names';

/** The names as the user typed them (the text field's value); '' when none or unreadable. */
export function readRedactNamesText(store: StackStore | null): string {
  try {
    return store?.getItem(REDACT_NAMES_KEY) ?? '';
  } catch {
    return ''; // storage disabled or throwing: only the built-in names apply
  }
}

export function readRedactNames(store: StackStore | null): string[] {
  return parseNameList(readRedactNamesText(store));
}

export function writeRedactNames(store: StackStore | null, text: string): void {
  try {
    store?.setItem(REDACT_NAMES_KEY, text);
  } catch {
    // Quota or disabled storage: the names apply to this session only.
  }
}
