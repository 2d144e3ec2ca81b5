import { randomUUID } from 'node:crypto';
import { auditRepository } from '@dd/accounts';
import { normaliseIban, type RequestPayoutInput } from '@dd/contract';
import type { Db, PayoutReviewReason } from '@dd/db';
import { DomainError } from '@dd/errors';
import { earningsFigures, eligibleFrom } from './earnings.service';
import { endToEndIdFor } from './payout.ids';
import type { PayoutSettings } from './payout.settings';
import { requestsRepository } from './payout-requests.repository';
import { toSepaText } from './sepa-text';

export const euros = (cents: number) => `EUR ${(cents / 100).toFixed(2)}`;

export interface RequestedPayout {
  requestId: string;
  amountCents: number;
  /** in_review when the IBAN is shared with another account; approved otherwise. */
  status: 'in_review' | 'approved';
  reviewReasons: PayoutReviewReason[];
}

function amountError(message: string, code: string, params: Record<string, string | number>): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { field: 'amount', messageKey: `earnings:errors.${code}` }, { code, params });
}

function checkAccountHolder(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '' || trimmed.length > 70 || !/[A-Za-z]/.test(toSepaText(trimmed, 70))) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Enter the name of the account holder as your bank knows it (at most 70 characters).',
      { field: 'accountHolder', messageKey: trimmed === '' ? 'earnings:validation.holderRequired' : 'earnings:validation.holderInvalid' },
    );
  }
  return trimmed;
}

/**
 * A member asks for (part of) their available earnings to be paid to an IBAN. The request reserves
 * the amount: it is checked against the earnings under a row lock on the member's earnings account,
 * at most one request can be open per member (a unique index), and the database checks at commit
 * that open requests never reserve more than the balance. Abuse limits (settings): a first payout
 * only once the account is old enough, a monthly cap, and an IBAN that another account already used
 * sends both accounts' open requests to the admin for review instead of paying them.
 */
