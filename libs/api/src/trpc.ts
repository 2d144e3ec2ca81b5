import { initTRPC } from '@trpc/server';
import type { Context } from './context';
import { formatError } from './error-mapping';

/** Every procedure declares who may call it; the router test fails on one that does not. */
export type Access = 'public' | 'signedIn' | 'customer' | 'advertiser' | 'admin';
export interface ProcedureMeta {
  access: Access;
}

export const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({ errorFormatter: formatError });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
