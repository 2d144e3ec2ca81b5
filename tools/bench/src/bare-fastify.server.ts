import Fastify from 'fastify';

/**
 * The baseline of `npm run bench:api`: a bare Fastify JSON route in a process of its own, so the
 * ratio compares the API's routes with what Fastify alone answers on this machine in the same run.
 */
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true, at: 'bare' }));
await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
