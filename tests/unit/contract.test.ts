import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  contract,
  DATA_SCOPES,
  EVENTS,
  events,
  type Handlers,
  type Method,
  METHODS,
  type MethodPolicy,
  type NoExtraMethods,
  roleSchema,
  scopesOf,
} from '../../common/contract';
import type { Context } from '../../main/context';
import { registry } from '../../main/handlers';

/** What is wrong with one entry's policy: a field missing, or a value main cannot act on. */
function policyProblems(entry: object): string[] {
  const policy = entry as Partial<Record<keyof MethodPolicy, unknown>>;
  const problems: string[] = [];
  const scopes = (field: 'reads' | 'changes') => {
    const value = policy[field];
    if (!Array.isArray(value)) return problems.push(`${field} is not a list`);
    if (!value.every((scope) => (DATA_SCOPES as readonly unknown[]).includes(scope)))
      problems.push(`${field} names an unknown scope`);
    if (new Set(value).size !== value.length) problems.push(`${field} names a scope twice`);
  };
  scopes('reads');
  scopes('changes');
  if (typeof policy.personal !== 'boolean') problems.push('personal is not true or false');
  if (typeof policy.whileLocked !== 'boolean') problems.push('whileLocked is not true or false');
  if (!roleSchema.safeParse(policy.role).success && policy.role !== 'key_person_if_any')
    problems.push('role is not a role');
  return problems;
}

const POLICY_FIELDS = ['reads', 'changes', 'personal', 'whileLocked', 'role'] as const;
const where = (test: (policy: MethodPolicy) => boolean) => METHODS.filter((method) => test(contract[method])).sort();

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

  it('gives every method its policy: what it reads and changes, personal or not, while locked or not, and the role', () => {
    const problems = METHODS.flatMap((method) => policyProblems(contract[method]).map((p) => `${method}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('finds an entry that lacks any one policy field or has a wrong value', () => {
    for (const method of METHODS) {
      for (const field of POLICY_FIELDS) {
        const { [field]: _dropped, ...without } = contract[method];
        expect(policyProblems(without), `${method} without ${field}`).not.toEqual([]);
      }
    }
    expect(policyProblems({ ...contract['goals.set'], changes: ['scores'] })).toEqual([
      'changes names an unknown scope',
    ]);
    expect(policyProblems({ ...contract['goals.set'], role: 'admin' })).toEqual(['role is not a role']);
    expect(policyProblems({ ...contract['goals.set'], personal: 'yes' })).toEqual(['personal is not true or false']);
  });

  it('makes an entry without a policy field a compile error', () => {
    type Entry = (typeof contract)['clients.get'];
    expectTypeOf<Entry>().toMatchTypeOf<MethodPolicy>();
    expectTypeOf<Omit<Entry, 'role'>>().not.toMatchTypeOf<MethodPolicy>();
    expectTypeOf<Omit<Entry, 'reads'>>().not.toMatchTypeOf<MethodPolicy>();
  });

  it('uses every scope: something changes it and something reads it', () => {
    for (const scope of DATA_SCOPES) {
      expect(
        where((p) => p.changes.includes(scope)),
        `changes ${scope}`,
      ).not.toEqual([]);
      expect(
        where((p) => p.reads.includes(scope)),
        `reads ${scope}`,
      ).not.toEqual([]);
    }
    expect(events['data.changed'].shape.scope.options).toEqual(DATA_SCOPES);
  });

  it('gives goals and the coverage target scopes of their own (they used to pass for scorings)', () => {
    expect(contract['goals.set'].changes).toEqual(['goals']);
    expect(contract['goals.remove'].changes).toEqual(['goals']);
    expect(contract['coverage.setTarget'].changes).toEqual(['coverage']);
    // The progression chart shows goals and milestone notes, wherever it is drawn.
    expect(scopesOf('charts.progression')).toEqual(expect.arrayContaining(['scorings', 'goals', 'notes', 'sheets']));
  });

  it('answers while locked only what the lock screen needs', () => {
    expect(where((p) => p.whileLocked)).toEqual(['app.info', 'lock.status', 'lock.unlock', 'settings.setLanguage']);
  });

  it('keeps to key persons the team figures, the audit log, erasure and retention', () => {
    expect(where((p) => p.role === 'key_person')).toEqual(
      [
        'coverage.setTarget',
        'team.view',
        'audit.list',
        'audit.check',
        'privacy.erasurePlan',
        'privacy.eraseClient',
        'privacy.retention',
        'privacy.setRetention',
        'privacy.purge',
      ].sort(),
    );
  });

  it('keeps the caseworkers, the lists and the sheets to key persons while there is one', () => {
    expect(where((p) => p.role === 'key_person_if_any')).toEqual(
      [
        'caseworkers.create',
        'caseworkers.update',
        'caseworkers.setActive',
        'caseworkers.handoverCaseload',
        'catalog.create',
        'catalog.update',
        'catalog.move',
        'catalog.setRetired',
        'catalog.remove',
        'sheets.createFromStarter',
        'sheets.copy',
        'sheets.edit',
        'sheets.saveDraft',
        'sheets.publish',
        'sheets.setRetired',
        'sheets.saveTranslation',
        'sheets.removeTranslation',
        'imports.sheet',
      ].sort(),
    );
  });

  it('logs every call but those on the app itself, the lists, sheets, figures without people and the lock state', () => {
    const notPersonal: Method[] = [
      'app.info',
      'app.openLogFolder',
      'settings.setLanguage',
      'settings.caseloadView',
      'settings.setCaseloadView',
      'caseworkers.list',
      'catalog.list',
      'catalog.create',
      'catalog.update',
      'catalog.move',
      'catalog.setRetired',
      'catalog.remove',
      'sheets.list',
      'sheets.get',
      'sheets.version',
      'sheets.createFromStarter',
      'sheets.copy',
      'sheets.edit',
      'sheets.saveDraft',
      'sheets.publish',
      'sheets.setRetired',
      'sheets.translations',
      'sheets.saveTranslation',
      'sheets.removeTranslation',
      'coverage.get',
      'coverage.setTarget',
      'team.view',
      'presentation.displays',
      'presentation.current',
      'presentation.step',
      'lock.status',
      // Client mode's state and leaving it: no one's data.
      'clientmode.status',
      'clientmode.leave',
      // The team membership and its sync: addresses and counts, never a client's data.
      'sync.status',
      'sync.join',
      'sync.confirmJoin',
      'sync.cancelJoin',
      'sync.signIn',
      'sync.cancelSignIn',
      'sync.signOut',
      'sync.leave',
      'sync.now',
    ];
    expect(where((p) => !p.personal)).toEqual(notPersonal.sort());
  });

  it('leaves data.changed to the dispatcher: no handler emits it', () => {
    const folder = join(import.meta.dirname, '../../main/handlers');
    const emitting = readdirSync(folder).filter((file) =>
      readFileSync(join(folder, file), 'utf8').includes('data.changed'),
    );
    expect(emitting).toEqual([]);
  });
});
