// The call as the page makes it. Serialized into the page by page.evaluate: self-contained.
import type { LnaKind } from './lna-cases';

export interface LnaCallSpec {
  readonly kind: LnaKind;
  readonly url: string;
}

/** What script saw: 'response <status>', 'error <message>', 'load' or 'error'. */
export async function makeLnaCall(spec: LnaCallSpec): Promise<string> {
  const element = (tag: 'img' | 'script' | 'iframe'): Promise<string> =>
    new Promise((resolve) => {
      const el = document.createElement(tag);
      el.addEventListener('load', () => resolve('load'));
      el.addEventListener('error', () => resolve('error'));
      el.src = spec.url;
      document.body.append(el);
    });
  switch (spec.kind) {
    case 'img':
    case 'script':
    case 'iframe':
      return element(spec.kind);
    case 'worker': {
      const worker = (window as unknown as { lnaWorker?: Worker }).lnaWorker;
      if (worker === undefined) return 'error no worker';
      return new Promise((resolve) => {
        worker.onmessage = (e: MessageEvent<string>) => resolve(e.data);
        worker.postMessage(spec.url);
      });
    }
    case 'fetch':
    case 'put':
      try {
        const response = await fetch(spec.url, { method: spec.kind === 'put' ? 'PUT' : 'GET' });
        await response.text();
        return `response ${response.status}`;
      } catch (e) {
        return `error ${String(e)}`;
      }
  }
}

/** Starts a dedicated Worker and waits until it runs (the suite attaches to it before it fetches). */
export async function startLnaWorker(url: string): Promise<void> {
  const worker = new Worker(url);
  (window as unknown as { lnaWorker?: Worker }).lnaWorker = worker;
  await new Promise<void>((resolve) => {
    worker.onmessage = () => resolve();
    worker.postMessage('ready?');
  });
}
