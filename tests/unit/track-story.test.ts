/**
 * The tracks as stories: each begins on the title slide and ends on the summary, the talk fits 30 minutes (at most
 * 25 slides), and every slide but those two says which tracks it is in, so none lands in a track by accident.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChapters } from '../../src/build/chapters';
import { slideInTrack, TRACKS, type Track } from '../../src/deck/tracks';

const ROOT = join(import.meta.dirname, '..', '..');
const html = readChapters(join(ROOT, 'slides'), join(ROOT, 'figs'));
const slides = [...html.matchAll(/<section([^>]*)>/g)].map(([, attrs]) => ({
  id: /\sid="([^"]*)"/.exec(attrs!)?.[1] ?? '',
  tracks: /\sdata-tracks="([^"]*)"/.exec(attrs!)?.[1],
}));
const inTrack = (track: Track) => slides.filter((s) => slideInTrack(s.tracks, track)).map((s) => s.id);

describe('the tracks', () => {
  it('fit the talk in at most 25 slides', () => {
    expect(inTrack('talk').length).toBeLessThanOrEqual(25);
    // And it is still a talk: every chapter of part one has a slide in it.
    expect(inTrack('talk')).toEqual(expect.arrayContaining(['why-trace', 'commute', 'traces-spans', 'workshop', 'otel', 'bootcamp']));
  });

  it.each(Object.keys(TRACKS) as Track[])('%s begins on the title slide and ends on the summary', (track) => {
    const ids = inTrack(track);
    expect(ids[0]).toBe('title');
    expect(ids.at(-1)).toBe('summary');
  });

  it('tags every slide but the title and the summary with its tracks', () => {
    expect(slides.filter((s) => s.tracks === undefined).map((s) => s.id)).toEqual(['title', 'summary']);
    expect(slides.every((s) => s.id !== '')).toBe(true);
  });

  it('ends each chapter of part one on a recap in the workshop track', () => {
    const ids = inTrack('workshop');
    for (const [recap, next] of [['commute-recap', 'traces-spans'], ['workshop-recap', 'console'], ['reading-recap', 'otel'], ['otel-recap', 'bootcamp'], ['bootcamp-recap', 'many-requests']]) {
      expect(ids[ids.indexOf(recap!) + 1]).toBe(next);
    }
  });

  it('ends chapter 7 on its recap in both self-paced tracks, after its exercises', () => {
    for (const track of ['workshop', 'onboarding'] as const) {
      const ids = inTrack(track);
      expect(ids[ids.indexOf('many-requests-recap') + 1]).toBe('traces-as-data');
      expect(ids.indexOf('critical-path-exercise')).toBeLessThan(ids.indexOf('many-requests-recap'));
    }
  });
});
