import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { useCurrentUser } from '../api/hooks/identity';
import { ApiError } from '../api/problem';
import { getLastProject, setLastProject } from '../auth/session';
import { ProblemAlert } from './ProblemAlert';
import { EmptyState, Loading } from './EmptyState';

/** Signed-in frame: header with project switcher and sign-out, then the page. */
export function Layout() {
  const { token, signOut } = useAuth();
  const me = useCurrentUser(!!token);
  const { projectId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();

  const unauthorized = me.error instanceof ApiError && me.error.status === 401;
  useEffect(() => {
    if (unauthorized) signOut();
  }, [unauthorized, signOut]);
  useEffect(() => {
    if (projectId) setLastProject(projectId);
  }, [projectId]);

  if (!token || unauthorized) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;

  const memberships = me.data?.memberships ?? [];
  const current = memberships.find((m) => m.projectId === projectId);

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Tributary home">
          <svg viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
            <path d="M4 10c6 0 6 6 12 6s6-6 12-6M4 18c6 0 6 6 12 6s6-6 12-6" stroke="currentColor" strokeWidth="3" fill="none" />
          </svg>
          Tributary
        </Link>
        {memberships.length > 0 && (
          <div className="project-switcher">
            <label htmlFor="project-switcher">Project</label>
            <select
              id="project-switcher"
              value={projectId ?? ''}
              onChange={(e) => navigate(`/projects/${e.target.value}/instances`)}
            >
              {!current && <option value="">Choose a project…</option>}
              {memberships.map((m) => (
                <option key={m.projectId} value={m.projectId}>
                  {m.projectName} ({m.role})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="topbar-end">
          {me.data && (
            <span className="whoami" title={me.data.platformAdmin ? 'Platform admin' : undefined}>
              {me.data.username}
              {me.data.platformAdmin && <span className="tag">admin</span>}
            </span>
          )}
          <button type="button" className="button button-ghost" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {me.isPending ? (
          <Loading label="Loading your projects…" />
        ) : me.error ? (
          <ProblemAlert error={me.error} onRetry={() => me.refetch()} />
        ) : projectId && !current ? (
          <EmptyState title="Project not found">
            You are not a member of this project. Pick one from the project list above.
          </EmptyState>
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}

/** `/`: the last project used in this tab, else the first membership. */
export function Home() {
  const { token } = useAuth();
  const me = useCurrentUser(!!token);
  if (!token) return <Navigate to="/sign-in" replace />;
  if (me.isPending) return <Loading />;
  const memberships = me.data?.memberships ?? [];
  const last = getLastProject();
  const target = memberships.find((m) => m.projectId === last) ?? memberships[0];
  if (target) return <Navigate to={`/projects/${target.projectId}/instances`} replace />;
  return (
    <EmptyState title="No project yet">
      Your user is not a member of any project. Ask a project owner to add you.
    </EmptyState>
  );
}
