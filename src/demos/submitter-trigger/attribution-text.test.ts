import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { ANSWERS, traceLabel } from './attribution-text';

describe('submitter and trigger, in words', () => {
  it('labels a request trace by its root path and a job by its root name', () => {
    expect(traceLabel([makeSpan({ id: 'a', kind: 'SERVER', attributes: { 'url.path': '/carts/alice', 'http.request.method': 'PUT' } })], 'x')).toBe('PUT /carts/alice');
    expect(traceLabel([makeSpan({ id: 'b', name: 'batch flush' })], 'x')).toBe('batch flush');
    // Only an orphan arrived yet: no root to name it by.
    expect(traceLabel([makeSpan({ id: 'c', parent: 'zz' })], '0af7651916cd43dd')).toBe('trace 0af76519');
  });

  it('says what each attribution answers', () => {
    expect(ANSWERS.submitter).toMatch(/alice's trace holds the flush/);
    expect(ANSWERS.trigger).toMatch(/bob's trace holds the flush/);
  });
});
