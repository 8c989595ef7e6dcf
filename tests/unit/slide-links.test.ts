/**
 * Links between slides, and links out of the deck. A `href="#/id"` must name a slide that exists and that is shown in
 * every track its own slide is shown in (a track removes the slides it leaves out, and a link to one would go
 * nowhere). A link out of the deck opens with `rel="noopener"`; the reading lists give addresses as text.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChapters } from '../../src/build/chapters';
import { slideInTrack, TRACKS, type Track } from '../../src/deck/tracks';

const ROOT = join(import.meta.dirname, '..', '..');
const html = readChapters(join(ROOT, 'slides'), join(ROOT, 'figs'));
const sections = html.split(/(?=<section[\s>])/).filter((s) => s.startsWith('<section'));
const slides = sections.map((s) => {
  const attrs = /^<section([^>]*)>/.exec(s)?.[1] ?? '';
  return {
    id: /\sid="([^"]*)"/.exec(attrs)?.[1] ?? '',
    tracks: /\sdata-tracks="([^"]*)"/.exec(attrs)?.[1],
    links: [...s.matchAll(/<a\s([^>]*)>/g)].map(([, a]) => ({ href: /href="([^"]*)"/.exec(a!)?.[1] ?? '', rel: /rel="([^"]*)"/.exec(a!)?.[1] ?? '' })),
  };
});
const byId = new Map(slides.map((s) => [s.id, s]));

describe('links in the slides', () => {
  it('point at slides that exist, shown wherever the linking slide is', () => {
    const broken: string[] = [];
    for (const slide of slides) {
      for (const { href } of slide.links.filter((l) => l.href.startsWith('#/'))) {
        const target = byId.get(decodeURIComponent(href.slice(2)));
        if (!target) {
          broken.push(`${slide.id} → ${href}: no such slide`);
          continue;
        }
        for (const track of Object.keys(TRACKS) as Track[]) {
          if (slideInTrack(slide.tracks, track) && !slideInTrack(target.tracks, track)) broken.push(`${slide.id} → ${href}: not in the ${track} track`);
        }
      }
    }
    expect(broken).toEqual([]);
    // The ending links back into the deck: the test has links to check.
    expect(slides.filter((s) => s.links.some((l) => l.href.startsWith('#/'))).length).toBeGreaterThanOrEqual(4);
  });

  it('open pages outside the deck only with rel="noopener"', () => {
    const bare = slides.flatMap((s) => s.links.filter((l) => /^[a-z]+:/i.test(l.href) && !/\bnoopener\b/.test(l.rel)).map((l) => `${s.id} → ${l.href}`));
    expect(bare).toEqual([]);
  });
});
