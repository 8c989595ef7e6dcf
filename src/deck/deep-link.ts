/**
 * Where a deep link (`#/console`, `#/12`) points: the index of its slide among the deck's slides, or null. reveal
 * lands there itself in its slide view, but its scroll view (a phone, below 435 px) opened at the title and then
 * wrote `#/title` over the link, so the deck sends the scroll view to the slide once it is active.
 */
export function slideIndexOf(ids: readonly string[], hash: string): number | null {
  const m = /^#\/([^/?#]+)/.exec(hash);
  if (!m?.[1]) return null;
  let name: string;
  try {
    name = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  const byId = ids.indexOf(name);
  if (byId >= 0) return byId;
  if (/^\d+$/.test(name)) {
    const n = Number(name);
    return n < ids.length ? n : null;
  }
  return null;
}

/**
 * The hash reveal writes for a slide, as its `location.getHash` makes it (without fragments, which this deck keeps
 * out of its URLs): `#/` and the slide's id, or else its indices (`#/3`, `#/3/1`), or `#/` for the first slide.
 */
export function hashOfSlide(id: string | null | undefined, h: number, v: number): string {
  if (id) return `#/${encodeURIComponent(id)}`;
  if (v > 0) return `#/${h}/${v}`;
  return h > 0 ? `#/${h}` : '#/';
}
