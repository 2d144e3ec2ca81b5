import { appRouter } from '../app.router';

/**
 * What an advertiser can reach: their own procedures and the public and signed-in ones. The
 * privacy tests (advertiser-privacy.spec.ts by schema, advertiser-privacy.int.spec.ts by response)
 * walk this list, so a new procedure is covered the moment it is added.
 */
interface ProcedureDef {
  _def: { meta?: { access?: string }; output?: unknown; type: string };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
const REACHABLE = new Set(['advertiser', 'signedIn', 'public']);
export const advertiserReachable = procedures.filter(([, p]) => REACHABLE.has(p._def.meta?.access ?? '')).map(([path, p]) => ({ path, def: p._def }));

/**
 * Procedures without an output schema, each with why that is safe: they return only the caller's
 * own account (the session's viewer) or nothing. The integration test checks their responses.
 */
export const OWN_ACCOUNT_ONLY: Record<string, string> = {
  'auth.me': "the caller's own viewer (their own email and organisation)",
  'auth.signUpCustomer': 'the new account itself',
  'auth.signUpAdvertiser': 'the new account itself',
  'auth.signIn': "the caller's own viewer",
  'auth.signOut': 'nothing',
  'account.setLocale': "the caller's own viewer",
};

