/**
 * Every exercise has its slide, and every exercise slide its exercise: the id ends in `-exercise`, the demo names
 * the exercise, and it is in the self-paced tracks (workshop, onboarding), never in the talk.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChapters } from '../../src/build/chapters';
import { EXERCISE_NAMES } from '../../src/demos/exercise/exercises';
import { slideInTrack } from '../../src/deck/tracks';

const ROOT = join(import.meta.dirname, '..', '..');
const html = readChapters(join(ROOT, 'slides'), join(ROOT, 'figs'));
const sections = html.split(/(?=<section)/).filter((s) => s.startsWith('<section'));
const exerciseSlides = sections
  .map((s) => ({
    id: /^<section[^>]*\sid="([^"]*)"/.exec(s)?.[1] ?? '',
    tracks: /^<section[^>]*\sdata-tracks="([^"]*)"/.exec(s)?.[1],
    names: [...s.matchAll(/data-demo="exercise" data-exercise="([^"]*)"/g)].map((m) => m[1]),
  }))
  .filter((s) => s.id.endsWith('-exercise') || s.names.length > 0);

describe('exercise slides', () => {
  it('give every exercise one slide, named after it', () => {
    expect(exerciseSlides.map((s) => s.id).sort()).toEqual(EXERCISE_NAMES.map((n) => `${n}-exercise`).sort());
    for (const s of exerciseSlides) expect(s.names).toEqual([s.id.slice(0, -'-exercise'.length)]);
  });

  it('are in the self-paced tracks and not the talk', () => {
    for (const s of exerciseSlides) {
      expect(slideInTrack(s.tracks, 'workshop'), s.id).toBe(true);
      expect(slideInTrack(s.tracks, 'onboarding'), s.id).toBe(true);
      expect(slideInTrack(s.tracks, 'talk'), s.id).toBe(false);
    }
  });
});
