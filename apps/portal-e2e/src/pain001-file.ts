// The downloaded payout file is checked with the reader the bank-file job itself trusts (structure
// against the pain.001.001.03 schema, counts, control sums, IBANs), not with a second, looser parser.
// eslint-disable-next-line @nx/enforce-module-boundaries -- a pure file reader, used here only as a test oracle
import { checkPain001, readPain001 } from '@dd/payouts';

export interface Pain001Summary {
  problems: string[];
  namespace: string;
  count: number;
  totalCents: number;
  payments: { iban: string; name: string; cents: number }[];
}

const toCents = (amount: string) => Math.round(Number(amount) * 100);

/** What a bank would read in the file: its problems (none for a valid file), the payments and the totals it declares. */
export function readPayoutFile(xml: string): Pain001Summary {
  const file = readPain001(xml);
  const payments = file.paymentInfos.flatMap((info) => info.payments.map((p) => ({ iban: p.creditorIban, name: p.creditorName, cents: toCents(p.amount) })));
  return {
    problems: checkPain001(xml),
    namespace: /<Document[^>]*xmlns="([^"]+)"/.exec(xml)?.[1] ?? '',
    count: Number(file.nbOfTxs),
    totalCents: toCents(file.ctrlSum),
    payments,
  };
}
