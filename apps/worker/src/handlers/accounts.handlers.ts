import { mailPasswordResetLink } from '@dd/accounts';
import type { Db } from '@dd/db';
import { createMailOutbox } from '@dd/mail';
import type { Queues } from '@dd/queue';
import type { JobHandlers } from '../job.handler';

export function accountsHandlers({ db, queues }: { db: Db; queues: () => Queues }) {
  return {
    // The API queued this for any address; whether it has an account is only decided (and logged) here.
    'accounts.password-reset': async ({ email }, { logger }) => {
      const outcome = await mailPasswordResetLink({ db, mail: createMailOutbox({ db, queues: queues() }) }, email);
      logger.info({ outcome }, 'password reset request handled');
      return outcome;
    },
  } satisfies Partial<JobHandlers>;
}
