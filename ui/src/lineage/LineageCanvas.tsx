import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef } from 'react';

// The lineage graph drawn by Cytoscape.js, laid out left to right by the dagre extension. Pan by dragging,
// zoom with the wheel or the buttons; a click selects a node, a double click on a dataset expands its columns.

cytoscape.use(dagre);

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'center', 'text-halign': 'center', color: '#1d232b', 'text-wrap': 'ellipsis', 'text-max-width': '150px' } },
  { selector: 'node.dataset', style: { shape: 'round-rectangle', width: 160, height: 34, 'background-color': '#dbe9fb', 'border-width': 1, 'border-color': '#1f5fa8' } },
  { selector: 'node.job', style: { shape: 'ellipse', width: 150, height: 30, 'background-color': '#eef1f4', 'border-width': 1, 'border-color': '#5b6570' } },
  { selector: 'node.dataset.expanded', style: { 'text-valign': 'top', 'text-halign': 'center', 'background-opacity': 0.35, padding: '10px' } },
  { selector: 'node.column', style: { shape: 'round-rectangle', width: 130, height: 22, 'font-size': 10, 'background-color': '#ffffff', 'border-width': 1, 'border-color': '#8a939c' } },
  { selector: 'node.impacted', style: { 'background-color': '#fde3c0', 'border-color': '#b3261e', 'border-width': 2 } },
  { selector: 'node.impact-source', style: { 'background-color': '#b3261e', color: '#ffffff', 'border-color': '#5c1410', 'border-width': 2 } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f0b400' } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#8a939c', 'target-arrow-color': '#8a939c', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
  { selector: 'edge.column-edge', style: { 'line-style': 'dashed' } },
  { selector: 'edge.impacted', style: { width: 3, 'line-color': '#b3261e', 'target-arrow-color': '#b3261e' } },
];

interface Props {
  elements: ElementDefinition[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
  label: string;
}

export function LineageCanvas({ elements, selected, onSelect, onExpand, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };

  useEffect(() => {
    const c = cytoscape({ container: host.current, style: STYLE, minZoom: 0.1, maxZoom: 4, wheelSensitivity: 0.3 });
    c.on('tap', 'node', (e) => handlers.current.onSelect(e.target.id()));
    c.on('tap', (e) => {
      if (e.target === c) handlers.current.onSelect(null);
    });
    c.on('dbltap', 'node.dataset', (e) => handlers.current.onExpand(e.target.id()));
    cy.current = c;
    return () => {
      c.destroy();
      cy.current = null;
    };
  }, []);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    c.batch(() => {
      c.elements().remove();
      c.add(elements);
    });
    c.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 24, rankSep: 70, fit: true, padding: 24, animate: false } as cytoscape.LayoutOptions).run();
  }, [elements]);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    c.nodes().unselect();
    if (selected) c.getElementById(selected).select();
  }, [selected, elements]);

  const zoom = (factor: number) => {
    const c = cy.current;
    if (c) c.zoom({ level: c.zoom() * factor, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
  };

  // with the graph focused: arrow keys pan, + and - zoom, 0 fits
  const onKey = (e: React.KeyboardEvent) => {
    const c = cy.current;
    if (!c) return;
    const step = 60;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[e.key]) c.panBy({ x: moves[e.key][0], y: moves[e.key][1] });
    else if (e.key === '+' || e.key === '=') zoom(1.25);
    else if (e.key === '-') zoom(0.8);
    else if (e.key === '0') c.fit(undefined, 24);
    else return;
    e.preventDefault();
  };

  return (
    <div className="lineage-canvas">
      <div className="toolbar" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoom(1.25)}>Zoom in</button>
        <button type="button" onClick={() => zoom(0.8)}>Zoom out</button>
        <button type="button" onClick={() => cy.current?.fit(undefined, 24)}>Fit</button>
        <span className="muted small">Drag or arrow keys to pan, wheel or + and − to zoom; click a node to select it, double-click a dataset to show its columns.</span>
      </div>
      <div ref={host} className="cy-host" role="img" aria-label={label} tabIndex={0} onKeyDown={onKey} />
    </div>
  );
}
