// What the page does, with real client libraries: serialized into the page by page.evaluate, so
// it must stay self-contained (no imports, no outer variables). Resolves with what script saw.
export type PageEndedKind =
  | 'eventsource-close'
  | 'eventsource-credentials'
  | 'fetch-event-source-abort'
  | 'fetch-event-source-include'
  | 'axios-cancel'
  | 'axios-timeout'
  | 'axios-timeout-before-headers'
  | 'axios-credentials'
  | 'fetch-abort'
  | 'reader-cancel'
  | 'fetch-include';

export interface PageEndedCall {
  readonly kind: PageEndedKind;
  readonly url: string;
}

interface PageLibraries {
  readonly axios: {
    get(url: string, config: Record<string, unknown>): Promise<unknown>;
  };
  readonly fetchEventSource: (url: string, options: Record<string, unknown>) => Promise<void>;
}

export async function endCall({ kind, url }: PageEndedCall): Promise<string> {
  const { axios, fetchEventSource } = window as unknown as Window & PageLibraries;
  const describe = (e: unknown): string => {
    if (typeof e === 'object' && e !== null && 'code' in e) return `${String(e.code)}: ${String((e as { message?: unknown }).message)}`;
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  };
  const eventSource = (withCredentials: boolean) =>
    new Promise<string>((done) => {
      const source = new EventSource(url, { withCredentials });
      source.onmessage = (e) => {
        source.close();
        done(`closed after message "${String(e.data)}"`);
      };
      source.onerror = () => {
        source.close();
        done('error event');
      };
    });
  const fesCall = (init: Record<string, unknown>) =>
    new Promise<string>((done) => {
      const controller = new AbortController();
      void fetchEventSource(url, {
        ...init,
        signal: controller.signal,
        openWhenHidden: true,
        onmessage(message: { data: string }) {
          controller.abort();
          done(`aborted after message "${message.data}"`);
        },
        onerror(error: unknown) {
          done(`error: ${describe(error)}`);
          throw error; // no retry
        },
      }).catch((error: unknown) => done(`rejected: ${describe(error)}`));
    });
  const axiosCall = async (config: Record<string, unknown>) => {
    try {
      await axios.get(url, config);
      return 'resolved';
    } catch (e) {
      return describe(e);
    }
  };
  const readFirst = async (init: RequestInit, end: (reader: ReadableStreamDefaultReader<Uint8Array>, controller: AbortController) => Promise<void>) => {
    const controller = new AbortController();
    try {
      const response = await fetch(url, { ...init, signal: controller.signal });
      const reader = response.body?.getReader();
      if (reader === undefined) return 'no body';
      await reader.read();
      await end(reader, controller);
      return 'ended after the first chunk';
    } catch (e) {
      return describe(e);
    }
  };

  switch (kind) {
    case 'eventsource-close':
      return eventSource(false);
    case 'eventsource-credentials':
      return eventSource(true);
    case 'fetch-event-source-abort':
      return fesCall({ headers: { Authorization: 'Bearer t0k3n' } });
    case 'fetch-event-source-include':
      return fesCall({ headers: { Authorization: 'Bearer t0k3n' }, credentials: 'include' });
    case 'axios-cancel': {
      const controller = new AbortController();
      return axiosCall({ signal: controller.signal, onDownloadProgress: () => controller.abort() });
    }
    case 'axios-timeout':
      return axiosCall({ timeout: 500 });
    case 'axios-timeout-before-headers':
      return axiosCall({ timeout: 300 });
    case 'axios-credentials':
      return axiosCall({ withCredentials: true });
    case 'fetch-abort':
      return readFirst({}, async (reader, controller) => {
        controller.abort();
        await reader.read().catch(() => undefined);
      });
    case 'reader-cancel':
      return readFirst({}, (reader) => reader.cancel());
    case 'fetch-include':
      return readFirst({ credentials: 'include' }, (reader) => reader.cancel());
  }
}
