import Fastify from 'fastify';
import { initTRPC } from '@trpc/server';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';

/**
 * The baselines of `npm run bench:api`, in a process of their own:
 * - `/bare`: a bare Fastify JSON route, what Fastify alone answers on this machine in the same run;
 * - `/trpc/noop`: a tRPC mutation that does nothing, served by tRPC's own Fastify adapter and sent
 *   the same batch body as the estimate — the floor of the stack before the API does any work
 *   (no session, no limits, no headers, no logging).
 */
const t = initTRPC.create();
const router = t.router({ noop: t.procedure.mutation(() => ({ ok: true })) });

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true, at: 'bare' }));
await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router } });
await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
