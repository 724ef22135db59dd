import { describe, expect, it } from 'vitest';
import { anonymizeIp, userAgentClass } from './anonymize';

describe('anonymizeIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['::ffff:198.51.100.9', '198.51.100.0'],
    ['2001:db8:abcd:12:1:2:3:4', '2001:db8:abcd::'],
    ['2001:db8::1', '2001:db8::'],
    ['::1', '::'],
    ['fe80::1%eth0', 'fe80::'],
    ['unknown', null],
    ['', null],
  ])('%s → %s', (ip, expected) => {
    expect(anonymizeIp(ip)).toBe(expected);
  });
});

describe('userAgentClass', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36', 'chrome'],
    ['Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15', 'safari'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'firefox'],
    ['Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36 Edg/131.0', 'edge'],
    ['curl/8.5.0', 'script'],
    ['SomethingElse/1.0', 'other'],
    [undefined, 'none'],
  ])('%s → %s', (ua, expected) => {
    expect(userAgentClass(ua)).toBe(expected);
  });
});
