import { useEffect, useRef } from 'react';
import { HashRouter, NavLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth';
import { Loading } from './components/common';
import { DatasetPage } from './pages/DatasetPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { FlowPage } from './pages/FlowPage';
import { FlowsPage } from './pages/FlowsPage';
import { LoginPage } from './pages/LoginPage';
import { NewFlowPage } from './pages/NewFlowPage';
import { PluginsPage } from './pages/PluginsPage';
import { UsersPage } from './pages/UsersPage';
import { PageTitle, focusTitleAfterNavigation } from './components/PageTitle';

// Hash routes (/ui/#/flows/x): the server serves the assets only, so a reload of any page still works.

export function App() {
  const { user, restoring } = useSession();
  if (restoring) return <Loading what="your session" />;
  return <HashRouter>{user ? <Shell /> : <LoginPage />}</HashRouter>;
}

function Shell() {
  const { user, logout, has } = useSession();
  const isAdmin = has('admin');
  return (
    <>
      <a className="skip-link" href="#main" onClick={focusMain}>
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" aria-label="Cairn">
          ◭ Cairn
        </span>
        <nav aria-label="Main">
          <NavLink to="/flows">Flows</NavLink>
          <NavLink to="/datasets">Datasets</NavLink>
          {isAdmin && <NavLink to="/plugins">Plugins</NavLink>}
          {isAdmin && <NavLink to="/users">Users</NavLink>}
        </nav>
        <span className="who">
          <span title={user!.roles.join(', ')}>
            {user!.displayName || user!.username} <span className="muted">({user!.roles.join(', ')})</span>
          </span>
          <button type="button" onClick={logout}>
            Log out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <FocusOnNavigate />
        <Routes>
          <Route path="/" element={<Navigate to={has('engineer') ? '/flows' : '/datasets'} replace />} />
          <Route path="/flows" element={<FlowsPage />} />
          <Route path="/flows/new" element={has('engineer') ? <NewFlowPage /> : <Navigate to="/flows" replace />} />
          <Route path="/flows/:id" element={<FlowPage />} />
          <Route path="/datasets" element={<DatasetsPage />} />
          <Route path="/datasets/:id" element={<DatasetPage />} />
          {isAdmin && <Route path="/plugins" element={<PluginsPage />} />}
          {isAdmin && <Route path="/users" element={<UsersPage />} />}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}

function focusMain(e: React.MouseEvent) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

/** Moves keyboard focus to the new page's title after navigation, for keyboard and screen-reader users. */
function FocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusTitleAfterNavigation();
  }, [location.pathname]);
  return null;
}

function NotFound() {
  return (
    <section>
      <PageTitle>Page not found</PageTitle>
      <p>
        This page does not exist, or your roles do not include it. Go to <NavLink to="/flows">Flows</NavLink> or{' '}
        <NavLink to="/datasets">Datasets</NavLink>.
      </p>
    </section>
  );
}
