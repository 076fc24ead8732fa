// A setting in chrome.storage.local that the worker obeys (pause, capture scope, credential
// recording), followed as it changes from anywhere: the panel, the toolbar button, another life of
// the worker. The panel's side is useLocalSetting (src/panel/connection/local-setting.ts).

/** Hands `apply` the setting's value as `parse` reads it: the stored value once it is read (and
 * `after` has settled, for a setting that must wait for another), then every change. Call at the
 * worker's top level, so no change is missed; resolves once the stored value is applied. */
export function followLocalSetting<T>(
  key: string,
  parse: (stored: Record<string, unknown>) => T,
  apply: (value: T) => void,
  after: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  chrome.storage.onChanged.addListener((changes, area) => {
    const change = changes[key];
    if (area === 'local' && change) apply(parse({ [key]: change.newValue }));
  });
  return Promise.all([chrome.storage.local.get(key), after]).then(([stored]) => apply(parse(stored)));
}
