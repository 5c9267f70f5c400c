// yamldeck serve: the page follows the server's stream of previews (server-sent events).
// The first message holds every slide; later ones only the slides that changed, so a picture
// that did not change is never fetched again. Text from the outline is set as text, never HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const page = { path: "", outline: "", slides: new Map(), count: 0, problems: 0 };
const STATUS_TEXT = {
  starting: "Starting…",
  building: "Building…",
  drawing: "Drawing slides…",
  ready: "Up to date",
  failed: "Needs attention",
};

function editorLink(line, column) {
  // VS Code opens the outline at the line (vscode://file/PATH:LINE:COLUMN).
  return `vscode://file${page.path}:${line}${column ? ":" + column : ""}`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function makeSlide(number) {
  const article = element("article", "slide");
  article.dataset.number = String(number);
  article.id = `slide-${number}`;
  const frame = element("button", "frame");
  frame.type = "button";
  frame.title = "Show this slide with its notes";
  const img = element("img", "picture");
  img.width = 1600;
  img.height = 900;
  img.decoding = "async";
  frame.append(img);
  frame.addEventListener("click", () => {
    if (document.body.classList.contains("grid")) {
      setView("slides");
      article.scrollIntoView({ block: "start" });
    }
  });
  const side = element("div", "side");
  const head = element("div", "slide-head");
  head.append(element("span", "number"), element("a", "line"));
  const notesLabel = element("h3", "notes-label", "Speaker notes");
  side.append(head, element("h2", "title"), notesLabel, element("div", "notes"));
  article.append(frame, side);
  return article;
}

function place(article, number) {
  const deck = $("deck");
  const after = [...deck.children].find((node) => Number(node.dataset.number) > number);
  deck.insertBefore(article, after || null);
}

function showPicture(article, slide) {
  const img = article.querySelector("img");
  img.alt = `Slide ${slide.number}: ${slide.title || "untitled"}`;
  if (!slide.picture) {
    article.classList.add("waiting");
    return;
  }
  const url = `/pictures/${slide.picture}`;
  if (img.dataset.picture === slide.picture) return;
  const first = !img.dataset.picture;
  img.dataset.picture = slide.picture;
  // Decode the new picture before showing it, so the old one stays until it can be replaced.
  const next = new Image();
  next.src = url;
  next.decode().catch(() => undefined).then(() => {
    if (img.dataset.picture !== slide.picture) return; // a newer picture came meanwhile
    img.src = url;
    article.classList.remove("waiting");
    if (!first) {
      article.classList.remove("updated");
      void article.offsetWidth; // restart the highlight
      article.classList.add("updated");
    }
  });
}

function showSlide(slide) {
  let article = page.slides.get(slide.number);
  if (!article) {
    article = makeSlide(slide.number);
    page.slides.set(slide.number, article);
    place(article, slide.number);
  }
  const number = article.querySelector(".number");
  number.replaceChildren(element("span", "word", "Slide "), String(slide.number));
  article.querySelector(".title").textContent = slide.title || "(no title)";
  const line = article.querySelector(".line");
  if (slide.line) {
    line.textContent = `${page.outline}:${slide.line}`;
    line.href = editorLink(slide.line);
    line.title = "Open the outline at this slide in VS Code";
    line.hidden = false;
  } else {
    line.hidden = true;
  }
  const notes = article.querySelector(".notes");
  notes.replaceChildren(
    ...(slide.notes ? slide.notes.split("\n").filter((p) => p.trim()).map((p) => element("p", "", p))
      : [element("p", "none", "No speaker notes.")]),
  );
  showPicture(article, slide);
}

function showProblems(problems, notice) {
  const box = $("problems");
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  page.problems = errors;
  box.hidden = problems.length === 0;
  box.classList.toggle("warnings-only", errors === 0);
  const parts = [];
  if (errors) parts.push(`${errors} problem${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  $("problems-title").textContent = `${parts.join(" and ")} in ${page.outline}`;
  $("problems-hint").textContent = errors
    ? (page.slides.size ? "The slides below are from the last good build. Fix the outline and save: this page updates by itself."
      : "Fix the outline and save: the slides appear here by themselves.")
    : "The deck was built; these are worth a look.";
  $("problem-list").replaceChildren(...problems.map((p) => {
    // The terminal's line; its place (slides.yaml:LINE:COLUMN) in bold, a link to the editor.
    const item = element("li", p.severity);
    const cut = p.text.indexOf(`: ${p.severity}: `);
    const text = p.line ? element("a") : item;
    if (cut > 0) {
      text.append(element("strong", "where", p.text.slice(0, cut + 1)), p.text.slice(cut + 1));
    } else {
      text.textContent = p.text;
    }
    if (p.line) {
      text.href = editorLink(p.line, p.column);
      text.title = "Open the outline here in VS Code";
      item.append(text);
    }
    return item;
  }));
  $("notice").hidden = !notice;
  $("notice").textContent = notice || "";
}

function showStatus(message) {
  const status = $("status");
  status.dataset.status = message.status;
  status.textContent = page.problems && message.status === "failed"
    ? `${page.problems} problem${page.problems === 1 ? "" : "s"}`
    : STATUS_TEXT[message.status] || message.status;
  const t = message.timings || {};
  status.title = t.total !== undefined
    ? `Last update: build ${t.build} s, LibreOffice ${t.office} s, pictures ${t.pictures} s`
    : "";
  const count = message.count;
  $("count").textContent = count ? `${count} slide${count === 1 ? "" : "s"}` : "";
  $("empty").hidden = count > 0 || message.problems.some((p) => p.severity === "error");
  document.title = `${page.problems ? "(" + page.problems + ") " : ""}${page.outline} · yamldeck`;
}

function apply(message) {
  window.yamldeckLast = message; // for the curious (and benchmarks/serve_latency.py)
  page.path = message.path;
  page.outline = message.outline;
  $("outline").textContent = message.outline;
  message.slides.forEach(showSlide);
  for (const [number, article] of page.slides) {
    if (number > message.count) {
      article.remove();
      page.slides.delete(number);
    }
  }
  page.count = message.count;
  showProblems(message.problems, message.notice);
  showStatus(message);
}

function setView(view) {
  const grid = view === "grid";
  document.body.classList.toggle("grid", grid);
  $("view-grid").setAttribute("aria-pressed", String(grid));
  $("view-slides").setAttribute("aria-pressed", String(!grid));
  try { localStorage.setItem("yamldeck-view", view); } catch (e) { /* private window */ }
}

function connect() {
  const events = new EventSource("/events");
  events.addEventListener("preview", (event) => {
    document.body.classList.remove("offline");
    apply(JSON.parse(event.data));
  });
  events.addEventListener("error", () => {
    // The browser reconnects by itself; say so meanwhile (the server may have been stopped).
    document.body.classList.add("offline");
    $("status").dataset.status = "offline";
    $("status").textContent = "Not connected: is yamldeck serve running?";
  });
}

$("view-slides").addEventListener("click", () => setView("slides"));
$("view-grid").addEventListener("click", () => setView("grid"));
document.addEventListener("keydown", (event) => {
  if (event.key.toLowerCase() === "g" && !event.ctrlKey && !event.metaKey && !event.altKey) {
    setView(document.body.classList.contains("grid") ? "slides" : "grid");
  }
});
try { setView(localStorage.getItem("yamldeck-view") === "grid" ? "grid" : "slides"); } catch (e) { /* none kept */ }
connect();
