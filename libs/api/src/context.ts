import type { Viewer } from '@dd/contract';
import type { Logger } from '@dd/config';
import type { AppServices } from './services';

/** What a procedure knows about the HTTP request: only what the security checks need. */
export interface RequestMeta {
  method: string;
  origin: string | undefined;
  trpcSource: string | undefined;
  requestId: string;
  /**
   * The client address (Fastify's request.ip), which the rate limits count by. With trustProxy off
   * (the default) it is the socket's peer; behind a proxy the server needs trustProxy to see past it.
   */
  ip: string;
  /** The browser's User-Agent header; a new session stores only the browser and system families read from it. */
  userAgent?: string | undefined;
  /** The file name the portal sends with a streamed statement upload (UPLOAD_NAME_HEADER), decoded; shown back only after cleaning. */
  uploadName?: string | undefined;
}

/** Cookie access without tying procedures to Fastify, so tests can call them directly. */
export interface SessionCookie {
  read(): string | undefined;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** The long-lived cookie that makes a browser a known device of an account (sign-in throttling). */
export interface DeviceCookieAccess {
  read(): string | undefined;
  set(token: string, expiresAt: Date): void;
}

export interface Context {
  services: AppServices;
  viewer: Viewer | null;
  request: RequestMeta;
  cookie: SessionCookie;
  deviceCookie: DeviceCookieAccess;
  /** Sets a header on the HTTP response (`Retry-After` of a refused request). */
  setResponseHeader(name: string, value: string): void;
  publicOrigin: string;
  log: Logger;
}
