import { setTimeout as sleep } from 'node:timers/promises';
import { timeStepAt, totpCodeAt, TOTP_PERIOD_SECONDS } from '@dd/accounts';
import type { TwoFactorChallenge } from '@dd/contract';
import type { createTestClient } from './test-context';

/**
 * The authenticator app of the tests' admins: the secret each admin set up, per e-mail address, and
 * the last time step a code was sent for, since the server refuses a code of that step again.
 */
const authenticators = new Map<string, { secret: string; lastStep: number }>();

/** What a sign-in answered: an admin's challenge has `secondStep`, anyone else's answer is the viewer. */
export const isChallenge = (answer: unknown): answer is TwoFactorChallenge => typeof answer === 'object' && answer !== null && 'secondStep' in answer;

/**
 * The code an authenticator shows now, or the next step's (the server accepts one step ahead) when
 * this step's code was sent already; waits for the step after that only when both were used.
 */
export async function nextTotpCode(email: string): Promise<string> {
  const app = authenticators.get(email);
  if (!app) throw new Error(`No authenticator was set up for ${email} in this test process.`);
  let current = timeStepAt(Date.now());
  while (app.lastStep > current) {
    await sleep(((current + 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now()) + 50);
    current = timeStepAt(Date.now());
  }
  const step = Math.max(current, app.lastStep + 1);
  app.lastStep = step;
  return totpCodeAt(app.secret, step * TOTP_PERIOD_SECONDS * 1000);
}

/** Remembers a secret shown at set-up, as scanning the QR code would. */
export function rememberAuthenticator(email: string, secret: string): void {
  authenticators.set(email, { secret, lastStep: timeStepAt(Date.now()) - 2 });
}

/**
 * Answers an admin's second step the way the portal does: set-up (confirm with a code, then "I saved
 * them") the first time, a current code afterwards. `send` calls a procedure by name and returns its
 * answer; whatever it holds (a cookie jar, the last response) receives the session.
 */
export async function answerSecondStep(email: string, challenge: TwoFactorChallenge, send: (procedure: string, input: unknown) => Promise<unknown>): Promise<{ recoveryCodes?: string[] }> {
  if (challenge.secondStep === 'setUp') {
    rememberAuthenticator(email, challenge.setUp!.secret);
    const { recoveryCodes } = (await send('auth.twoFactorConfirmSetUp', { token: challenge.token, code: await nextTotpCode(email) })) as { recoveryCodes: string[] };
    await send('auth.twoFactorFinishSetUp', { token: challenge.token });
    return { recoveryCodes };
  }
  await send('auth.twoFactorVerify', { token: challenge.token, code: await nextTotpCode(email) });
  return {};
}

/** Signs in with a password and, for an admin, the second step, through `send` (a caller or HTTP requests): whatever holds the cookies then holds the session. */
export async function signInThroughSecondStep(send: (procedure: string, input: unknown) => Promise<unknown>, email: string, password: string): Promise<void> {
  const answer = await send('auth.signIn', { email, password });
  if (isChallenge(answer)) await answerSecondStep(email, answer, send);
}

/** Signs a test client in with a password and, for an admin, the second step: the client then holds the session. */
export async function signInWithSecondStep(client: ReturnType<typeof createTestClient>, email: string, password: string): Promise<void> {
  await signInThroughSecondStep(
    async (procedure, input) => {
      const caller = await client.call();
      const call = procedure.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
      return call(input);
    },
    email,
    password,
  );
}
