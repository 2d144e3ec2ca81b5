import type { RoleName } from '@dd/contract';

const HOME: Record<RoleName, string> = {
  customer: '/customer',
  advertiser: '/advertiser',
  admin: '/admin',
};

/** Where a person of this role lands after signing in. */
export function homePath(role: RoleName): string {
  return HOME[role];
}

/** Where to go after signing in: back to the page that asked for it, if it belongs to this role. */
export function afterSignInPath(role: RoleName, from: unknown): string {
  const home = homePath(role);
  if (typeof from === 'string' && (from === home || from.startsWith(`${home}/`))) return from;
  return home;
}
