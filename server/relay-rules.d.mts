/** Types of relay-rules.mjs, for the TypeScript tests that import it. */

export type RequestKind = 'pair' | 'beers' | 'donut' | 'missing';
export declare const MAX_PHONE_MESSAGE_CHARS: number;

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'invalid' | 'oversized' };

export interface PhoneRequest {
  readonly id: string;
  readonly kind: RequestKind;
  readonly traceparent: string;
}

export interface PhoneDone {
  readonly id: string;
  readonly durationMs: number;
}

export interface Bucket {
  readonly tokens: number;
  readonly atMs: number;
}

export interface Limit {
  readonly burst: number;
  readonly perSecond: number;
}

export declare function jsonSize(value: unknown): number;
export declare function checkPhoneKey(value: unknown): string | undefined;
export declare function checkTraceparent(value: unknown): { traceId: string; spanId: string } | undefined;
export declare function checkPhoneRequest(raw: unknown): Checked<PhoneRequest>;
export declare function checkPhoneDone(raw: unknown): Checked<PhoneDone>;
export declare function checkPresenterAnswer(raw: unknown): Checked<Record<string, unknown> & { to: string; id: string }>;
export declare function takeToken(bucket: Bucket | undefined, nowMs: number, limit: Limit): { allowed: boolean; bucket: Bucket };
export declare const PHONE_LIMIT: Limit;
export declare const ROOM_LIMIT: Limit;
export declare function isLoopback(address: unknown): boolean;
