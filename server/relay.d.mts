/** Types of relay.mjs, for the TypeScript tests that import it. */
import type { Server } from 'node:http';

export interface RelayNumbers {
  readonly phones: number;
  readonly dropped: { invalid: number; oversized: number; rateLimited: number; unknown: number; noPresenter: number; busy: number };
  readonly forwarded: number;
  readonly answered: number;
}

export declare function attachRelay(
  httpServer: Server,
  options?: { now?: () => number; isOwnAddress?: (address: string) => boolean },
): { numbers(): RelayNumbers; close(): Promise<void> };
