/**
 * FNV-1a, 32 bits: a tiny, stable string hash. The simulations turn a seed's label into a number with it, and the
 * waterfall a service's name into a colour; nothing relies on it for security or spread beyond that.
 */

/** The 32-bit FNV-1a hash of `text`'s UTF-16 code units, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
