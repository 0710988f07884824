// Is the HTML the server renders the DOM the browser builds from it?
//
// Hydration walks the DOM that the browser's HTML parser built, node by node, expecting the tree
// the server meant. Where the parser re-parents markup (it closes a `<p>` at a `<form>` or a
// `<div>`, closes an `<a>` at a nested `<a>`, moves a `<tr>` into a `<tbody>`, drops a nested
// `<form>`, foster-parents text out of a table...) the two differ and the WASM panics on a direct
// load (`tachys … hydration.rs: unreachable`), while an in-app navigation, which builds the DOM
// from code, works.
//
// Two checks, both over the exact HTML string the server sent:
// - `literalTree` reads that string as the server meant it: every start tag opens an element and
//   its end tag closes it, nothing implied, nothing moved (Leptos writes every end tag, so this
//   is what the view code said). `parsedByBrowser` hands the same string to the browser's own
//   HTML parser (`DOMParser`, the tree-construction algorithm of the chromium under test, which is
//   what hydration will walk). Any difference between the two `<body>` trees is a re-parenting.
//   We use the browser rather than an npm parser such as parse5: it is the very parser whose
//   output hydration meets, and it needs no new dependency.
// - `contentModelProblems` flags markup the parser keeps as written but HTML forbids (an `<input>`
//   inside a `<button>`, a `<div>` inside a `<span>`), which the first check cannot see.
import type { Page } from '@playwright/test';

/// An element (lower-case tag name), or a `#text` (not just whitespace) or `#comment` node.
export interface Tree {
  name: string;
  attrs: Record<string, string>;
  children: Tree[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/// Elements whose content is text up to their own end tag (with scripting off, as in DOMParser,
/// `<noscript>` is parsed as markup).
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

const leaf = (name: string): Tree => ({ name, attrs: {}, children: [] });

/// The tree `html` describes when read literally; `problems` gets end tags that close nothing.
export function literalTree(html: string, problems: string[] = []): Tree {
  const document = leaf('#document');
  const open: Tree[] = [document];
  const top = () => open[open.length - 1];
  let text = '';
  // Right after `</body>` (or `</html>`), before anything but comments and white space, the
  // parser puts a comment at the end of `<html>` (or of the document), not in `<body>`: the
  // "after body" and "after after body" insertion modes. Anything else goes back into `<body>`.
  let afterBody: 'html' | '#document' | null = null;
  const flushText = () => {
    if (text.trim()) {
      afterBody = null;
      top().children.push(leaf('#text'));
    }
    text = '';
  };
  const addComment = () => {
    const home = afterBody === null ? top() : afterBody === 'html' ? open.find((t) => t.name === 'html') : document;
    (home ?? top()).children.push(leaf('#comment'));
  };
  const attrPattern = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const next = html.charAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      flushText();
      const abrupt = html.startsWith('<!-->', lt) ? 5 : html.startsWith('<!--->', lt) ? 6 : 0;
      const end = abrupt ? lt + abrupt : html.indexOf('-->', lt + 4);
      addComment();
      i = end < 0 ? html.length : abrupt ? end : end + 3;
    } else if (next === '!' || next === '?') {
      // A doctype, or a bogus comment such as Leptos's `<!>` marker.
      flushText();
      const end = html.indexOf('>', lt);
      if (!/^<!doctype/i.test(html.slice(lt, lt + 9))) addComment();
      i = end < 0 ? html.length : end + 1;
    } else if (next === '/' && /[a-zA-Z]/.test(html.charAt(lt + 2))) {
      flushText();
      const end = html.indexOf('>', lt);
      const name = html.slice(lt + 2, end).trim().split(/[\s/]/)[0].toLowerCase();
      const at = open.map((t) => t.name).lastIndexOf(name);
      if (name === 'body' || name === 'html') {
        // The parser keeps `<body>` open past `</body>` and `</html>`: whatever follows (Leptos
        // writes its resource scripts after `</html>`) lands at the end of `<body>`, after the
        // app's root, where hydration never looks. Read it the same way.
        const inside = open.slice(open.map((t) => t.name).lastIndexOf('body') + 1);
        if (name === 'body' && inside.length > 0) problems.push(`</body> while ${path(inside)} is open`);
        afterBody = name === 'html' ? '#document' : afterBody ?? 'html';
      } else if (at < 1) {
        problems.push(`</${name}> closes nothing (inside ${path(open)})`);
      } else {
        if (at !== open.length - 1) problems.push(`</${name}> closes ${path(open.slice(at + 1))} too`);
        open.length = at;
      }
      i = end < 0 ? html.length : end + 1;
    } else if (/[a-zA-Z]/.test(next)) {
      flushText();
      const nameMatch = /^[^\s/>]+/.exec(html.slice(lt + 1, lt + 200));
      const name = (nameMatch?.[0] ?? '').toLowerCase();
      const element: Tree = { name, attrs: {}, children: [] };
      afterBody = null;
      let at = lt + 1 + name.length;
      for (;;) {
        while (html.charAt(at) === '/' && html.charAt(at + 1) !== '>') at += 1;
        attrPattern.lastIndex = at;
        const m = attrPattern.exec(html);
        if (!m) break;
        element.attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
        at = attrPattern.lastIndex;
      }
      while (/\s/.test(html.charAt(at))) at += 1;
      const selfClosing = html.startsWith('/>', at);
      const tagEnd = html.indexOf('>', at);
      i = tagEnd < 0 ? html.length : tagEnd + 1;
      top().children.push(element);
      if (RAW_TEXT.has(name)) {
        const close = html.toLowerCase().indexOf(`</${name}`, i);
        const content = html.slice(i, close < 0 ? html.length : close);
        if (content.trim()) element.children.push(leaf('#text'));
        const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
        i = closeEnd < 0 ? html.length : closeEnd + 1;
      } else if (!VOID.has(name) && !selfClosing) {
        open.push(element);
      }
    } else {
      text += '<';
      i = lt + 1;
    }
  }
  flushText();
  const unclosed = open.slice(1).filter((t) => t.name !== 'html' && t.name !== 'body');
  if (unclosed.length > 0) problems.push(`never closed: ${path(unclosed)}`);
  return document;
}

