// The preview page: CodeMirror editor (YAML, schema completion, error marks from the server's
// positioned diagnostics), the cards at their true aspect ratio, problems, pickers, exports.
// Live: server-sent events bring each render's cards as soon as they are laid out ('cards': the
// images load as the server draws them) and then its result; only cards whose key changed get a new <img>.
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Annotation, EditorSelection, Transaction } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { setDiagnostics, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { autocompletion } from '@codemirror/autocomplete';
import schema from '../../../schema/thread.schema.json' with { type: 'json' };
import { schemaCompletion, type SchemaNode } from './schema-complete.ts';

// The server's render result (types only: erased from the browser bundle).
import type { CardView, DiagnosticView, RenderResult } from '../views.ts';
interface State {
  file: string;
  slug: string;
  text: string;
  diskText: string | null;
  choices: { template: string; size: string };
  templates: string[];
  sizes: Array<{ name: string; width: number; height: number }>;
  result: RenderResult | null;
  /** The cards of a render in progress (newer than `result`). */
  progress: { seq: number; cards: CardView[] } | null;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const EDIT_PAUSE_MS = 250;

const remote = Annotation.define<boolean>();
let state: State;
let savedText = '';
let lastSeq = 0;
let pendingTimer: ReturnType<typeof setTimeout> | undefined;
let view: EditorView;

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function setStatus(text: string, kind: 'ok' | 'busy' | 'error' = 'ok') {
  const el = $('status');
  el.textContent = text;
  el.dataset.kind = kind;
}

function updateDirty() {
  const dirty = view.state.doc.toString() !== savedText;
  document.body.classList.toggle('dirty', dirty);
  $('save').textContent = dirty ? 'Save •' : 'Save';
}

function sendText() {
  clearTimeout(pendingTimer);
  pendingTimer = undefined;
  setStatus('Rendering…', 'busy');
  void postJson('/api/text', { text: view.state.doc.toString() });
}

async function save() {
  clearTimeout(pendingTimer);
  const text = view.state.doc.toString();
  setStatus('Saving…', 'busy');
  const res = await postJson('/api/save', { text });
  const body = (await res.json()) as { ok: boolean; message?: string };
  if (!body.ok) {
    setStatus(body.message ?? 'Save failed', 'error');
    return;
  }
  savedText = text;
  $('conflict').hidden = true;
  updateDirty();
  setStatus(`Saved ${state.file}`);
}

function replaceDoc(text: string) {
  // Not undoable: Ctrl+Z must not bring back the text the file had before someone else saved it.
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: [remote.of(true), Transaction.addToHistory.of(false)] });
}

function buildEditor(text: string) {
  const completion = schemaCompletion(schema as SchemaNode, {
    templates: () => state.templates,
    sizes: () => state.sizes.map((s) => s.name),
  });
  view = new EditorView({
    parent: $('editor'),
    doc: text,
    extensions: [
      basicSetup,
      yaml(),
      lintGutter(),
      autocompletion({ override: [completion] }),
      keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (void save(), true) }]),
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        updateDirty();
        if (u.transactions.some((t) => t.annotation(remote))) return;
        clearTimeout(pendingTimer);
        pendingTimer = setTimeout(sendText, EDIT_PAUSE_MS);
      }),
    ],
  });
}

/** Diagnostics about the thread file (not a theme or template file): they have a place in the editor. */
const inEditor = (d: DiagnosticView) => !d.file || d.file === state.file;

function marks(result: RenderResult): CmDiagnostic[] {
  const doc = view.state.doc;
  const out: CmDiagnostic[] = [];
  for (const d of [...result.errors, ...result.warnings]) {
    if (!d.line || !inEditor(d)) continue;
    const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
    const from = Math.min(line.from + Math.max((d.column ?? 1) - 1, 0), line.to);
    out.push({ from, to: Math.max(from, line.to), severity: d.severity, message: `${d.path ? `${d.path}: ` : ''}${d.message}`, source: d.rule });
  }
  return out;
}

function jumpTo(line: number, column = 1) {
  const doc = view.state.doc;
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const pos = Math.min(l.from + column - 1, l.to);
  view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
  view.focus();
}

