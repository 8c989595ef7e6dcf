import { describe, expect, it } from 'vitest';
import { isTrack, slideInTrack } from './tracks';

describe('tracks', () => {
  it('knows its tracks and nothing else', () => {
    expect(['full', 'talk', 'workshop', 'onboarding'].every(isTrack)).toBe(true);
    expect(isTrack('constructor')).toBe(false);
    expect(isTrack('<img>')).toBe(false);
  });

  it('shows untagged slides everywhere, tagged ones only in their tracks, and all in the full deck', () => {
    expect(slideInTrack(null, 'talk')).toBe(true);
    expect(slideInTrack('talk onboarding', 'onboarding')).toBe(true);
    expect(slideInTrack('talk onboarding', 'workshop')).toBe(false);
    expect(slideInTrack('workshop', 'full')).toBe(true);
    expect(slideInTrack('', 'talk')).toBe(false);
  });
});
