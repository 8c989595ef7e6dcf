/**
 * Faults a presenter can switch on to show what failure looks like in a trace. One `Faults` object belongs to one
 * simulated system; services and clients read it at the moment they need it, so a switch takes effect on the next
 * request without a restart.
 */

export interface FaultSettings {
  /** Probability in [0, 1] that a service answers 500 instead of doing its work. */
  errorRate: number;
  /** Probability in [0, 1] that a hop is slow. */
  slowRate: number;
  /** Extra latency of a slow hop, ms. */
  slowExtraMs: number;
  /** Hosts that are down: connections to them are refused. */
  down: string[];
  /** Hosts that are up but whose own code throws on every request (a bad deploy), so the server span records it. */
  failing: string[];
  /** How long a client waits for a response before giving up, ms; 0 waits forever. */
  clientTimeoutMs: number;
}

const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  errorRate: 0,
  slowRate: 0,
  slowExtraMs: 400,
  down: [],
  failing: [],
  clientTimeoutMs: 0,
});

export class Faults {
  private settings: FaultSettings = { ...NO_FAULTS, down: [], failing: [] };

  get current(): Readonly<FaultSettings> {
    return this.settings;
  }

  /** Change some settings; values out of range are clamped, not trusted. */
  set(changes: Partial<FaultSettings>): void {
    const next = { ...this.settings, ...changes };
    this.settings = {
      errorRate: clamp01(next.errorRate),
      slowRate: clamp01(next.slowRate),
      slowExtraMs: clampMs(next.slowExtraMs),
      down: [...new Set(next.down)],
      failing: [...new Set(next.failing)],
      clientTimeoutMs: clampMs(next.clientTimeoutMs),
    };
  }

  reset(): void {
    this.settings = { ...NO_FAULTS, down: [], failing: [] };
  }

  isDown(host: string): boolean {
    return this.settings.down.includes(host);
  }

  isFailing(host: string): boolean {
    return this.settings.failing.includes(host);
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function clampMs(x: number): number {
  return Number.isFinite(x) ? Math.min(600_000, Math.max(0, x)) : 0;
}
