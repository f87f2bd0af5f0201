import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, StateEffect, StateField, type Text } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { RouteProblem } from '../api';

// A CodeMirror 6 YAML editor that shows the server's route problems at their lines: underlined, marked in the
// gutter, the line highlighted, and listed below the editor (each item moves the cursor to its line).

const setProblemLines = StateEffect.define<number[]>();

/** Highlights whole lines that have a problem; the lines follow edits until the next check. */
const problemLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(lines, tr) {
    for (const e of tr.effects) {
      if (e.is(setProblemLines)) {
        return Decoration.set(
          e.value.map((n) =>
            Decoration.line({ attributes: { class: 'cm-problem-line', 'data-problem-line': String(n) } }).range(
              tr.state.doc.line(n).from,
            ),
          ),
          true,
        );
      }
    }
    return lines.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

function lineOf(doc: Text, p: RouteProblem): number {
  return Math.min(Math.max(p.line, 1), doc.lines);
}

function diagnostics(doc: Text, problems: RouteProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = doc.line(lineOf(doc, p));
    const from = p.column > 0 ? Math.min(line.from + p.column - 1, line.to) : line.from;
    return { from, to: Math.max(from, line.to), severity: 'error', message: p.message, source: p.path };
  });
}

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems: RouteProblem[];
  readOnly?: boolean;
}

export function YamlEditor({ label, value, onChange, problems, readOnly = false }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          yaml(),
          lintGutter(),
          problemLines,
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // the editor is created once; later values come through the effect below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly, label]);

  // a value set from outside (a loaded version): replace the text
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const located = problems.filter((p) => p.line > 0);
    v.dispatch(setDiagnostics(v.state, diagnostics(v.state.doc, located)));
    v.dispatch({ effects: setProblemLines.of([...new Set(located.map((p) => lineOf(v.state.doc, p)))].sort((a, b) => a - b)) });
  }, [problems]);

  function goTo(p: RouteProblem) {
    const v = view.current;
    if (!v) return;
    const line = v.state.doc.line(lineOf(v.state.doc, p));
    const pos = p.column > 0 ? Math.min(line.from + p.column - 1, line.to) : line.from;
    v.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    v.focus();
  }

  return (
    <div className="yaml-editor">
      <div ref={host} className="editor-host" />
      {problems.length > 0 && (
        <ol className="problems" aria-label="Problems in the route">
          {problems.map((p, i) => (
            <li key={i}>
              {p.line > 0 ? (
                <button type="button" className="link" onClick={() => goTo(p)}>
                  Line {p.line}
                  {p.column > 0 && `, column ${p.column}`}
                </button>
              ) : (
                <span>Route</span>
              )}
              : {p.message}
              {p.path && <span className="muted small"> ({p.path})</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
