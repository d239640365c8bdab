import { describe, expect, it } from 'vitest';
import { moveForKey, position, step } from '../../common/contract/presentation';

describe('presentation keys', () => {
  it.each(['ArrowRight', 'ArrowDown', 'PageDown'])('%s goes to the next client', (key) => {
    expect(moveForKey(key)).toBe('next');
  });
  it.each(['ArrowLeft', 'ArrowUp', 'PageUp'])('%s goes back', (key) => {
    expect(moveForKey(key)).toBe('previous');
  });
  it('Home and End jump to the first and the last client', () => {
    expect(moveForKey('Home')).toBe('first');
    expect(moveForKey('End')).toBe('last');
    expect(step(3, 5, 'first')).toBe(0);
    expect(step(1, 5, 'last')).toBe(4);
  });
  it('Escape leaves; other keys are left alone', () => {
    expect(moveForKey('Escape')).toBe('leave');
    for (const key of ['Enter', ' ', 'Tab', 'a', 'toString', 'constructor']) expect(moveForKey(key)).toBeNull();
  });
});

describe('stepping', () => {
  it('moves one client at a time', () => {
    expect(step(0, 5, 'next')).toBe(1);
    expect(step(3, 5, 'previous')).toBe(2);
  });
  it('stops at the first and the last client instead of wrapping round', () => {
    expect(step(4, 5, 'next')).toBe(4);
    expect(step(0, 5, 'previous')).toBe(0);
  });
  it('copes with one client and with none', () => {
    expect(step(0, 1, 'next')).toBe(0);
    expect(step(0, 0, 'next')).toBe(0);
    expect(step(0, 0, 'previous')).toBe(0);
  });
  it('counts the position from one', () => {
    expect(position(2, 5)).toEqual({ current: 3, total: 5 });
    expect(position(0, 0)).toEqual({ current: 0, total: 0 });
  });
});
