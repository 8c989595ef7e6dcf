/**
 * Chapter 4's step slides speak for themselves to a self-paced learner (walk #6): each says what changed at this
 * step, what to try and what to notice on the slide, not only in its notes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const text = readFileSync(new URL('../../slides/40-workshop.md', import.meta.url), 'utf8');
const steps = text
  .split(/\n---\n/)
  .filter((s) => s.includes('data-demo="workshop-step"'))
  .map((s) => [/id="([^"]+)"/.exec(s)?.[1] ?? '?', s.split('\nNote:')[0]!] as const);

describe('chapter 4 step slides', () => {
  it('are there', () => {
    expect(steps.map(([id]) => id)).toEqual(expect.arrayContaining(['step-0', 'step-5', 'step-8', 'step-tag', 'step-error']));
  });

  it.each(steps)('%s: a line on what changed, a Try: and a Notice: on the slide itself', (_id, slide) => {
    expect(slide).toMatch(/This step: .+\n<!-- \.element: class="demo-change" -->/);
    expect(slide).toMatch(/\*\*Try:\*\* .+\n<!-- \.element: class="demo-try" -->/);
    expect(slide).toMatch(/\*\*Notice:\*\* .+\n<!-- \.element: class="demo-notice" -->/);
  });
});
