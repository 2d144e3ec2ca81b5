import { Navigate, Outlet, useLocation } from 'react-router';
import type { RoleName } from '@dd/contract';
import { EmailVerificationBanner } from '../features/account/email-verification-banner';
import { homePath } from './role-home';
import { ConnectionNotice, PageLoadError, PageLoading } from './status-views';
import { useViewerQuery } from './use-viewer';

/** Pages for one role: signed-out visitors go to sign-in, other roles to their own home. */
export function RequireRole({ only: role }: { only: RoleName }) {
  const me = useViewerQuery();
  const location = useLocation();
  if (me.isPending) return <PageLoading />;
  if (me.isError) return <PageLoadError error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
  const viewer = me.data;
  if (!viewer) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (viewer.role !== role) return <Navigate to={homePath(viewer.role)} replace />;
  return (
    <>
      <EmailVerificationBanner viewer={viewer} />
      <Outlet context={viewer} />
    </>
  );
}

/** The landing page and the sign-in/sign-up forms: a signed-in person goes straight home. */
export function PublicOnly() {
  const me = useViewerQuery();
  if (me.isPending) return <PageLoading />;
  if (me.data) return <Navigate to={homePath(me.data.role)} replace />;
  return (
    <>
      {me.isError ? <ConnectionNotice onRetry={() => void me.refetch()} retrying={me.isFetching} /> : null}
      <Outlet />
    </>
  );
}
