/**
 * Tracks: shorter paths through the deck for different audiences. A slide says which tracks it belongs to with
 * `data-tracks="talk workshop"`; a slide without the attribute belongs to every track. The full deck shows all.
 * Slides not in the chosen track are removed before reveal.js starts, so its progress bar, slide numbers and
 * overview all follow the track.
 */

export const TRACKS = {
  full: 'The whole deck',
  talk: 'Talk: about 30 minutes',
  workshop: 'Workshop: the hands-on steps',
  onboarding: 'Onboarding: reading traces, for support teams',
} as const;

export type Track = keyof typeof TRACKS;

export function isTrack(value: string): value is Track {
  return Object.hasOwn(TRACKS, value);
}

/** Whether a slide with this `data-tracks` value is shown in `track`. */
export function slideInTrack(tracksAttr: string | null | undefined, track: Track): boolean {
  if (track === 'full' || tracksAttr == null) return true;
  return tracksAttr.split(/\s+/).includes(track);
}

/** Remove the top-level slides (and vertical sub-slides) that are not in `track`; returns how many remain. */
export function applyTrack(slides: HTMLElement, track: Track): number {
  const sections = [...slides.querySelectorAll<HTMLElement>(':scope > section, :scope > section > section')];
  for (const section of sections) {
    if (!slideInTrack(section.getAttribute('data-tracks'), track)) section.remove();
  }
  // A vertical stack whose sub-slides all left goes too.
  for (const stack of slides.querySelectorAll<HTMLElement>(':scope > section')) {
    const hadChildren = stack.dataset['stack'] === 'true';
    if (hadChildren && !stack.querySelector(':scope > section')) stack.remove();
  }
  document.documentElement.dataset['track'] = track;
  return slides.querySelectorAll(':scope > section').length;
}
