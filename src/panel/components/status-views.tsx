// Whole-panel states other than the list: no tab, connecting, reconnecting, a failed request,
// unusable.
import { PROTOCOL_VERSION, type FailedRequest } from '../../shared/protocol';

export function NoTab() {
  return (
    <div className="status-view" data-testid="no-tab" role="alert">
      No inspected tab. Open CORS Lens from DevTools, or add <code>?tabId=&lt;id&gt;</code> to this page's URL.
    </div>
  );
}

export function Connecting() {
  return (
    <div className="status-view muted" data-testid="connecting" role="status">
      Connecting to CORS Lens…
    </div>
  );
}

export function DisconnectedBanner() {
  return (
    <div className="banner" data-testid="disconnected" role="status">
      Reconnecting to the CORS Lens background… The list shows what was known before the connection dropped.
    </div>
  );
}

const WHAT_FAILED = {
  hello: "read this tab's log",
  clear: 'clear the log',
  'set-preserve-log': 'change Preserve log',
  'trial-start': 'start the trial',
  'trial-remove': 'remove the trial',
  'trial-repeat': 'repeat the request',
  update: 'send the latest changes',
} as const satisfies Record<FailedRequest, string>;

export function RequestFailed({ request, error }: { readonly request: FailedRequest; readonly error: string }) {
  return (
    <div className="banner banner--error" data-testid="request-failed" data-request={request} role="alert">
      CORS Lens could not {WHAT_FAILED[request]} ({error}).
      {request === 'hello' && ' Close and reopen DevTools to try again.'}
    </div>
  );
}

interface UnusableProps {
  readonly reason: 'protocol' | 'reloaded';
  readonly backgroundProtocol: number | null;
}

export function ProtocolMismatch({ reason, backgroundProtocol }: UnusableProps) {
  return (
    <div
      className="status-view"
      data-testid="protocol-mismatch"
      data-reason={reason}
      data-background={backgroundProtocol ?? ''}
      role="alert"
    >
      <h2 className="status-title">CORS Lens was updated — close and reopen DevTools</h2>
      <p className="muted">
        {reason === 'protocol'
          ? `This panel speaks protocol ${PROTOCOL_VERSION}; the extension's background speaks ${backgroundProtocol ?? 'another version'}.`
          : 'The extension was reloaded or updated, so this panel can no longer reach it.'}
      </p>
    </div>
  );
}

export function EmptyState({ reason }: { readonly reason: 'no-calls' | 'no-match' }) {
  return (
    <div className="status-view muted" data-testid="empty-state" data-reason={reason}>
      {reason === 'no-calls'
        ? 'No cross-origin calls yet. They appear here as the page makes them.'
        : 'No calls match the filter.'}
    </div>
  );
}