export async function requestPayout(
  db: Db,
  customerId: string,
  input: { amount: RequestPayoutInput['amount']; iban: string; accountHolder: string },
  settings: PayoutSettings,
  now: Date,
): Promise<RequestedPayout> {
  const normalised = normaliseIban(input.iban);
  if ('problem' in normalised) {
    const message =
      normalised.problem === 'earnings:validation.ibanNotSepa'
        ? 'Payouts go by SEPA transfer; this IBAN is outside the SEPA area. Use an account in the EU, EEA, Switzerland or the UK.'
        : 'This IBAN is not valid: check the country code, the two check digits and the account number.';
    throw new DomainError('VALIDATION_FAILED', message, { field: 'iban', messageKey: normalised.problem });
  }
  const iban = normalised.iban;
  const accountHolder = checkAccountHolder(input.accountHolder);

  const customer = await requestsRepository.customer(db, customerId);
  if (!customer || customer.role !== 'customer') throw new DomainError('NOT_FOUND', 'This account does not exist.');
  if (customer.erasure_requested_at) {
    throw new DomainError('CONFLICT', 'This account is being erased; no new payouts can be requested.', undefined, { code: 'erasureRequested', params: {} });
  }
  if (!(await requestsRepository.hasPayoutUnderway(db, customerId))) {
    const from = eligibleFrom(customer.created_at, settings);
    if (from > now) {
      throw new DomainError(
        'CONFLICT',
        `Your first payout can be requested from ${from.toISOString().slice(0, 10)}: accounts must be ${settings.minAccountAgeDays} days old first. Your earnings stay safe until then.`,
        undefined,
        { code: 'accountTooNew', params: { eligibleFrom: from.toISOString(), days: settings.minAccountAgeDays } },
      );
    }
  }

  const account = await requestsRepository.memberAccount(db, customerId);
  if (!account) {
    throw amountError(`You have ${euros(0)} available; the minimum payout is ${euros(settings.minimumCents)}.`, 'belowMinimum', {
      minimumCents: settings.minimumCents,
      availableCents: 0,
    });
  }

  return db.transaction().execute(async (trx) => {
    await requestsRepository.lockAccounts(trx, [account.id]);
    await requestsRepository.lockIban(trx, iban);
    if (await requestsRepository.openRequestOf(trx, customerId)) {
      throw new DomainError(
        'CONFLICT',
        'You already have a payout request waiting. You can ask for the next one once it has been sent to the bank.',
        undefined,
        { code: 'openRequest', params: {} },
      );
    }
    const { availableCents } = await earningsFigures(trx, customerId, settings, now);
    const capLeftCents = Math.max(0, settings.monthlyCapCents - (await requestsRepository.requestedInMonth(trx, customerId, now)));
    const amountCents = input.amount === 'all' ? Math.min(availableCents, capLeftCents) : input.amount;

    if (input.amount !== 'all' && amountCents > availableCents) {
      throw amountError(`You asked for ${euros(amountCents)}, but ${euros(availableCents)} is available. Lower the amount.`, 'moreThanAvailable', { availableCents });
    }
    if (input.amount !== 'all' && amountCents > capLeftCents) {
      throw amountError(
        `Payouts are limited to ${euros(settings.monthlyCapCents)} per calendar month; ${euros(capLeftCents)} is left this month. Lower the amount or ask again next month.`,
        'overMonthlyCap',
        { monthlyCapCents: settings.monthlyCapCents, capLeftCents },
      );
    }
    if (amountCents < settings.minimumCents) {
      if (input.amount === 'all' && availableCents >= settings.minimumCents) {
        throw amountError(
          `Payouts are limited to ${euros(settings.monthlyCapCents)} per calendar month and ${euros(capLeftCents)} is left this month; ask again next month.`,
          'overMonthlyCap',
          { monthlyCapCents: settings.monthlyCapCents, capLeftCents },
        );
      }
      throw amountError(`The minimum payout is ${euros(settings.minimumCents)}; ${euros(availableCents)} is available now.`, 'belowMinimum', {
        minimumCents: settings.minimumCents,
        availableCents,
      });
    }

    const others = await requestsRepository.otherCustomersWithIban(trx, iban, customerId);
    const sharedIban: PayoutReviewReason = { code: 'sharedIban', params: { otherAccounts: others.length } };
    const reviewReasons = others.length > 0 ? [sharedIban] : [];
    const requestId = randomUUID();
    const status = reviewReasons.length > 0 ? 'in_review' : 'approved';
    await requestsRepository.insertRequest(trx, {
      id: requestId,
      customer_id: customerId,
      amount_cents: amountCents,
      iban,
      account_holder: accountHolder,
      status,
      review_reasons: reviewReasons,
      end_to_end_id: endToEndIdFor(requestId),
      requested_at: now,
    });
    await auditRepository.append(trx, {
      actorUserId: customerId,
      actorRole: 'customer',
      action: 'payout.requested',
      subjectType: 'payout_request',
      subjectId: requestId,
      details: { amountCents, status, reviewReasons: reviewReasons.map((r) => r.code) },
    });

    // The other accounts' open requests to this IBAN wait for the admin too.
    if (others.length > 0) {
      const flagged = await requestsRepository.openRequestsForIban(trx, iban, others);
      for (const other of flagged) {
        const reasons = other.review_reasons.filter((r) => r.code !== 'sharedIban');
        const count = (await requestsRepository.otherCustomersWithIban(trx, iban, other.customer_id)).length;
        await requestsRepository.flagForReview(trx, other.id, [...reasons, { code: 'sharedIban', params: { otherAccounts: count } }]);
        await auditRepository.append(trx, {
          actorUserId: null,
          actorRole: 'system',
          action: 'payout.flagged_for_review',
          subjectType: 'payout_request',
          subjectId: other.id,
          details: { reason: 'sharedIban', triggeredBy: requestId },
        });
      }
    }
    return { requestId, amountCents, status, reviewReasons };
  });
}
