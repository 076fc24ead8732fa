import { describe, expect, test } from 'vitest';
import { addressSpaceOfIp, addressSpaceOfUrl, isSecureOrigin } from './address-space';

describe('address spaces', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'local'],
    ['172.16.0.1', 'local'],
    ['172.31.255.255', 'local'],
    ['192.168.1.20', 'local'],
    ['169.254.1.1', 'local'],
    ['100.64.0.1', 'local'],
    ['fd12:3456::1', 'local'],
    ['fe80::1', 'local'],
    ['::ffff:192.168.0.1', 'local'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2001:db8::1', 'public'],
  ] as const)('%s is %s', (ip, space) => {
    expect(addressSpaceOfIp(ip)).toBe(space);
  });

  test('a name or a malformed address has no space of its own', () => {
    expect(addressSpaceOfIp('api.test')).toBeNull();
    expect(addressSpaceOfIp('256.1.1.1')).toBeNull();
    expect(addressSpaceOfIp('')).toBeNull();
  });

  test('URLs tell the space only for IP literals, localhost and .local names', () => {
    expect(addressSpaceOfUrl('http://localhost:3000/x')).toBe('loopback');
    expect(addressSpaceOfUrl('http://app.localhost/x')).toBe('loopback');
    expect(addressSpaceOfUrl('http://[::1]:8080/x')).toBe('loopback');
    expect(addressSpaceOfUrl('http://printer.local/x')).toBe('local');
    expect(addressSpaceOfUrl('http://192.168.0.10/x')).toBe('local');
    expect(addressSpaceOfUrl('http://api.test:9000/x')).toBeNull();
  });

  test('secure origins: https, and http only on loopback names', () => {
    expect(isSecureOrigin('https://app.test')).toBe(true);
    expect(isSecureOrigin('http://localhost:3000')).toBe(true);
    expect(isSecureOrigin('http://127.0.0.1:3000')).toBe(true);
    expect(isSecureOrigin('http://app.test')).toBe(false);
    expect(isSecureOrigin('http://192.168.0.10')).toBe(false);
    expect(isSecureOrigin('null')).toBe(false);
  });
});
