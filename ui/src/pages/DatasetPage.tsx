import { Suspense, lazy, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorBox, Loading, when } from '../components/common';
import { PageTitle } from '../components/PageTitle';
import { Tabs } from '../components/Tabs';
import { useApi } from '../hooks';
import { datasetNodeId } from '../lineage/model';
import type { Column, Dataset } from '../types';
import { SamplePanel } from './dataset/SamplePanel';
import { SchemaPanel } from './dataset/SchemaPanel';

// with its chart library, loaded when the tab opens
const DetailsPanel = lazy(() => import('./dataset/DetailsPanel').then((m) => ({ default: m.DetailsPanel })));

/** A dataset: where it lives; its schema with tags and PII suggestions; owners, quality and versions; sample rows. */
export function DatasetPage() {
  const id = useParams().id!;
  const view = useApi<{ dataset: Dataset; columns: Column[] }>(`/api/v1/datasets/${encodeURIComponent(id)}`);
  const [tab, setTab] = useState('schema');

  if (view.loading) return <Loading what="the dataset" />;
  if (!view.data) {
    return (
      <section>
        <p className="crumbs"><Link to="/datasets">Datasets</Link> /</p>
        <PageTitle>Dataset {id}</PageTitle>
        <ErrorBox error={view.error} title="Could not load the dataset" />
      </section>
    );
  }
  const { dataset, columns } = view.data;
  const lineage = `/lineage?${new URLSearchParams({ node: datasetNodeId(dataset.namespace, dataset.name) })}`;
  return (
    <section>
      <p className="crumbs"><Link to="/datasets">Datasets</Link> /</p>
      <div className="page-head">
        <PageTitle className="dataset-name">{dataset.name}</PageTitle>
        <div className="actions"><Link className="button primary" to={lineage}>Open lineage graph</Link></div>
      </div>
      <dl className="facts">
        <div><dt>Namespace</dt><dd>{dataset.namespace}</dd></div>
        <div><dt>Description</dt><dd>{dataset.description || <span className="muted">none yet</span>}</dd></div>
        <div><dt>Schema version</dt><dd>{dataset.currentSchemaVersion ?? '–'}</dd></div>
        <div><dt>First seen</dt><dd>{when(dataset.createdAt)}</dd></div>
        <div><dt>Updated</dt><dd>{when(dataset.updatedAt)}</dd></div>
      </dl>
      <Tabs label="Dataset" selected={tab} onSelect={setTab} tabs={[
        { id: 'schema', title: 'Schema', panel: <SchemaPanel dataset={dataset} columns={columns} onChanged={view.reload} /> },
        { id: 'details', title: 'Owners and quality', panel: <Suspense fallback={<Loading what="the charts" />}><DetailsPanel datasetId={dataset.id} /></Suspense> },
        { id: 'sample', title: 'Sample rows', panel: <SamplePanel datasetId={dataset.id} /> },
      ]} />
    </section>
  );
}
