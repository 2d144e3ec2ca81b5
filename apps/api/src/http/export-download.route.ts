import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, type AppServices } from '@dd/api';
import { isDomainError } from '@dd/errors';

/**
 * The export ZIP as a plain download (a browser saves it; tRPC speaks JSON). Same session cookie,
 * same rule as customerProcedure: only the owning customer, only while the export is kept.
 */
export function registerExportDownload(app: FastifyInstance, services: AppServices): void {
  app.get<{ Params: { id: string } }>('/api/exports/:id/download', async (req, reply) => {
    const viewer = await services.sessions.resolve(req.cookies[SESSION_COOKIE]);
    if (!viewer) return reply.code(401).send({ error: 'Your session has ended. Sign in again to download your export.' });
    if (viewer.role !== 'customer') return reply.code(403).send({ error: 'Only customers have data exports.' });
    if (!/^[0-9a-f-]{36}$/.test(req.params.id)) return reply.code(404).send({ error: 'This export does not exist.' });
    try {
      const { bytes, fileName } = await services.gdpr.download(viewer.id, req.params.id);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return reply.code(404).send({ error: error.message });
      throw error;
    }
  });
}
