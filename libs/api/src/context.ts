import type { Viewer } from '@dd/contract';
import type { Logger } from '@dd/config';
import type { AppServices } from './services';

/** What a procedure knows about the HTTP request: only what the security checks need. */
export interface RequestMeta {
  method: string;
  origin: string | undefined;
  trpcSource: string | undefined;
  requestId: string;
}

/** Cookie access without tying procedures to Fastify, so tests can call them directly. */
export interface SessionCookie {
  read(): string | undefined;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  services: AppServices;
  viewer: Viewer | null;
  request: RequestMeta;
  cookie: SessionCookie;
  publicOrigin: string;
  log: Logger;
}
