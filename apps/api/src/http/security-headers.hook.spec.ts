import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders, securityHeaders } from './security-headers.hook';

describe('security headers', () => {
  it('are helmet’s for the portal’s policy, with HSTS only where cookies are secure', () => {
    const plain = securityHeaders({ strictTransportSecurity: false });
    expect(plain['content-security-policy']).toContain("default-src 'self'");
    expect(plain['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(plain).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' });
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ strictTransportSecurity: true })['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('are on every response, a 404 and a route that sets its own included', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, { strictTransportSecurity: false });
    app.get('/own', (_req, reply) => reply.header('x-frame-options', 'DENY').send('ok'));
    for (const url of ['/own', '/missing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
    }
    // A route's own value wins, as it did over helmet's.
    expect((await app.inject({ method: 'GET', url: '/own' })).headers['x-frame-options']).toBe('DENY');
    await app.close();
  });
});