function renderProblems(result: RenderResult) {
  const list = $('problems');
  list.replaceChildren();
  for (const d of [...result.errors, ...result.warnings]) {
    const li = document.createElement('li');
    li.className = d.severity;
    if (d.line && !inEditor(d)) {
      li.append(`${d.file}:${d.line}:${d.column ?? 1} `);
    } else if (d.line) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'where';
      b.textContent = `line ${d.line}${d.column ? `:${d.column}` : ''}`;
      b.addEventListener('click', () => jumpTo(d.line!, d.column));
      li.append(b, ' ');
    }
    const text = document.createElement('span');
    text.textContent = `${d.severity === 'error' ? 'Error' : 'Warning'}${d.path ? ` in ${d.path}` : ''}: ${d.message}`;
    li.append(text);
    list.append(li);
  }
  list.hidden = list.childElementCount === 0;
}

/** One figure per card, each showing its card's image (an image still being drawn arrives when it is). */
function placeCards(cards: CardView[]) {
  const box = $('cards');
  const figures = [...box.children] as HTMLElement[];
  for (const card of cards) {
    let fig = figures[card.index];
    if (!fig) {
      // The markup the server puts in the page for the cards it knows (page-html.ts).
      fig = document.createElement('figure');
      fig.className = 'card';
      fig.innerHTML = '<div class="frame"><img decoding="async"></div><figcaption><span class="num"></span><ul class="card-warnings"></ul></figcaption>';
      fig.title = 'Click to show its text in the editor';
      box.append(fig);
    }
    if (card.line) fig.dataset.line = String(card.line);
    else delete fig.dataset.line;
    const img = fig.querySelector('img')!;
    if (fig.dataset.key !== card.key) {
      fig.dataset.key = card.key;
      img.src = `/card/${card.key}.png`;
    }
    fig.dataset.index = String(card.index);
    fig.dataset.kind = card.kind;
    img.alt = `Card ${card.index + 1}: ${card.label}`;
    (fig.querySelector('.frame') as HTMLElement).style.aspectRatio = `${card.width} / ${card.height}`;
    fig.querySelector('.num')!.textContent = `${card.index + 1}. ${card.label}`;
  }
  for (const extra of figures.slice(cards.length)) extra.remove();
}

function renderCards(result: RenderResult) {
  const box = $('cards');
  box.classList.toggle('stale', result.stale);
  $('stale-note').hidden = !result.stale || result.cards.length === 0;
  placeCards(result.cards);
  const warningsFor = new Map<number, string[]>();
  for (const w of result.warnings) for (const i of w.cards ?? []) warningsFor.set(i, [...(warningsFor.get(i) ?? []), w.message]);
  for (const card of result.cards) {
    const fig = box.children[card.index] as HTMLElement;
    fig.querySelector('.card-warnings')!.replaceChildren(
      ...(warningsFor.get(card.index) ?? []).map((m) => {
        const li = document.createElement('li');
        li.textContent = m;
        return li;
      }),
    );
    fig.classList.toggle('has-warning', warningsFor.has(card.index));
  }
}

function applyResult(result: RenderResult) {
  if (result.seq < lastSeq) return;
  lastSeq = result.seq;
  renderCards(result);
  renderProblems(result);
  view.dispatch(setDiagnostics(view.state, marks(result)));
  document.body.dataset.seq = String(result.seq);
  document.body.dataset.ok = String(result.ok);
  if (result.ok) {
    setStatus(
      `${result.cards.length} cards · ${result.rendered} rendered in ${result.ms.total} ms${result.warnings.length ? ` · ${result.warnings.length} warning${result.warnings.length > 1 ? 's' : ''}` : ''}`,
    );
  } else {
    setStatus(`${result.errors.length} error${result.errors.length === 1 ? '' : 's'}${result.cards.length ? ' — showing the last good cards' : ''}`, 'error');
  }
  if (result.title) document.title = `${result.title} — threadeck preview`;
}

