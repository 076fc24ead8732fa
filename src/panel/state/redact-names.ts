// Header and URL parameter names the user wants masked on top of the built-in list, kept across
// panel sessions like the stack choice (panel-store.ts). Every export and Copy as curl reads them.
import { parseNameList } from '../../shared/redact';
import { readItem, writeItem, type PanelStore } from './panel-store';

export const REDACT_NAMES_KEY = 'cors-lens:redact-names';

/** The names as the user typed them (the text field's value); '' when none or unreadable. */
export function readRedactNamesText(store: PanelStore | null): string {
  return readItem(store, REDACT_NAMES_KEY) ?? '';
}

export function readRedactNames(store: PanelStore | null): string[] {
  return parseNameList(readRedactNamesText(store));
}

export function writeRedactNames(store: PanelStore | null, text: string): void {
  writeItem(store, REDACT_NAMES_KEY, text);
}
