import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useViewerQuery } from '../../app/use-viewer';

/** Pages for anyone signed in, whatever the role (the account page): visitors go to sign-in first. */
export function RequireSignedIn() {
  const me = useViewerQuery();
  const location = useLocation();
  if (me.isPending) return <PageLoading />;
  if (me.isError) return <PageLoadError error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
  if (!me.data) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <Outlet context={me.data} />;
}
