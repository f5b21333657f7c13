// The explorer: one page, its state in the URL so every view is a deep link that survives a
// reload and the back button.
//
//   /?q=Sukhoi&type=claim&within=<section>&from=<article>  search results in the sidebar (any view)
//   /?section=<id>[&figure=<id>|&claim=<id>]  the section reader, a figure or claim selected
//   /?actor=<id>                              an actor's claims, figures, sections and relations
//   /?view=figures[&kind=money][&article=<id>] the money chart and the table of figures, paged
//   /?article=<id>                            an article: where it came from, its sections
//   /[?publisher=..&language=..&page=2]       the home page: the articles, paged; the actors
//
// This module reads the URL and puts the view it names in the main column; each view is a
// module of its own, the search results (search.js) and the contents (contents.js) fill the
// sidebar. Everything from the API reaches the DOM as text nodes (dom.js), never through
// innerHTML.

import { actorView } from "./actor.js";
import { articleView } from "./article.js";
import { markCurrentSection, renderContents } from "./contents.js";
import { h, replace } from "./dom.js";
import { figuresView } from "./figures.js";
import { link, navigate, onNavigate, params } from "./links.js";
import { homeView } from "./home.js";
import { installSearchBox, markCurrentHit, renderSearch } from "./search.js";
import { sectionView } from "./section.js";

const main = document.getElementById("main");

// Same-page links are handled here, so a click changes the view without reloading the page;
// they are still real links (open in a new tab, copy the address, reload).
document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a[href]");
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || anchor.target) return;
  // getAttribute: an SVG <a>'s .href is not a string.
  const href = anchor.getAttribute("href");
  // An in-page jump ("Skip to content") is the browser's to make.
  if (href.startsWith("#")) return;
  const target = new URL(href, window.location.href);
  if (target.origin !== window.location.origin || target.pathname !== "/") return;
  event.preventDefault();
  navigate(target.pathname + target.search);
});

window.addEventListener("popstate", () => render({ focus: true }));

// -------------------------------------------------------------------------------- render

let mainKey = null;

/** Which main view the URL asks for; the view is rebuilt only when this changes. */
function mainViewKey(p) {
  if (p.get("section")) return `section:${p.get("section")}`;
  if (p.get("actor")) return `actor:${p.get("actor")}`;
  if (p.get("view") === "figures") return "figures";
  if (p.get("article")) return `article:${p.get("article")}`;
  return "home";
}

async function render({ focus = false } = {}) {
  const p = params();
  renderSearch(p);
  markCurrentNav(p);
  renderContents(p);
  const key = mainViewKey(p);
  if (key !== mainKey) {
    mainKey = key;
    await renderMain(key, p, focus);
  } else {
    updateMain(p);
  }
  markCurrentHit(p);
}

let mainToken = 0;

async function renderMain(key, p, focus) {
  const token = ++mainToken;
  main.setAttribute("aria-busy", "true");
  replace(main, h("p", { class: "muted loading", text: "Loading…" }));
  let view;
  try {
    if (key.startsWith("section:")) view = await sectionView(p.get("section"));
    else if (key.startsWith("actor:")) view = await actorView(p.get("actor"));
    else if (key.startsWith("article:")) view = await articleView(p.get("article"));
    else if (key === "figures") view = await figuresView(p);
    else view = await homeView(p);
  } catch (error) {
    view = errorView(error);
    // A view that failed is not open: asking for it again loads it again.
    if (token === mainToken) mainKey = null;
  }
  if (token !== mainToken) return; // A newer navigation won the race.
  document.title = `${view.title} · article-facts explorer`;
  replace(main, view.content);
  main.removeAttribute("aria-busy");
  updateCurrent = view.update ?? null;
  updateCurrent?.(p);
  if (focus) {
    // Moves screen readers and the keyboard to the new content, as a page load would.
    const heading = main.querySelector("h1");
    heading?.setAttribute("tabindex", "-1");
    (heading ?? main).focus({ preventScroll: Boolean(p.get("figure") || p.get("claim")) });
  }
}

// The open view's handler for URL changes that keep the view (a figure picked, a filter).
let updateCurrent = null;

/** The URL changed within the same main view (a figure or claim picked, a filter changed). */
function updateMain(p) {
  updateCurrent?.(p);
}

function markCurrentNav(p) {
  const view = mainViewKey(p);
  for (const a of document.querySelectorAll(".site-nav a[data-view]")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  markCurrentSection(p);
}

function errorView(error) {
  const notFound = error?.name === "ApiError" && error.status === 404;
  return {
    title: notFound ? "Not found" : "Error",
    content: h(
      "div",
      { class: "error", role: "alert" },
      h("h1", { text: notFound ? "Not found" : "Something went wrong" }),
      h("p", { text: error.message }),
      h("p", {}, h("a", { href: link(), text: "Back to the articles" })),
    ),
  };
}

// --------------------------------------------------------------------------------- start

onNavigate(render);
installSearchBox();
render();
