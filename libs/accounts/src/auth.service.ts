import type { Viewer, SignInInput, SignUpAdvertiserData, SignUpCustomerInput } from '@dd/contract';
import { DomainError } from '@dd/errors';
import type { AccountsService } from './accounts.service';
import type { IssuedSession, SessionService } from './session.service';

export interface SignedIn {
  viewer: Viewer;
  session: IssuedSession;
}

/** Sign-up and sign-in end in a fresh session: one use case each for the API to call. */
export function createAuthService(deps: { accounts: AccountsService; sessions: SessionService }) {
  const { accounts, sessions } = deps;

  async function startSession(userId: string): Promise<SignedIn> {
    const session = await sessions.issue(userId);
    const viewer = await sessions.resolve(session.token);
    if (!viewer) throw new DomainError('UNAVAILABLE', 'Your session could not be started. Please try again.');
    return { viewer, session };
  }

  return {
    signUpCustomer: async (input: Required<SignUpCustomerInput>) => startSession(await accounts.signUpCustomer(input)),
    signUpAdvertiser: async (input: SignUpAdvertiserData) => startSession(await accounts.signUpAdvertiser(input)),
    signIn: async (input: Required<SignInInput>) => startSession(await accounts.signIn(input)),
    signOut: (token: string | undefined) => (token ? sessions.revoke(token) : Promise.resolve()),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
