import { describe, expect, it } from 'vitest';
import { parseAllowedOrigins, pushEndpointProblem } from '@/lib/push/push-endpoint';

describe('pushEndpointProblem', () => {
  it('accepts https on a public host name', () => {
    expect(pushEndpointProblem('https://fcm.googleapis.com/fcm/send/abc', [])).toBeNull();
    expect(pushEndpointProblem('https://web.push.apple.com/QO3', [])).toBeNull();
  });

  it('refuses plain http, local names and every IP literal, with a reason', () => {
    expect(pushEndpointProblem('http://fcm.googleapis.com/x', [])).toMatch(/https/);
    for (const url of [
      'https://localhost/x',
      'https://a.localhost/x',
      'https://nas.local/x',
      'https://router/x',
      'https://LOCALHOST./x',
    ]) {
      expect(pushEndpointProblem(url, []), url).toMatch(/public host name/);
    }
    for (const url of [
      'https://127.0.0.1/x',
      'https://0x7f.1/x',
      'https://10.1.2.3/x',
      'https://169.254.169.254/x',
      'https://[::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:10.0.0.1]/x',
      'https://1.1.1.1/x',
    ]) {
      expect(pushEndpointProblem(url, []), url).toMatch(/IP address/);
    }
  });

  it('lets a listed origin through despite the rules (a local push stub in tests), and only that exact origin', () => {
    const allowed = parseAllowedOrigins('http://127.0.0.1:4010, https://push.test.local');
    expect(pushEndpointProblem('http://127.0.0.1:4010/push/1', allowed)).toBeNull();
    expect(pushEndpointProblem('https://push.test.local/abc', allowed)).toBeNull();
    expect(pushEndpointProblem('http://127.0.0.1:4011/push/1', allowed)).not.toBeNull();
    expect(pushEndpointProblem('https://127.0.0.1:4010/push/1', allowed)).not.toBeNull();
  });

  it('refuses a malformed allow-list entry by name', () => {
    expect(() => parseAllowedOrigins('127.0.0.1:4010')).toThrow(/127\.0\.0\.1:4010/);
  });
});
