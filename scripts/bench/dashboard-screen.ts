import { Agent, request } from 'node:http';
import WebSocket from 'ws';

interface Dashboard {
  windows: { id: number; current: { number: string } | null }[];
}

export interface ScreenCredentials {
  terminal: string;
  staff: string;
}

/** What a screen saw for one call: when the push came, and when the dashboard it then read showed the call. */
export interface Seen {
  pushedAt: number;
  shownAt: number;
}

/**
 * One supervisor's dashboard screen as the renderer's data layer drives it
 * (renderer/src/data/use-hall-dashboard.ts): one socket on `/api/events?role=admin` that follows
 * the dashboard, `GET /api/dashboard` on every hello and when a follow is refused or ended (one read
 * in flight, one queued behind it, as use-query.ts), over the screen's own keep-alive connections
 * (a browser's six); every `dashboard.state` push replaces what it shows. Each state, read or
 * pushed, is looked at for the window the benchmark calls at, so the screen knows when it shows a call.
 */
export class DashboardScreen {
  private ws: WebSocket | null = null;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 6 });
  private inFlight = false;
  private again = false;
  reads = 0;
  /** Dashboard states pushed to this screen. */
  states = 0;
  /** The first read that was refused (the benchmark stops on it). */
  failure: string | null = null;
  /** Ticket number → when this screen first got its call pushed, and first showed it at the window. */
  readonly pushed = new Map<string, number>();
  readonly shown = new Map<string, number>();

  constructor(
    private readonly base: string,
    private readonly cred: ScreenCredentials,
    private readonly windowId: number,
  ) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.base.replace('http', 'ws')}/api/events?role=admin`, {
        headers: { authorization: `Bearer ${this.cred.terminal}`, 'x-yizhan-staff': this.cred.staff },
      });
      this.ws = ws;
      ws.on('message', (data) => this.receive(String(data)));
      ws.once('open', () => {
        ws.send(JSON.stringify({ type: 'follow', view: 'dashboard' }));
        resolve();
      });
      ws.once('error', reject);
    });
  }

  /** What this screen saw of one call, once it has both pushed and shown it. */
  seenOf(number: string): Seen | null {
    const pushedAt = this.pushed.get(number);
    const shownAt = this.shown.get(number);
    return pushedAt === undefined || shownAt === undefined ? null : { pushedAt, shownAt };
  }

  get idle(): boolean {
    return !this.inFlight && !this.again;
  }

  close(): void {
    this.ws?.terminate();
    this.agent.destroy();
  }

  private receive(text: string): void {
    const at = performance.now();
    const msg = JSON.parse(text) as { type: string; call?: { number: string }; dashboard?: Dashboard; view?: string | null };
    if (msg.type === 'ticket.called' && msg.call && !this.pushed.has(msg.call.number)) this.pushed.set(msg.call.number, at);
    if (msg.type === 'dashboard.state' && msg.dashboard) {
      this.states += 1;
      this.show(msg.dashboard, at);
    }
    if (msg.type === 'hello' || (msg.type === 'following' && msg.view === null)) this.load();
  }

  private load(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.reads += 1;
    const req = request(
      `${this.base}/api/dashboard`,
      { agent: this.agent, headers: { authorization: `Bearer ${this.cred.terminal}`, 'x-yizhan-staff': this.cred.staff } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          this.answered(res.statusCode ?? 0, body);
          this.inFlight = false;
          if (this.again) {
            this.again = false;
            this.load();
          }
        });
      },
    );
    req.on('error', (err) => {
      this.failure ??= err.message;
      this.inFlight = false;
    });
    req.end();
  }

  private answered(status: number, body: string): void {
    const at = performance.now();
    if (status !== 200) {
      this.failure ??= `dashboard read answered ${status}: ${body.slice(0, 200)}`;
      return;
    }
    this.show(JSON.parse(body) as Dashboard, at);
  }

  private show(d: Dashboard, at: number): void {
    const shown = d.windows.find((w) => w.id === this.windowId)?.current?.number;
    if (shown !== undefined && !this.shown.has(shown)) this.shown.set(shown, at);
  }
}
