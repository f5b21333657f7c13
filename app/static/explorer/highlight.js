// Turning offset-annotated text into nested DOM.
//
// The API's `start`/`end` count Unicode code points; JavaScript strings index UTF-16 code
// units, which differ as soon as the text holds a character outside the Basic Multilingual
// Plane (an emoji, some CJK). So offsets are converted before slicing.

/** A function mapping a code point offset into `text` to its UTF-16 index. */
export function codePointIndexer(text) {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (offset) => offset; // The common case: both count the same.
  const index = [0];
  let utf16 = 0;
  for (const char of text) {
    utf16 += char.length;
    index.push(utf16);
  }
  return (offset) => index[Math.min(Math.max(offset, 0), index.length - 1)];
}

/**
 * Nests spans ({start, end, layer, ...}, UTF-16 offsets within [0, length]) into a tree.
 * A span inside another becomes its child; at equal extents the lower `layer` is outside
 * (claims around figures around mentions). A span that crosses its parent's end is cut in
 * two, so the tree always nests properly and every character keeps all its highlights.
 */
export function nest(spans, length) {
  const order = (a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer;
  const pending = spans
    .filter((s) => s.start < s.end && s.start >= 0 && s.end <= length)
    .map((s) => ({ ...s, children: [] }))
    .sort(order);
  const root = { start: 0, end: length, layer: -1, children: [] };
  const stack = [root];
  while (pending.length) {
    let node = pending.shift();
    while (node.start >= stack[stack.length - 1].end) stack.pop();
    const parent = stack[stack.length - 1];
    if (node.end > parent.end) {
      // Crossing: keep the part inside the parent, queue the rest at its sorted place.
      const rest = { ...node, start: parent.end, children: [], continued: true };
      node = { ...node, end: parent.end };
      const at = pending.findIndex((other) => order(rest, other) < 0);
      pending.splice(at === -1 ? pending.length : at, 0, rest);
    }
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/**
 * Renders `text` with the nested spans: `make(span, context)` returns the element for a span
 * (its children are appended to it), the text between spans becomes text nodes.
 * `context.ancestors` lists the enclosing spans, outermost first.
 */
export function renderNested(text, root, make, ancestors = []) {
  const fragment = document.createDocumentFragment();
  let at = root.start;
  for (const child of root.children) {
    if (child.start > at) fragment.append(text.slice(at, child.start));
    const el = make(child, { ancestors });
    el.append(renderNested(text, child, make, [...ancestors, child]));
    fragment.append(el);
    at = child.end;
  }
  if (at < root.end) fragment.append(text.slice(at, root.end));
  return fragment;
}

/** True when some span below `node` satisfies `test`. */
export function hasDescendant(node, test) {
  return node.children.some((child) => test(child) || hasDescendant(child, test));
}

/**
 * Highlights `text` (which starts at code point `origin` of the article) with spans given in
 * article code point offsets: returns a DocumentFragment.
 */
export function highlight(text, origin, spans, make) {
  const toIndex = codePointIndexer(text);
  const local = spans.map((span) => ({
    ...span,
    start: toIndex(span.start - origin),
    end: toIndex(span.end - origin),
  }));
  return renderNested(text, nest(local, text.length), make);
}

/** The part of `text` between code point offsets start and end. */
export function sliceCodePoints(text, start, end) {
  const toIndex = codePointIndexer(text);
  return text.slice(toIndex(start), toIndex(end));
}