/// The `<body>` the browser's HTML parser builds from `html`.
export async function parsedByBrowser(page: Page, html: string): Promise<Tree> {
  return page.evaluate((source) => {
    type T = { name: string; attrs: Record<string, string>; children: T[] };
    const walk = (node: Node): T | null => {
      if (node.nodeType === 3) return node.textContent?.trim() ? { name: '#text', attrs: {}, children: [] } : null;
      if (node.nodeType === 8) return { name: '#comment', attrs: {}, children: [] };
      if (node.nodeType !== 1) return null;
      const element = node as Element;
      const attrs: Record<string, string> = {};
      for (const attr of Array.from(element.attributes)) attrs[attr.name] = attr.value;
      const content = element instanceof HTMLTemplateElement ? element.content : element;
      const children = Array.from(content.childNodes).map(walk).filter((c): c is T => c !== null);
      return { name: element.localName.toLowerCase(), attrs, children };
    };
    const document = new DOMParser().parseFromString(source, 'text/html');
    return walk(document.body) as T;
  }, html);
}

/// The first `<body>` element of a literal tree.
export function bodyOf(tree: Tree): Tree | undefined {
  if (tree.name === 'body') return tree;
  for (const child of tree.children) {
    const body = bodyOf(child);
    if (body) return body;
  }
  return undefined;
}

/// Where `built` first departs from `sent`, in words, or null when they are the same tree.
export function firstDifference(sent: Tree, built: Tree, trail: Tree[] = []): string | null {
  const here = [...trail, sent];
  if (sent.name !== built.name) return `${path(here)}: the server sent ${label(sent)}, the browser built ${label(built)}`;
  const count = Math.max(sent.children.length, built.children.length);
  for (let n = 0; n < count; n += 1) {
    const a = sent.children[n];
    const b = built.children[n];
    const kids = (t: Tree) => t.children.map(label).join(' ');
    if (!a || !b || a.name !== b.name) {
      return (
        `${path(here)}: child ${n + 1} differs.\n  server sent:   ${kids(sent)}\n  browser built: ${kids(built)}`
      );
    }
    const deeper = firstDifference(a, b, here);
    if (deeper) return deeper;
  }
  return null;
}

