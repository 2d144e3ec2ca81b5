import type { Viewer, SignInInput, SignUpAdvertiserData, SignUpCustomerInput } from '@dd/contract';
import { DomainError } from '@dd/errors';
import type { AccountsService, SignUpAttempt } from './accounts.service';
import type { IssuedSession, SessionService } from './session.service';
import type { DeviceCookie, SignInAttempt, SignInService } from './sign-in.service';

export interface SignedIn {
  viewer: Viewer;
  session: IssuedSession;
}

/** Sign-up and sign-in end in a fresh session: one use case each for the API to call. */
export function createAuthService(deps: { accounts: AccountsService; signIn: SignInService; sessions: SessionService }) {
  const { accounts, sessions } = deps;

  async function startSession(userId: string): Promise<SignedIn> {
    const session = await sessions.issue(userId);
    const viewer = await sessions.resolve(session.token);
    if (!viewer) throw new DomainError('UNAVAILABLE', 'Your session could not be started. Please try again.');
    return { viewer, session };
  }

  return {
    signUpCustomer: async (input: Required<SignUpCustomerInput>, attempt: SignUpAttempt) => startSession(await accounts.signUpCustomer(input, attempt)),
    signUpAdvertiser: async (input: SignUpAdvertiserData, attempt: SignUpAttempt) => startSession(await accounts.signUpAdvertiser(input, attempt)),
    /** Also returns the device cookie that makes this browser a known device of the account. */
    signIn: async (input: Required<SignInInput>, attempt: SignInAttempt): Promise<SignedIn & { device: DeviceCookie }> => {
      const { userId, device } = await deps.signIn.signIn(input, attempt);
      return { ...(await startSession(userId)), device };
    },
    signOut: (token: string | undefined) => (token ? sessions.revoke(token) : Promise.resolve()),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
