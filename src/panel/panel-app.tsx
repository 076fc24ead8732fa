// The container: owns the reducer and the connection, derives what to show, and hands plain
// data and callbacks to the presentational components.
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';
import { isTrialMessage, type PanelMessage } from '../shared/protocol';
import { CallDetail } from './components/call-detail';
import { CallList } from './components/call-list';
import { CapturePausedBanner } from './components/capture-paused-banner';
import { Connecting, DisconnectedBanner, EmptyState, ProtocolMismatch, RequestFailed } from './components/status-views';
import { Toolbar } from './components/toolbar';
import { TrialBanner } from './components/trial-banner';
import { connectChromePort } from './connection/chrome-port';
import { frameBatch } from './connection/frame-batch';
import { openPanelConnection, type ConnectionEvent, type PanelConnection } from './connection/panel-connection';
import { initialPanelState, panelReducer, preserveLogShown, type OutcomeFilter } from './state/panel-state';
import { verdictFor } from './state/verdicts';
import { visibleCalls } from './state/visible-calls';
import { TrialContext, type TrialContextValue } from './trial/trial-context';
import { initialTrialState, trialReducer } from './trial/trial-state';

export function PanelApp({ tabId }: { readonly tabId: number }) {
  const [state, dispatch] = useReducer(panelReducer, initialPanelState);
  const [trialState, trialDispatch] = useReducer(trialReducer, initialTrialState);
  const connection = useRef<PanelConnection | null>(null);

  useEffect(() => {
    // Rendered at once (flushSync), so a batch handed on at an animation frame is painted in it.
    const batch = frameBatch<ConnectionEvent>((events) =>
      flushSync(() => {
        for (const event of events) {
          if (isTrialMessage(event)) trialDispatch(event);
          else dispatch(event);
        }
      }),
    );
    const conn = openPanelConnection({ tabId, connect: connectChromePort, onEvent: (event) => batch.push(event) });
    connection.current = conn;
    return () => {
      conn.close();
      batch.cancel();
      connection.current = null;
    };
  }, [tabId]);

  const send = useCallback((message: PanelMessage): void => {
    connection.current?.send(message);
  }, []);
  const onSelect = useCallback((id: string | null) => dispatch({ kind: 'call-selected', id }), []);
  const onClose = useCallback(() => dispatch({ kind: 'call-selected', id: null }), []);
  const onClear = useCallback(() => send({ kind: 'clear' }), [send]);
  const onPreserveLogChange = useCallback(
    (preserveLog: boolean) => {
      dispatch({ kind: 'preserve-log-changed', preserveLog });
      send({ kind: 'set-preserve-log', preserveLog });
    },
    [send],
  );
  const onTextFilterChange = useCallback((text: string) => dispatch({ kind: 'text-filter-changed', text }), []);
  const onOutcomeFilterChange = useCallback(
    (filter: OutcomeFilter) => dispatch({ kind: 'outcome-filter-changed', filter }),
    [],
  );

  const trials = useMemo<TrialContextValue>(
    () => ({
      state: trialState,
      calls: state.calls,
      start: (callId, scope, credentialsConfirmed) =>
        send({ kind: 'trial-start', callId, scope, ...(credentialsConfirmed ? { credentialsConfirmed: true as const } : {}) }),
      remove: (trialId) => send({ kind: 'trial-remove', trialId }),
      repeat: (trialId, how, confirmed) => send({ kind: 'trial-repeat', trialId, how, confirmed }),
      clearNotice: (callId) => trialDispatch({ kind: 'trial-notice-cleared', callId }),
    }),
    [trialState, state.calls, send],
  );

  // Typing stays responsive while thousands of rows are filtered in the background.
  const textFilter = useDeferredValue(state.textFilter);
  const shown = useMemo(
    () => visibleCalls(state.calls, textFilter, state.outcomeFilter, verdictFor),
    [state.calls, textFilter, state.outcomeFilter],
  );
  const selected = useMemo(
    () => (state.selectedId === null ? undefined : state.calls.find((c) => c.id === state.selectedId)),
    [state.calls, state.selectedId],
  );

  if (state.connection === 'protocol-mismatch' || state.connection === 'extension-reloaded') {
    return (
      <ProtocolMismatch
        reason={state.connection === 'protocol-mismatch' ? 'protocol' : 'reloaded'}
        backgroundProtocol={state.backgroundProtocol}
      />
    );
  }

  return (
    <TrialContext value={trials}>
      <div className={`panel${selected === undefined ? '' : ' panel--with-detail'}`}>
        <Toolbar
          calls={state.calls}
          shownCalls={shown}
          selectedCall={selected}
          shownCount={shown.length}
          counters={state.counters}
          preserveLog={preserveLogShown(state)}
          textFilter={state.textFilter}
          outcomeFilter={state.outcomeFilter}
          connected={state.connection === 'connected'}
          onClear={onClear}
          onPreserveLogChange={onPreserveLogChange}
          onTextFilterChange={onTextFilterChange}
          onOutcomeFilterChange={onOutcomeFilterChange}
        />
        {state.connection === 'reconnecting' && <DisconnectedBanner />}
        {state.requestFailure !== null && <RequestFailed {...state.requestFailure} />}
        <CapturePausedBanner />
        <TrialBanner />
        <div className="main">
          <div className="list-pane">
            {state.connection === 'connecting' ? (
              state.requestFailure === null && <Connecting />
            ) : shown.length === 0 ? (
              <EmptyState reason={state.calls.length === 0 ? 'no-calls' : 'no-match'} />
            ) : (
              <CallList calls={shown} selectedId={state.selectedId} onSelect={onSelect} verdictOf={verdictFor} />
            )}
          </div>
          {selected !== undefined && <CallDetail call={selected} verdict={verdictFor(selected)} onClose={onClose} />}
        </div>
      </div>
    </TrialContext>
  );
}
