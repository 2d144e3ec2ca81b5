import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, type AppServices } from '@dd/api';
import { isDomainError } from '@dd/errors';

/**
 * A payout batch's pain.001 file as a plain download, for the admin to upload to the bank. Same
 * session cookie, same rule as adminProcedure: admins only. The bytes are the stored file, so every
 * download of a batch is the same file.
 */
export function registerPayoutFileDownload(app: FastifyInstance, services: AppServices): void {
  app.get<{ Params: { id: string } }>('/api/admin/payout-batches/:id/pain001.xml', async (req, reply) => {
    const viewer = await services.sessions.resolve(req.cookies[SESSION_COOKIE]);
    if (!viewer) return reply.code(401).send({ error: 'Your session has ended. Sign in again to download the payment file.' });
    if (viewer.role !== 'admin') return reply.code(403).send({ error: 'Only admins can download payment files.' });
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(req.params.id)) {
      return reply.code(404).send({ error: 'This payout batch does not exist.' });
    }
    try {
      const { content, fileName } = await services.payouts.batchFile(req.params.id);
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(content);
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return reply.code(404).send({ error: error.message });
      throw error;
    }
  });
}
