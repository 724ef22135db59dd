import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  classifyStorageError,
  describeWriteError,
  onStorageProblem,
  reportStorageError,
  STORAGE_MESSAGES,
  watchStorageErrors,
} from './storage-errors';

const dom = (name: string) => new DOMException('browser says no', name);

describe('classifyStorageError', () => {
  it.each([
    ['a DOMException QuotaExceededError', dom('QuotaExceededError'), 'quota'],
    ['Dexie’s QuotaExceededError', new Dexie.QuotaExceededError('full'), 'quota'],
    [
      'an AbortError around a quota error',
      new Dexie.AbortError('Transaction aborted', dom('QuotaExceededError')),
      'quota',
    ],
    ['a Firefox quota error', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, 'quota'],
    ['a legacy code 22', { name: 'Error', code: 22 }, 'quota'],
    [
      'a quota error as the cause',
      new Error('save failed', { cause: dom('QuotaExceededError') }),
      'quota',
    ],
    ['no IndexedDB at all', new Dexie.MissingAPIError(), 'unavailable'],
    ['InvalidStateError', dom('InvalidStateError'), 'unavailable'],
    ['SecurityError', dom('SecurityError'), 'unavailable'],
    ['UnknownError', dom('UnknownError'), 'unavailable'],
    ['a failed open', new Dexie.OpenFailedError(dom('UnknownError')), 'unavailable'],
    ['a closed database', new Dexie.DatabaseClosedError(), 'unavailable'],
    ['a constraint error (a bug, not storage)', new Dexie.ConstraintError('dup key'), null],
    ['a plain AbortError', new Dexie.AbortError('Transaction aborted'), null],
    ['a TypeError', new TypeError('x is undefined'), null],
    ['a string', 'QuotaExceededError', null],
    ['undefined', undefined, null],
    ['null', null, null],
  ])('%s is %s', (_label, error, expected) => {
    expect(classifyStorageError(error)).toBe(expected);
  });

  it('stops following a chain that loops', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = a;
    expect(classifyStorageError(a)).toBeNull();
  });

  it('has a message for every kind that says the change was not saved', () => {
    expect(STORAGE_MESSAGES.quota).toMatch(/out of storage space.*not saved/);
    expect(STORAGE_MESSAGES.unavailable).toMatch(/not saved.*private/);
  });
});

describe('describeWriteError', () => {
  it('words a storage failure as the app-wide alert does, on every page', () => {
    const aborted = new Dexie.AbortError('Transaction aborted', dom('QuotaExceededError'));
    expect(describeWriteError(aborted)).toBe(STORAGE_MESSAGES.quota);
    expect(describeWriteError(dom('InvalidStateError'))).toBe(STORAGE_MESSAGES.unavailable);
  });

  it('says any other failure was not saved, with its reason', () => {
    expect(describeWriteError(new Error('No pack p1'))).toBe('Not saved: No pack p1. Try again.');
  });
});

describe('reporting', () => {
  it('tells listeners about storage errors only', () => {
    const seen: string[] = [];
    const stop = onStorageProblem((problem) => seen.push(problem));
    expect(reportStorageError(new TypeError('bug'))).toBe(false);
    expect(reportStorageError(dom('QuotaExceededError'))).toBe(true);
    stop();
    reportStorageError(dom('SecurityError'));
    expect(seen).toEqual(['quota']);
  });

  it('picks storage errors out of unhandled rejections and marks them handled', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    const stop = onStorageProblem((problem) => seen.push(problem));
    const uninstall = watchStorageErrors(target as unknown as Window);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const rejection = (reason: unknown) => {
      const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), {
        reason,
      });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(rejection(new Dexie.AbortError('aborted', dom('QuotaExceededError')))).toBe(true);
    expect(rejection(new Error('some bug'))).toBe(false);
    uninstall();
    expect(rejection(dom('QuotaExceededError'))).toBe(false);

    stop();
    error.mockRestore();
    expect(seen).toEqual(['quota']);
  });
});
