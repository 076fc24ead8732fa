// Drives the real DevTools window that `--auto-open-devtools-for-tabs` opens: selects the CORS
// tab and evaluates code inside our panel's frame. It reaches into DevTools internals (the
// ViewManager module), which can change between Chromium versions, so only one smoke test uses it.
import type { CDPSession, Page } from '@playwright/test';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}
interface ProtocolReply {
  id?: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: unknown };
}

/** A CDP session on another target, spoken through the page session with sendMessageToTarget,
 * because Playwright's CDPSession cannot address flattened child sessions. */
class TargetChannel {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: ProtocolReply) => void>();

  constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const reply = JSON.parse(event.message) as ProtocolReply;
      if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
    });
  }

  async evaluate(expression: string): Promise<unknown> {
    const id = ++this.nextId;
    const reply = new Promise<ProtocolReply>((resolve) => this.waiting.set(id, resolve));
    const message = JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } });
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message });
    const { result } = await reply;
    this.waiting.delete(id);
    return result?.exceptionDetails ? undefined : result?.result?.value;
  }
}

export class DevToolsWindow {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(page: Page, extensionId: string): Promise<DevToolsWindow> {
    return new DevToolsWindow(await page.context().newCDPSession(page), extensionId);
  }

  /** Selects the CORS tab in the DevTools window and returns a channel into the panel's frame. */
  async openCorsPanel(timeout = 15_000): Promise<TargetChannel> {
    const deadline = Date.now() + timeout;
    const frontends = await this.waitForTargets((t) => t.url.startsWith('devtools://devtools/'), deadline);
    const viewSuffix = `chrome-extension://${this.extensionId}CORS`;
    const show = `(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      const views = UI.ViewManager.ViewManager.instance();
      if (!views.views.has(${JSON.stringify(viewSuffix)})) return false;
      await views.showView(${JSON.stringify(viewSuffix)});
      return true;
    })()`;
    // Each tab has its own DevTools window; ours is whichever has registered the CORS view.
    const channels = await Promise.all(frontends.map((t) => this.channelTo(t)));
    for (;;) {
      for (const channel of channels) if ((await channel.evaluate(show)) === true) return this.panelChannel(deadline);
      if (Date.now() > deadline) throw new Error('the CORS tab never appeared in DevTools');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** A channel into a DevTools frontend window itself (its page runs DevTools' own modules). */
  async frontend(timeout = 15_000): Promise<TargetChannel> {
    const [target] = await this.waitForTargets((t) => t.url.startsWith('devtools://devtools/'), Date.now() + timeout);
    if (!target) throw new Error('no DevTools window');
    return this.channelTo(target);
  }

  private async panelChannel(deadline: number): Promise<TargetChannel> {
    const panelUrl = `chrome-extension://${this.extensionId}/src/panel/panel.html`;
    const [panel] = await this.waitForTargets((t) => t.url.startsWith(panelUrl), deadline);
    if (!panel) throw new Error('the CORS panel frame did not load');
    return this.channelTo(panel);
  }

  private async channelTo(target: TargetInfo): Promise<TargetChannel> {
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    return new TargetChannel(this.cdp, sessionId);
  }

  private async waitForTargets(match: (t: TargetInfo) => boolean, deadline: number): Promise<TargetInfo[]> {
    for (;;) {
      const { targetInfos } = await this.cdp.send('Target.getTargets');
      const found = targetInfos.filter(match);
      if (found.length) return found;
      if (Date.now() > deadline) throw new Error('DevTools target did not appear');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
