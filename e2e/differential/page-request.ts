// The requests as the page makes them. `makeRequests` is serialized into the page by
// page.evaluate, so it must stay self-contained: no imports, no outer variables.
import type { ClientRequest } from './scenarios';

export type WireRequest = Omit<ClientRequest, 'target' | 'closedPort'> & { readonly url: string };

export interface PageResult {
  /** 'response': script got a response; 'error': fetch rejected / XHR error event. */
  readonly kind: 'response' | 'error';
  readonly status: number;
  /** Response.type for fetch ('cors', 'opaque', 'opaqueredirect', …), 'xhr' for XHR. */
  readonly type: string;
  readonly error: string;
  /** The value of ClientRequest.readHeader as script sees it. */
  readonly header: string | null;
}

export interface Batch {
  readonly requests: readonly WireRequest[];
  /** Start them all at once rather than one after the other. */
  readonly parallel: boolean;
}

export async function makeRequests(batch: Batch): Promise<PageResult[]> {
  const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

  const body = (r: WireRequest): BodyInit | null => {
    switch (r.bodyType) {
      case 'blob-json':
        return new Blob(['{}'], { type: 'application/json' });
      case 'blob-text':
        return new Blob(['text'], { type: 'text/plain' });
      case 'blob-untyped':
        return new Blob(['raw']);
      case 'form-data': {
        const form = new FormData();
        form.append('field', 'value');
        return form;
      }
      case 'url-search-params':
        return new URLSearchParams({ field: 'value' });
      case undefined:
        return r.body ?? null;
    }
  };

  const xhr = (r: WireRequest): Promise<PageResult> =>
    new Promise<PageResult>((resolve) => {
      const x = new XMLHttpRequest();
      x.open(r.method ?? 'GET', r.url);
      x.withCredentials = r.withCredentials === true;
      for (const [name, value] of r.headers ?? []) x.setRequestHeader(name, value);
      if (r.uploadListener === true) x.upload.addEventListener('progress', () => undefined);
      x.onloadend = () => {
        const failed = x.status === 0;
        resolve({
          kind: failed ? 'error' : 'response',
          status: x.status,
          type: 'xhr',
          error: failed ? 'XHR network error' : '',
          header: r.readHeader !== undefined && !failed ? x.getResponseHeader(r.readHeader) : null,
        });
      };
      x.send(body(r) as XMLHttpRequestBodyInit | null);
    });

  const fetchOne = async (r: WireRequest): Promise<PageResult> => {
    const init: RequestInit & { duplex?: 'half' } = {
      method: r.method ?? 'GET',
      headers: (r.headers ?? []).map(([name, value]): [string, string] => [name, value]),
      ...(r.mode ? { mode: r.mode } : {}),
      ...(r.credentials ? { credentials: r.credentials } : {}),
      ...(r.redirect ? { redirect: r.redirect } : {}),
      ...(r.cache ? { cache: r.cache } : {}),
      ...(r.keepalive ? { keepalive: true } : {}),
    };
    if (r.streamBody === true) {
      init.body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('streamed'));
          controller.close();
        },
      });
      init.duplex = 'half';
    } else {
      init.body = body(r);
    }
    let response: Response;
    try {
      response = await fetch(r.url, init);
    } catch (e) {
      return { kind: 'error', status: 0, type: '', error: describe(e), header: null };
    }
    const header = r.readHeader !== undefined ? response.headers.get(r.readHeader) : null;
    let bodyError = '';
    try {
      await response.text();
    } catch (e) {
      bodyError = `body: ${describe(e)}`;
    }
    return { kind: 'response', status: response.status, type: response.type, error: bodyError, header };
  };

  const one = (r: WireRequest): Promise<PageResult> => (r.api === 'xhr' ? xhr(r) : fetchOne(r));
  if (batch.parallel) return Promise.all(batch.requests.map(one));
  const results: PageResult[] = [];
  for (const r of batch.requests) results.push(await one(r));
  return results;
}
