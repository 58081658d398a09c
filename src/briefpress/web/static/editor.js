// briefpress web editor. Plain JavaScript, no build step. Text from the server or the user is only
// ever set with textContent; the one HTML insertion is the article pane the server rendered and escaped.
"use strict";

(function () {
  const VERDICT_LABEL = {
    supported: "Supported", unsupported: "Unsupported", contradicted: "Contradicted",
    no_claim: "No factual claim", unverified: "Not verified",
  };
  let sentences = [];
  let selected = null; // the <span class="s"> whose evidence is shown
  let editing = null;

  function $(id) { return document.getElementById(id); }

  function loadSentences() {
    const data = $("bp-sentences");
    sentences = data ? JSON.parse(data.textContent) : [];
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function item(tag, text, cls) {
    const el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }

  function show(span) {
    if (editing) return;
    const s = sentences[Number(span.dataset.i)];
    if (!s) return;
    if (selected) selected.classList.remove("selected");
    selected = span;
    span.classList.add("selected");
    $("evidence-hint").hidden = true;
    $("evidence").hidden = false;
    const badge = $("ev-verdict");
    badge.textContent = VERDICT_LABEL[s.verdict] || s.verdict;
    badge.className = "badge v-" + s.verdict;
    $("ev-part").textContent = s.part || "";
    $("ev-sentence").textContent = s.text;
    const reasons = $("ev-reasons");
    clear(reasons);
    for (const r of s.reasons || []) {
      const li = item("li", "");
      li.appendChild(item("strong", (r.kind || "reason") + ": "));
      li.appendChild(document.createTextNode((r.text ? "“" + r.text + "” " : "") + (r.detail || "")));
      reasons.appendChild(li);
    }
    const sources = $("ev-sources");
    clear(sources);
    for (const e of s.evidence || []) {
      const li = item("li", "");
      li.appendChild(item("q", e.text || ""));
      let where = " — " + (e.source || "source");
      if (e.start !== undefined && e.end !== undefined) where += ", characters " + e.start + "–" + e.end;
      if (typeof e.score === "number") where += ", score " + e.score.toFixed(2);
      li.appendChild(item("span", where, "muted"));
      sources.appendChild(li);
    }
    if (!(s.evidence || []).length && s.verdict !== "no_claim") {
      sources.appendChild(item("li", "No source text supports this sentence.", "muted"));
    }
    $("edit-status").textContent = "";
  }

  function startEdit() {
    if (!selected) return;
    editing = { span: selected, old: sentences[Number(selected.dataset.i)].text, part: selected.dataset.part };
    selected.contentEditable = "true";
    selected.classList.add("editing");
    selected.focus();
    // Start with the caret at the end of the sentence, as a text field would.
    const range = document.createRange();
    range.selectNodeContents(selected);
    range.collapse(false);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    $("edit-button").hidden = true;
    $("edit-actions").hidden = false;
  }

  function stopEdit(restore) {
    if (!editing) return;
    if (restore) editing.span.textContent = editing.old;
    editing.span.contentEditable = "false";
    editing.span.classList.remove("editing");
    editing = null;
    $("edit-button").hidden = false;
    $("edit-actions").hidden = true;
  }

  async function saveEdit() {
    if (!editing) return;
    const pane = $("article-pane");
    const articleId = $("article").dataset.articleId;
    const body = { part: editing.part, old: editing.old, new: editing.span.textContent.replace(/\s+/g, " ").trim() };
    const index = editing.span.dataset.i;
    $("edit-status").textContent = "Saving and re-checking…";
    let answer;
    try {
      const res = await fetch("/articles/" + encodeURIComponent(articleId) + "/sentence", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(body),
      });
      answer = await res.json();
      if (!res.ok) throw new Error(answer.detail || ("HTTP " + res.status));
    } catch (err) {
      $("edit-status").textContent = "Not saved: " + err.message;
      return;
    }
    editing = null;
    pane.innerHTML = answer.article; // rendered and escaped by the server
    $("checks-pane").innerHTML = answer.checks;
    $("edit-button").hidden = false;
    $("edit-actions").hidden = true;
    loadSentences();
    const versions = $("versions");
    if (versions) {
      const li = item("li", "");
      const link = item("a", String(answer.version));
      link.href = "/articles/" + encodeURIComponent(articleId) + "?version=" + answer.version;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" edited " + body.part));
      versions.appendChild(li);
    }
    // Show the edited sentence again: the one in the same part that now holds the new text.
    const inPart = Array.from(pane.querySelectorAll("span.s")).filter((el) => el.dataset.part === body.part);
    const again = inPart.find((el) => el.textContent.includes(body.new)) ||
      inPart.find((el) => body.new.includes(el.textContent)) ||
      inPart[0] || pane.querySelector('span.s[data-i="' + index + '"]');
    selected = null;
    if (again) show(again);
    $("edit-status").textContent = "Saved as version " + answer.version + ".";
  }

  function editorEvents() {
    const pane = $("article-pane");
    if (!pane) return;
    loadSentences();
    pane.addEventListener("mouseover", (ev) => {
      const span = ev.target.closest && ev.target.closest("span.s");
      if (span) show(span);
    });
    pane.addEventListener("click", (ev) => {
      const span = ev.target.closest && ev.target.closest("span.s");
      if (span) show(span);
    });
    pane.addEventListener("focusin", (ev) => {
      if (ev.target.matches && ev.target.matches("span.s")) show(ev.target);
    });
    pane.addEventListener("keydown", (ev) => {
      if (!editing) return;
      if (ev.key === "Enter") { ev.preventDefault(); saveEdit(); }
      if (ev.key === "Escape") { ev.preventDefault(); stopEdit(true); }
    });
    $("edit-button").addEventListener("click", startEdit);
    $("save-button").addEventListener("click", saveEdit);
    $("cancel-button").addEventListener("click", () => stopEdit(true));
  }

  function jobEvents() {
    const box = $("job");
    if (!box) return;
    const id = box.dataset.jobId;
    async function poll() {
      let job;
      try {
        const res = await fetch("/jobs/" + encodeURIComponent(id) + "/state", {
          credentials: "same-origin", headers: { "Accept": "application/json" },
        });
        job = await res.json();
        if (!res.ok) throw new Error(job.detail || ("HTTP " + res.status));
      } catch (err) {
        $("job-stage").textContent = "Lost touch with the server (" + err.message + "); retrying…";
        setTimeout(poll, 1500);
        return;
      }
      const p = job.progress || {};
      $("job-progress").value = p.percent || 0;
      $("job-stage").textContent = job.state + (p.stage ? ": " + p.stage : "") + (p.message ? " — " + p.message : "");
      if (job.state === "done" && job.article_id) {
        window.location.assign("/articles/" + encodeURIComponent(job.article_id));
      } else if (job.state === "failed") {
        const err = $("job-error");
        err.textContent = job.error || "The job failed.";
        err.hidden = false;
      } else {
        setTimeout(poll, 300);
      }
    }
    poll();
  }

  document.addEventListener("DOMContentLoaded", () => { editorEvents(); jobEvents(); });
})();
