import { describe, expect, it } from 'vitest';
import { parseGroupFilter } from './group-filter';

describe('parseGroupFilter', () => {
  const both = new Set(['frontend-react-js', 'backend-flask']);
  const front = new Set(['frontend-react-js']);
  it('service("backend-flask") keeps the traces through backend-flask', () => {
    const f = parseGroupFilter('service("backend-flask")');
    expect(f.ok && [f.test(both), f.test(front)]).toEqual([true, false]);
  });
  it('negation, spaces, and the empty default group', () => {
    const f = parseGroupFilter('  ! service( "backend-flask" ) ');
    expect(f.ok && [f.test(both), f.test(front)]).toEqual([false, true]);
    const all = parseGroupFilter('');
    expect(all.ok && all.test(front)).toBe(true);
  });
  it('anything else is refused with what it does read', () => {
    expect(parseGroupFilter('responsetime > 2')).toEqual({ ok: false, message: expect.stringContaining('service("name")') });
    expect(parseGroupFilter('service(backend-flask)').ok).toBe(false);
  });
});