// Content models (https://html.spec.whatwg.org/#content-models), the parts a view can break.
const PHRASING = new Set([
  'a', 'abbr', 'area', 'audio', 'b', 'bdi', 'bdo', 'br', 'button', 'canvas', 'cite', 'code', 'data',
  'datalist', 'del', 'dfn', 'em', 'embed', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'link',
  'map', 'mark', 'math', 'meta', 'meter', 'noscript', 'object', 'output', 'picture', 'progress', 'q',
  'ruby', 's', 'samp', 'script', 'select', 'slot', 'small', 'span', 'strong', 'sub', 'sup', 'svg',
  'template', 'textarea', 'time', 'u', 'var', 'video', 'wbr',
]);
/// Elements whose content must be phrasing content.
const PHRASING_ONLY = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'span', 'strong', 'em', 'b', 'i', 'small', 'code',
  'label', 'button', 'abbr', 'cite', 'q', 'sub', 'sup', 'mark', 'time', 'output', 'legend',
]);
/// Where an element may stand: its parent must be one of these.
const PARENTS: Record<string, string[]> = {
  li: ['ul', 'ol', 'menu'],
  tr: ['thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  caption: ['table'],
  colgroup: ['table'],
  col: ['colgroup'],
  figcaption: ['figure'],
  summary: ['details'],
  legend: ['fieldset'],
  option: ['select', 'datalist', 'optgroup'],
  optgroup: ['select'],
};

function isInteractive(t: Tree): boolean {
  if (t.name.startsWith('#')) return false;
  if ('tabindex' in t.attrs) return true;
  if (t.name === 'input') return (t.attrs.type ?? '').toLowerCase() !== 'hidden';
  if (t.name === 'img' || t.name === 'object') return 'usemap' in t.attrs;
  if (t.name === 'audio' || t.name === 'video') return 'controls' in t.attrs;
  return ['a', 'button', 'details', 'embed', 'iframe', 'label', 'select', 'textarea'].includes(t.name);
}

/// Every place in `root` (a literal tree) where the markup breaks a content-model rule.
export function contentModelProblems(root: Tree, trail: Tree[] = []): string[] {
  const problems: string[] = [];
  const here = [...trail, root];
  const parent = trail[trail.length - 1];
  const ancestors = trail.map((t) => t.name);
  const where = () => path(here);
  const name = root.name;

  if (!name.startsWith('#') && parent) {
    const allowed = PARENTS[name];
    if (allowed && !allowed.includes(parent.name)) problems.push(`${where()}: <${name}> must be in ${allowed.map((p) => `<${p}>`).join(' or ')}`);
    if (name === 'dt' || name === 'dd') {
      const grand = trail[trail.length - 2];
      const inList = parent.name === 'dl' || (parent.name === 'div' && grand?.name === 'dl');
      if (!inList) problems.push(`${where()}: <${name}> must be in a <dl> (or a <div> directly in one)`);
    }
    if (PHRASING_ONLY.has(parent.name) && !PHRASING.has(name) && !name.includes('-')) {
      problems.push(`${where()}: <${parent.name}> may hold only phrasing content, not <${name}>`);
    }
    if (name === 'form' && ancestors.includes('form')) problems.push(`${where()}: a <form> inside a <form>`);
    const interactiveHost = [...trail].reverse().find((t) => t.name === 'a' || t.name === 'button');
    if (interactiveHost && isInteractive(root)) {
      problems.push(`${where()}: interactive <${name}> inside <${interactiveHost.name}>`);
    }
  }
  for (const child of root.children) problems.push(...contentModelProblems(child, here));
  return problems;
}

function label(t: Tree): string {
  if (t.name.startsWith('#')) return t.name;
  const id = t.attrs.id ? `#${t.attrs.id}` : '';
  const classes = (t.attrs.class ?? '').split(/\s+/).filter(Boolean).map((c) => `.${c}`).join('');
  return `<${t.name}${id}${classes}>`;
}

function path(trail: Tree[]): string {
  return trail.filter((t) => t.name !== '#document').map(label).join(' > ');
}