function fillPickers() {
  const template = $<HTMLSelectElement>('template');
  const size = $<HTMLSelectElement>('size');
  template.replaceChildren(new Option("thread's", ''), ...state.templates.map((t) => new Option(t, t)));
  size.replaceChildren(new Option("thread's", ''), ...state.sizes.map((s) => new Option(`${s.name} ${s.width}×${s.height}`, s.name)));
  if (state.choices.size && !state.sizes.some((s) => s.name === state.choices.size)) size.append(new Option(state.choices.size, state.choices.size));
  template.value = state.choices.template;
  size.value = state.choices.size;
  const change = async () => {
    setStatus('Rendering…', 'busy');
    const res = await postJson('/api/choices', { template: template.value, size: size.value });
    if (!res.ok) setStatus(((await res.json()) as { message?: string }).message ?? 'bad choice', 'error');
  };
  template.addEventListener('change', change);
  size.addEventListener('change', change);
}

async function download(kind: 'pdf' | 'handout' | 'zip') {
  const button = $<HTMLButtonElement>(`export-${kind}`);
  button.disabled = true;
  setStatus(kind === 'pdf' ? 'Making the PDF…' : kind === 'handout' ? 'Making the handout…' : 'Rendering the PNGs…', 'busy');
  try {
    const name = kind === 'pdf' ? `${state.slug}.pdf` : kind === 'handout' ? `${state.slug}-handout.pdf` : `${state.slug}-png.zip`;
    const res = await fetch(`/export/${encodeURIComponent(name)}`);
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { errors?: DiagnosticView[] };
      setStatus(`Export failed: ${body.errors?.[0]?.text ?? res.statusText}`, 'error');
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setStatus(`Downloaded ${name}`);
  } finally {
    button.disabled = false;
  }
}

function listen() {
  const events = new EventSource('/events');
  events.addEventListener('result', (e) => applyResult((JSON.parse((e as MessageEvent<string>).data) as { result: RenderResult }).result));
  events.addEventListener('cards', (e) => {
    const { seq, cards } = JSON.parse((e as MessageEvent<string>).data) as { seq: number; cards: CardView[] };
    // A render newer than the result on screen: its cards, before its result (problems, status) comes.
    if (seq > lastSeq) placeCards(cards);
  });
  events.addEventListener('disk', (e) => {
    const { text } = JSON.parse((e as MessageEvent<string>).data) as { text: string };
    savedText = text;
    if (view.state.doc.toString() !== text) replaceDoc(text);
    $('conflict').hidden = true;
    updateDirty();
  });
  events.addEventListener('saved', (e) => {
    savedText = (JSON.parse((e as MessageEvent<string>).data) as { text: string }).text;
    updateDirty();
  });
  events.addEventListener('conflict', (e) => {
    const { text } = JSON.parse((e as MessageEvent<string>).data) as { text: string };
    savedText = text;
    updateDirty();
    $('conflict').hidden = false;
    $('load-disk').onclick = () => {
      replaceDoc(text);
      $('conflict').hidden = true;
      sendText();
    };
  });
  events.addEventListener('busy', () => setStatus('Rendering…', 'busy'));
  events.addEventListener('open', () => document.body.classList.remove('offline'));
  events.addEventListener('error', () => document.body.classList.add('offline'));
}

async function init() {
  state = (await (await fetch('/api/state')).json()) as State;
  savedText = state.diskText ?? '';
  $('file').textContent = state.file;
  buildEditor(state.text);
  updateDirty();
  fillPickers();
  $('save').addEventListener('click', () => void save());
  $('export-pdf').addEventListener('click', () => void download('pdf'));
  $('export-zip').addEventListener('click', () => void download('zip'));
  $('export-handout').addEventListener('click', () => void download('handout'));
  $('keep-mine').addEventListener('click', () => ($('conflict').hidden = true));
  // A click on a card shows its post in the editor (the figures may come with the page: page-html.ts).
  $('cards').addEventListener('click', (e) => {
    const line = Number((e.target as HTMLElement).closest<HTMLElement>('.card')?.dataset.line);
    if (line) jumpTo(line);
  });
  if (state.result) applyResult(state.result);
  else setStatus('Rendering…', 'busy');
  if (state.progress && state.progress.seq > lastSeq) placeCards(state.progress.cards);
  listen();
  document.body.classList.add('ready');
}

void init();
