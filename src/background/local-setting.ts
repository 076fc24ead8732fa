// A setting in chrome.storage the worker obeys (pause, capture scope, credential recording),
// followed as it changes from anywhere: the panel, the toolbar button, another life of the worker.
// Kept in `local` to outlast the browser, or in `session` to end with it. The panel's side is
// useLocalSetting (src/panel/connection/local-setting.ts).

/** Hands `apply` the setting's value as `parse` reads it: the stored value once it is read (and
 * `after` has settled, for a setting that must wait for another), then every change. Call at the
 * worker's top level, so no change is missed; resolves once the stored value is applied. */
export function followLocalSetting<T>(
  key: string,
  parse: (stored: Record<string, unknown>) => T,
  apply: (value: T) => void,
  after: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  return followSetting('local', key, parse, apply, after);
}

/** followLocalSetting for a setting kept in storage.session: off again after a browser restart. */
export function followSessionSetting<T>(key: string, parse: (stored: Record<string, unknown>) => T, apply: (value: T) => void): Promise<void> {
  return followSetting('session', key, parse, apply, Promise.resolve());
}

function followSetting<T>(
  area: 'local' | 'session',
  key: string,
  parse: (stored: Record<string, unknown>) => T,
  apply: (value: T) => void,
  after: Promise<unknown>,
): Promise<void> {
  chrome.storage.onChanged.addListener((changes, changedArea) => {
    const change = changes[key];
    if (changedArea === area && change) apply(parse({ [key]: change.newValue }));
  });
  return Promise.all([chrome.storage[area].get(key), after]).then(([stored]) => apply(parse(stored)));
}
