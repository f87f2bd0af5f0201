import { Suspense, lazy, useEffect, useRef } from 'react';
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
import { SearchPage } from './pages/SearchPage';
import { AuditPage } from './pages/compliance/AuditPage';
import { ConsentPage } from './pages/compliance/ConsentPage';
import { PoliciesPage } from './pages/compliance/PoliciesPage';
import { RequestsPage } from './pages/compliance/RequestsPage';

// the graph and chart libraries load with the pages that use them
const LineagePage = lazy(() => import('./lineage/LineagePage').then((m) => ({ default: m.LineagePage })));
const ModelsPage = lazy(() => import('./pages/marketing/ModelsPage').then((m) => ({ default: m.ModelsPage })));
const SegmentsPage = lazy(() => import('./pages/marketing/SegmentsPage').then((m) => ({ default: m.SegmentsPage })));
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
  const compliance = has('compliance');
  const consent = compliance || has('steward');
  const marketing = has('marketing') || has('engineer');
  const home = has('engineer') ? '/flows' : compliance ? '/audit' : marketing ? '/segments' : '/datasets';
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
          <NavLink to="/search">Search</NavLink>
          {marketing && <NavLink to="/segments">Segments</NavLink>}
          {marketing && <NavLink to="/models">Models</NavLink>}
          {compliance && <NavLink to="/policies">Policies</NavLink>}
          {compliance && <NavLink to="/audit">Audit</NavLink>}
          {consent && <NavLink to="/consent">Consent</NavLink>}
          {compliance && <NavLink to="/requests">Requests</NavLink>}
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
        <Suspense fallback={<Loading what="the page" />}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/flows" element={<FlowsPage />} />
          <Route path="/flows/new" element={has('engineer') ? <NewFlowPage /> : <Navigate to="/flows" replace />} />
          <Route path="/flows/:id" element={<FlowPage />} />
          <Route path="/datasets" element={<DatasetsPage />} />
          <Route path="/datasets/:id" element={<DatasetPage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/lineage" element={<LineagePage />} />
          {marketing && <Route path="/segments" element={<SegmentsPage />} />}
          {marketing && <Route path="/models" element={<ModelsPage />} />}
          {compliance && <Route path="/policies" element={<PoliciesPage />} />}
          {compliance && <Route path="/audit" element={<AuditPage />} />}
          {consent && <Route path="/consent" element={<ConsentPage />} />}
          {compliance && <Route path="/requests" element={<RequestsPage />} />}
          {isAdmin && <Route path="/plugins" element={<PluginsPage />} />}
          {isAdmin && <Route path="/users" element={<UsersPage />} />}
          <Route path="*" element={<NotFound />} />
        </Routes>
        </Suspense>
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
