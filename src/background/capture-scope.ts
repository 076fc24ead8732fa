// The capture scope, put together: the stored choice, the inspected tabs, the listener sets that
// follow them and the rule that decides which delivered events are recorded.
import { CAPTURE_SCOPE_KEY, storedCaptureScope, type CaptureScope } from '../shared/capture-scope';
import { registerScopeMenu, showScopeInMenu } from './action-scope-menu';
import type { Subscription } from './capture-switch';
import { inspectedTabs } from './inspected-tabs';
import { followLocalSetting } from './local-setting';
import { scopeAdmission } from './scope-admission';
import { scopedListeners, type ListenerSetFactory, type ListenerSetKey } from './scoped-listeners';
import type { WireEvent } from './wire-event';

export interface CaptureScopeControl {
  /** The listeners, for the pause switch. */
  readonly subscription: Subscription;
  /** Whether `event` is to be recorded. */
  admit(event: WireEvent): boolean;
  /** Takes the DevTools and panel ports into account; true when the port needs nothing else. */
  watchPort(port: chrome.runtime.Port): boolean;
  /** Resolves once the stored scope and inspected tabs are applied. */
  readonly loaded: Promise<void>;
  /** The listener sets registered ('every-tab' or tab ids), for tests and benchmarks. */
  listenerSets(): ListenerSetKey[];
}

const readScope = async (): Promise<CaptureScope> => storedCaptureScope(await chrome.storage.local.get(CAPTURE_SCOPE_KEY));

/** Call synchronously at the worker's top level: it registers listeners. */
export function startCaptureScope(makeSet: ListenerSetFactory, urls: readonly string[]): CaptureScopeControl {
  const admission = scopeAdmission(
    (tabId) => listeners.covers(tabId),
    () => listeners.overlapping(),
  );
  const listeners = scopedListeners(makeSet, urls, admission);
  const tabs = inspectedTabs((tabIds) => listeners.setInspectedTabs(tabIds));

  function obey(scope: CaptureScope): void {
    listeners.setScope(scope);
    showScopeInMenu(scope);
  }

  registerScopeMenu(readScope);
  // The inspected tabs first, so an 'inspected-tabs' scope starts with the tabs it covers.
  const loaded = followLocalSetting(CAPTURE_SCOPE_KEY, storedCaptureScope, obey, tabs.restore());

  return {
    subscription: listeners.subscription,
    admit: (event) => admission.admit(event),
    watchPort: (port) => tabs.watch(port),
    loaded,
    listenerSets: () => listeners.registered(),
  };
}
