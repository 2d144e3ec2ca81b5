import { describe, expect, it } from 'vitest';
import type { ParsedTransaction } from '@dd/data-import';
import { paymentReferenceFromBody } from './payment-reference';
import { classifyEntry, decideEntry } from './statement-matching';

const A = paymentReferenceFromBody('4821093755');
const B = paymentReferenceFromBody('1000000001');

function tx(overrides: Partial<ParsedTransaction>): ParsedTransaction {
  return {
    line: 1,
    account: 'NL91ABNA0417164300',
    bookedOn: '2026-11-18',
    amountCents: 10_000,
    currency: 'EUR',
    counterpartyName: 'Bakkerij de Graaf B.V.',
    counterpartyIban: 'NL44RABO0123456789',
    description: '',
    bankCode: 'PMNT/RCDT/ESCT',
    sourceRef: 'REF-1',
    endToEndId: null,
    reversal: false,
    ...overrides,
  };
}

const outcome = (overrides: Partial<ParsedTransaction>) => classifyEntry(tx(overrides)).outcome;

describe('classifying the platform statement’s entries', () => {
  it('matches a credit with exactly one reference, in the text or as a structured creditor reference', () => {
    expect(outcome({ description: `Opwaardering ${A}` })).toEqual({ kind: 'match', reference: A });
    expect(outcome({ description: 'Factuur 17', creditorReferences: [B] })).toEqual({ kind: 'match', reference: B });
    // The same reference twice is still one.
    expect(outcome({ description: A, creditorReferences: [A] })).toEqual({ kind: 'match', reference: A });
  });

  it('sends a credit to review when it has no reference, a broken one, several, or one next to a broken one', () => {
    expect(outcome({ description: 'Tegoed campagne' })).toEqual({ kind: 'review', reason: 'noReference' });
    expect(outcome({ description: `${A.slice(0, -1)}0` })).toEqual({ kind: 'review', reason: 'invalidReference' });
    expect(outcome({ description: `${A} ${B}` })).toEqual({ kind: 'review', reason: 'ambiguous' });
    expect(outcome({ description: A, creditorReferences: [B] })).toEqual({ kind: 'review', reason: 'ambiguous' });
    expect(outcome({ description: `${A} en DD 1234 5678 9012` })).toEqual({ kind: 'review', reason: 'ambiguous' });
  });

  it('sends a foreign-currency or zero credit to review even with a good reference', () => {
    expect(outcome({ description: A, currency: 'USD' })).toEqual({ kind: 'review', reason: 'currency' });
    expect(outcome({ description: A, amountCents: 0 })).toEqual({ kind: 'review', reason: 'zeroAmount' });
  });

  it('leaves debits and returned payments open for the payouts, whatever their text says', () => {
    expect(classifyEntry(tx({ amountCents: -123_456, description: A }))).toMatchObject({ direction: 'debit', amountCents: 123_456, outcome: { kind: 'open' } });
    expect(classifyEntry(tx({ amountCents: 2_500, reversal: true, description: A }))).toMatchObject({ direction: 'credit', outcome: { kind: 'open' } });
  });

  it('books a match only when the reference belongs to an advertiser', () => {
    const owners = new Map([[A, 'org-a']]);
    expect(decideEntry(classifyEntry(tx({ description: A })), owners)).toEqual({ status: 'booked', reason: null, organisationId: 'org-a' });
    expect(decideEntry(classifyEntry(tx({ description: B })), owners)).toEqual({ status: 'unmatched', reason: 'unknownReference', organisationId: null });
    expect(decideEntry(classifyEntry(tx({ amountCents: -5 })), owners)).toEqual({ status: 'open', reason: null, organisationId: null });
  });
});
