import { describe, expect, it } from 'vitest';
import { planLoadSpans, shortName, whatIf, type NavTiming, type ResourceTiming } from './load-timings';

//  0        40      120            300       360 ms
//  |-- document --|                           navigation start to response end (dns 2..8, connect 8..20, …)
//            |--- main.js ------------|         60..280
//            |- theme.css -|                    60..150
//                                      |load   event at 300
//                                           |- lazy.js -| 320..360: after the load event
const nav: NavTiming = {
  name: 'http://127.0.0.1:4173/index.html',
  startTime: 0,
  domainLookupStart: 2,
  domainLookupEnd: 8,
  connectStart: 8,
  connectEnd: 20,
  requestStart: 20,
  responseStart: 40,
  responseEnd: 50,
  loadEventStart: 300,
  loadEventEnd: 302,
  transferSize: 90_000,
};
const files: ResourceTiming[] = [
  { name: 'http://127.0.0.1:4173/assets/main.js', initiatorType: 'script', startTime: 60, responseStart: 80, responseEnd: 280, transferSize: 400_000 },
  { name: 'http://127.0.0.1:4173/assets/theme.css', initiatorType: 'link', startTime: 60, responseStart: 70, responseEnd: 150, transferSize: 30_000 },
  { name: 'http://127.0.0.1:4173/assets/lazy.js?v=1', initiatorType: 'script', startTime: 320, responseStart: 330, responseEnd: 360, transferSize: 50_000 },
];

describe('the page load as spans', () => {
  it('plans a root, the document with its phases, and every file that started before the load ended', () => {
    const plan = planLoadSpans(nav, files.slice(0, 2), 1_000);
    expect(plan.map((p) => [p.name, p.parent, p.startMs - 1_000, p.endMs - 1_000])).toEqual([
      ['page load', undefined, 0, 302],
      ['GET document', 0, 0, 50],
      ['dns', 1, 2, 8],
      ['connect', 1, 8, 20],
      ['request', 1, 20, 40],
      ['response', 1, 40, 50],
      ['GET /assets/main.js', 0, 60, 280],
      ['GET /assets/theme.css', 0, 60, 150],
    ]);
    expect(planLoadSpans(nav, files, 0).map((p) => p.name)).not.toContain('GET /assets/lazy.js?v=1');
  });

  it('names a file by its path and query', () => {
    expect(shortName('http://x.test/a/b.js?v=2')).toBe('/a/b.js?v=2');
    expect(shortName('not a url')).toBe('not a url');
  });

  it('estimates what deferring or halving the file the load waited for would change', () => {
    // main.js ended last (280), the load 20 ms later; without it the last is theme.css (150): 150 + 20 = 170.
    // Half its size: its 200 ms download halved, so it ends at 180, and the load at 200.
    expect(whatIf(nav, files, 0)).toEqual({ loadMs: 300, deferredMs: 170, halfSizeMs: 200, beforeLoad: true });
    // theme.css was not the last: deferring it changes nothing.
    expect(whatIf(nav, files, 1)).toEqual({ loadMs: 300, deferredMs: 300, halfSizeMs: 300, beforeLoad: true });
    expect(whatIf(nav, files, 2).beforeLoad).toBe(false);
    expect(whatIf(nav, files, 9).beforeLoad).toBe(false);
  });
});
