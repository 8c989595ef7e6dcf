/**
 * The mechanism the context-loss demo rests on, checked: a stack-based manager knows a context only while `with()`
 * runs synchronously, and has lost it after the first `await`; the page's zone manager keeps it (async code is
 * lowered to ES2016 for the tests too).
 */
import { context, createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { installGlobalContext } from './global-context';
import { createStackContextManager } from './stack-context';

const KEY = createContextKey('test.request');
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('a stack-based context manager', () => {
  it('keeps a context until the first await, then it is gone', async () => {
    const stack = createStackContextManager();
    const seen: unknown[] = [];
    await stack.with(ROOT_CONTEXT.setValue(KEY, 'request-1'), async () => {
      seen.push(stack.active().getValue(KEY));
      await tick();
      seen.push(stack.active().getValue(KEY));
    });
    expect(seen).toEqual(['request-1', undefined]);
    expect(stack.active()).toBe(ROOT_CONTEXT);
  });

  it('where the zone manager of the page keeps it across the await', async () => {
    installGlobalContext();
    const seen: unknown[] = [];
    await context.with(ROOT_CONTEXT.setValue(KEY, 'request-1'), async () => {
      seen.push(context.active().getValue(KEY));
      await tick();
      seen.push(context.active().getValue(KEY));
    });
    expect(seen).toEqual(['request-1', 'request-1']);
  });
});
