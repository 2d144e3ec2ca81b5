import { sql } from '@dd/db';

/**
 * Who may be counted, offered to and paid at all (alias u = users): a customer not being erased whose
 * e-mail address is proven. Until a new member follows the verification link they earn nothing and
 * get no offers; the users trigger feeds the change when they do, so the index picks them up.
 */
export const countableMember = sql`u.role = 'customer' and u.erasure_requested_at is null and u.email_verified_at is not null`;
