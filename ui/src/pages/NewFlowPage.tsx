import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api';
import { RouteEditorForm } from '../components/RouteEditorForm';
import type { Flow } from '../types';
import { PageTitle } from '../components/PageTitle';

const EXAMPLE = `- route:
    description: "Generates 1,000 customers and writes them as JSON lines"
    from:
      uri: "cairn:source:datagen"
      parameters:
        entity: customers
        count: 1000
      steps:
        - to:
            uri: "cairn:sink:file"
            parameters:
              path: "/tmp/cairn-out"
              format: jsonl
`;

/** Deploys a new flow: an id, a name and a route; the server checks the route against the YAML DSL schema. */
export function NewFlowPage() {
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [name, setName] = useState('');

  return (
    <section>
      <p className="crumbs">
        <Link to="/flows">Flows</Link> /
      </p>
      <PageTitle>New flow</PageTitle>
      <p className="muted">
        Write the route in the Camel YAML DSL. Sources and sinks are the connectors of the installed plugins
        (<code>cairn:source:…</code>, <code>cairn:sink:…</code>); the server checks the route when you deploy.
      </p>
      <RouteEditorForm
        initial={EXAMPLE}
        readOnly={false}
        deploy={async (yaml) => {
          const flow = await api.post<Flow>('/api/v1/flows', { id: id.trim(), name: name.trim() || null, definition: yaml });
          navigate(`/flows/${encodeURIComponent(flow.id)}`);
        }}
      >
        <div className="fields">
          <div>
            <label htmlFor="flow-id">Flow id</label>
            <input id="flow-id" required pattern="[a-z0-9][a-z0-9_\-]{0,63}" value={id} onChange={(e) => setId(e.target.value)}
              aria-describedby="flow-id-help" />
            <div id="flow-id-help" className="muted small">
              Lower-case letters, digits, - and _; e.g. <code>load-customers</code>
            </div>
          </div>
          <div>
            <label htmlFor="flow-name">Name (optional)</label>
            <input id="flow-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
        </div>
      </RouteEditorForm>
    </section>
  );
}
