// Building DOM without innerHTML: every string from the API becomes a text node.
//
// Text holding a Unicode bidi control (U+202A-U+202E, U+2066-U+2069) goes into a <bdi>
// instead: an embedding, override or isolate it leaves open (a claim, a quote, a name) would
// otherwise reorder the rest of the line it sits in. A <bdi> isolates its content, so whatever
// it opens ends with the element. The API already balances titles and snippets; this covers
// every other string, and text without such controls stays a bare text node. Elements that
// hold only text (an <option>) and SVG text (each <text> is laid out by itself) get it bare.

const SVG_NS = "http://www.w3.org/2000/svg";
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const TEXT_ONLY = new Set(["option", "title", "textarea"]);

/** A text node for `text`, inside a <bdi> when it holds a bidi control (see above). */
export function textNode(text, parent = null) {
  const node = document.createTextNode(text);
  const bare = parent?.namespaceURI === SVG_NS || TEXT_ONLY.has(parent?.localName);
  if (bare || !BIDI_CONTROL.test(text)) return node;
  const bdi = document.createElement("bdi");
  bdi.append(node);
  return bdi;
}

/**
 * h("a", {href: "?q=x", class: "hit"}, "text", child, [more, children])
 * Attributes: `class`, `text` (its text, see textNode), `dataset` (object), `on<event>` (listener),
 * booleans (true sets an empty attribute, false/null/undefined leaves it out), anything else
 * via setAttribute. Children: nodes, strings (text nodes), arrays; null/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** Like h(), for SVG elements. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") el.replaceChildren(...(value === "" ? [] : [textNode(String(value), el)]));
    else if (name === "dataset") Object.assign(el.dataset, value);
    else if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value);
    } else el.setAttribute(name, value === true ? "" : String(value));
  }
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    // A DOM node goes in as is; anything else becomes text, never markup.
    el.append(typeof child === "object" && "nodeType" in child ? child : textNode(String(child), el));
  }
  return el;
}

/** Replaces all of el's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * The API's search snippets are HTML: matched words in <mark>, everything else escaped.
 * Rather than trusting that to innerHTML, only the literal `<mark>`/`</mark>` tags are turned
 * into elements and every other piece is decoded as text: even a snippet that broke the
 * promise could not inject markup. A snippet holding a bidi control is isolated whole, in one
 * <bdi>, so that a pair across a <mark> still reads as one.
 */
export function snippetFragment(html) {
  const fragment = document.createDocumentFragment();
  const root = BIDI_CONTROL.test(decodeEntities(html))
    ? fragment.appendChild(document.createElement("bdi"))
    : fragment;
  let mark = null;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") {
      mark = document.createElement("mark");
      root.append(mark);
    } else if (piece === "</mark>") {
      mark = null;
    } else if (piece) {
      (mark ?? root).append(document.createTextNode(decodeEntities(piece)));
    }
  }
  return fragment;
}

const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references an HTML escaper produces; leaves anything else as is. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
