import type { Viewer, SignInInput, SignUpAdvertiserData, SignUpCustomerInput, TwoFactorChallenge } from '@dd/contract';
import { DomainError } from '@dd/errors';
import type { AccountsService, SignUpAttempt } from './accounts.service';
import type { IssuedSession, SessionClient, SessionService } from './session.service';
import type { DeviceCookie, SignInAttempt, SignInService } from './sign-in.service';
import type { TwoFactorService } from './two-factor.service';

export interface SignedIn {
  viewer: Viewer;
  session: IssuedSession;
}

/** A sign-in's outcome: a session, or (for an admin) the second step to answer first. */
export type SignInOutcome = ({ status: 'signedIn' } & SignedIn) | { status: 'secondStep'; challenge: TwoFactorChallenge };

/** Sign-up and sign-in end in a fresh session: one use case each for the API to call. */
export function createAuthService(deps: { accounts: AccountsService; signIn: SignInService; sessions: SessionService; twoFactor: TwoFactorService }) {
  const { accounts, sessions } = deps;

  /** `client` names the browser in the person's list of sessions. */
  async function startSession(userId: string, client: SessionClient = {}): Promise<SignedIn> {
    const session = await sessions.issue(userId, undefined, client);
    const viewer = await sessions.resolve(session.token);
    if (!viewer) throw new DomainError('UNAVAILABLE', 'Your session could not be started. Please try again.');
    return { viewer, session };
  }

  return {
    signUpCustomer: async (input: Required<SignUpCustomerInput>, attempt: SignUpAttempt & SessionClient) =>
      startSession(await accounts.signUpCustomer(input, attempt), attempt),
    signUpAdvertiser: async (input: SignUpAdvertiserData, attempt: SignUpAttempt & SessionClient) => startSession(await accounts.signUpAdvertiser(input, attempt), attempt),
    /**
     * Also returns the device cookie that makes this browser a known device of the account (the
     * password was right, whatever the second step brings). An admin gets no session yet.
     */
    signIn: async (input: Required<SignInInput>, attempt: SignInAttempt & SessionClient): Promise<SignInOutcome & { device: DeviceCookie }> => {
      const { userId, email, role, device } = await deps.signIn.signIn(input, attempt);
      if (role === 'admin') return { status: 'secondStep', challenge: await deps.twoFactor.begin({ id: userId, email }), device };
      return { status: 'signedIn', ...(await startSession(userId, attempt)), device };
    },
    /** The second step answered with a current code or a recovery code. */
    verifyTwoFactor: async (token: string, code: string, ip: string, client: SessionClient = {}): Promise<SignedIn> =>
      startSession((await deps.twoFactor.verify(token, code, ip)).userId, client),
    /** The set-up confirmed and its recovery codes saved. */
    finishTwoFactorSetUp: async (token: string, ip: string, client: SessionClient = {}): Promise<SignedIn> =>
      startSession((await deps.twoFactor.finishSetUp(token, ip)).userId, client),
    signOut: (token: string | undefined) => (token ? sessions.revoke(token) : Promise.resolve()),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
