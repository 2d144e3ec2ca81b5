import { describe, expect, it } from 'vitest';
import { afterSignInPath, homePath } from './role-home';

describe('homePath', () => {
  it('gives each role its own home', () => {
    expect(new Set([homePath('customer'), homePath('advertiser'), homePath('admin')]).size).toBe(3);
  });
});

describe('afterSignInPath', () => {
  it('returns to a page of the same role', () => {
    expect(afterSignInPath('customer', '/customer/consent')).toBe('/customer/consent');
    expect(afterSignInPath('customer', '/customer')).toBe('/customer');
  });

  it('never sends a person into another role or off-site', () => {
    expect(afterSignInPath('customer', '/admin')).toBe('/customer');
    expect(afterSignInPath('customer', '/customerish')).toBe('/customer');
    expect(afterSignInPath('advertiser', 'https://evil.example/advertiser')).toBe('/advertiser');
    expect(afterSignInPath('admin', undefined)).toBe('/admin');
  });
});
