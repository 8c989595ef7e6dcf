/**
 * Trace ids as the older vendors' headers carry them: 64 bits in decimal. W3C ids are hex (128-bit trace id,
 * 64-bit span id); Datadog-style formats keep only the lower 64 bits of a trace id (the upper half travels apart)
 * and write them, and the span id, as unsigned decimal.
 */

/** The lower 64 bits of a hex id, in decimal: a span id whole, a 128-bit trace id's right half. */
export function low64Decimal(hex: string): string {
  return BigInt(`0x${hex.slice(-16) || '0'}`).toString(10);
}

/** An unsigned decimal id (up to 64 bits) as 16 hex digits, zero-padded; undefined when it is not one. */
export function decimalToHex64(decimal: string): string | undefined {
  if (!/^\d{1,20}$/.test(decimal)) return undefined;
  const value = BigInt(decimal);
  return value < BigInt(2) ** BigInt(64) ? value.toString(16).padStart(16, '0') : undefined;
}
