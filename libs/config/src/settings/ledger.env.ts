import { z } from 'zod';

/** Money settings of the ledger (docs/PRODUCT.md, Money); read by the worker, which records every sale. */
export const ledgerEnvShape = {
  /** The members' part of every sale in basis points (10,000 = 100%, BASIS_POINTS of libs/ledger); the rest is the platform fee. */
  LEDGER_MEMBER_SHARE_BP: z.coerce.number().int().min(0).max(10_000).default(7_000),
  /** Members credited per database transaction when a sale is distributed. */
  LEDGER_DISTRIBUTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(5_000),
};

export const ledgerEnvSchema = z.object(ledgerEnvShape);
export type LedgerEnv = z.output<typeof ledgerEnvSchema>;
