import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { contract, EVENTS, events, type Handlers, METHODS, type NoExtraMethods } from '../../common/contract';
import type { Context } from '../../main/context';
import { registry } from '../../main/handlers';

describe('contract', () => {
  it('has a handler for every method and no handler without a method', () => {
    expect(Object.keys(registry).sort()).toEqual([...METHODS].sort());
    for (const method of METHODS) expect(typeof registry[method]).toBe('function');
  });

  it('gives every method zod input and output schemas, and every event a payload schema', () => {
    for (const method of METHODS) {
      expect(contract[method].input).toBeInstanceOf(z.ZodType);
      expect(contract[method].output).toBeInstanceOf(z.ZodType);
    }
    expect(EVENTS.length).toBeGreaterThan(0);
    for (const event of EVENTS) expect(events[event]).toBeInstanceOf(z.ZodType);
  });

  it('names methods as domain.action, so each domain has its handler module', () => {
    for (const method of METHODS) expect(method).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('makes a missing or an extra handler a compile error', () => {
    type Full = Handlers<Context>;
    type Missing = Omit<Full, 'clients.list'>;
    type Extra = Full & { 'clients.erase': () => Promise<void> };
    // A registry without clients.list does not satisfy Handlers.
    expectTypeOf<Missing>().not.toMatchTypeOf<Full>();
    // A registry with a method the contract does not know collapses to never.
    expectTypeOf<NoExtraMethods<Extra>>().toEqualTypeOf<never>();
    expectTypeOf<NoExtraMethods<Full>>().toEqualTypeOf<Full>();
  });
});
