// Picks the light or dark set of colour variables in panel.css. DevTools' own setting wins;
// outside DevTools (the panel opened as a tab in tests) follow the OS preference, live.
import { devtoolsTheme } from './connection/environment';

export function applyTheme(root: HTMLElement = document.documentElement): void {
  const fromDevtools = devtoolsTheme();
  if (fromDevtools !== null) {
    root.dataset.theme = fromDevtools;
    return;
  }
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = (): void => {
    root.dataset.theme = query.matches ? 'dark' : 'light';
  };
  apply();
  query.addEventListener('change', apply);
}
