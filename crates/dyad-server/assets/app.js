// dyad explorer: a single-page app over dyad's JSON API (/v1/...).
// Vanilla ES2020, no dependencies, no build step; every chart is SVG drawn here.
// Text from the API is only ever put into the page as text nodes or attribute values (never as HTML).
"use strict";

(() => {
  // ---------------------------------------------------------------- constants

  // QuadClass palette (Okabe–Ito, colour-blind safe): blues for cooperation, oranges for conflict.
  const QUADS = [
    { n: 1, key: "q1", label: "Verbal cooperation", color: "#56B4E9" },
    { n: 2, key: "q2", label: "Material cooperation", color: "#0072B2" },
    { n: 3, key: "q3", label: "Verbal conflict", color: "#E69F00" },
    { n: 4, key: "q4", label: "Material conflict", color: "#D55E00" },
  ];
  const PERIODS = ["day", "week", "month", "year"];
  const SVGNS = "http://www.w3.org/2000/svg";
  const DAY_MS = 86400000;
  const EVENTS_PAGE = 25;
  const MAX_DRAWN = 250; // actors drawn in the network

  // ---------------------------------------------------------------- DOM helpers

  function setAttrs(el, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(el.dataset, v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }

  function append(el, kids) {
    for (const kid of kids.flat(Infinity)) {
      if (kid === undefined || kid === null || kid === false) continue;
      el.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return el;
  }

  /** An HTML element; children are nodes or strings (strings become text nodes). */
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    return append(el, kids);
  }

  /** An SVG element. */
  function s(tag, attrs, ...kids) {
    const el = document.createElementNS(SVGNS, tag);
    setAttrs(el, attrs);
    return append(el, kids);
  }

  const $ = (sel, root = document) => root.querySelector(sel);

  // ---------------------------------------------------------------- formatting

  const fmtInt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US"));
  function fmtG(x) {
    if (x === null || x === undefined || Number.isNaN(Number(x))) return "–";
    const v = Number(x);
    return (v > 0 ? "+" : v < 0 ? "−" : "") + Math.abs(v).toFixed(1);
  }
  const fmtTick = (v) => (v > 0 ? "+" : v < 0 ? "−" : "") + Math.abs(v);
  const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
  const pad2 = (n) => String(n).padStart(2, "0");
  const quadOf = (n) => QUADS[clamp(Number(n) || 1, 1, 4) - 1];

  /** An actor code as the dyad/actor pages use it: a country's first three letters, an IGO/NGO whole. */
  function cutCode(actor) {
    if (!actor) return "";
    if (actor.country) return actor.country;
    return actor.code || "";
  }

  // Diverging scale for mean Goldstein: conflict (−10, vermillion) → neutral grey → cooperation (+10, blue).
  // A square-root ramp so that the usual means (−5…+5) are told apart; the legend samples the same function.
  const NEG = [213, 94, 0];
  const MID = [176, 176, 176];
  const POS = [0, 114, 178];
  function goldColor(g) {
    if (g === null || g === undefined || Number.isNaN(Number(g))) return "#999999";
    const t = clamp(Number(g) / 10, -1, 1);
    const u = Math.sqrt(Math.abs(t));
    const end = t < 0 ? NEG : POS;
    const c = MID.map((m, i) => Math.round(m + (end[i] - m) * u));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  // ---------------------------------------------------------------- state in the URL

  function params() {
    return new URLSearchParams(location.search);
  }

  /** The global controls (period, from, to) of the current URL. */
  function globals() {
    const p = params();
    const period = PERIODS.includes(p.get("period")) ? p.get("period") : "month";
    const valid = (d) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : "");
    return { period, from: valid(p.get("from")), to: valid(p.get("to")) };
  }

  /** A link inside the app that keeps the global controls; `extra` adds query parameters. */
  function href(path, extra) {
    const g = globals();
    const q = new URLSearchParams();
    if (g.period !== "month") q.set("period", g.period);
    if (g.from) q.set("from", g.from);
    if (g.to) q.set("to", g.to);
    for (const [k, v] of Object.entries(extra || {})) if (v !== undefined && v !== null && v !== "") q.set(k, v);
    const qs = q.toString();
    return qs ? `${path}?${qs}` : path;
  }

  const enc = encodeURIComponent;
  const dyadPath = (a, b) => `/dyad/${enc(a)}/${enc(b)}`;
  const actorPath = (code) => `/actor/${enc(code)}`;
  const docPath = (id) => `/doc/${enc(id)}`;

  function navigate(url, replace) {
    const before = location.pathname;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    // A new page starts at its top; a filter on the same page keeps the reader's place.
    render(location.pathname !== before);
  }

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(path, query) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(query || {})) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    }
    let res;
    try {
      res = await fetch(url, { headers: { Accept: "application/json" } });
    } catch (e) {
      throw new ApiError(0, "network", `cannot reach the server (${e.message})`);
    }
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      throw new ApiError(res.status, "bad_response", `${url.pathname}: HTTP ${res.status}, not JSON`);
    }
    if (!res.ok) {
      const err = (body && body.error) || {};
      throw new ApiError(res.status, err.code || "http", err.message || `HTTP ${res.status}`);
    }
    return body;
  }

  // Actor names by (cut) code, from /v1/actors; loaded once, best effort.
  let namesPromise = null;
  const names = new Map();
  function loadNames() {
    if (!namesPromise) {
      namesPromise = api("/v1/actors", { limit: 1000 })
        .catch(() => api("/v1/actors", { limit: 100 }))
        .then((r) => {
          for (const a of r.actors || []) if (a.code && a.name) names.set(a.code, a.name);
          return r.actors || [];
        })
        .catch(() => []);
    }
    return namesPromise;
  }
  const nameOf = (code) => names.get(code) || code;

  // ---------------------------------------------------------------- tooltip

  const tip = {
    el: null,
    /** `lines`: strings (the first is the heading), or groups of them (each group's first is a heading). */
    show(evt, lines) {
      const el = this.el || (this.el = $("#tip"));
      if (!el) return;
      const groups = Array.isArray(lines[0]) ? lines : [lines];
      el.replaceChildren(
        ...groups.flatMap((g, k) =>
          g.map((l, i) => h("div", { class: i === 0 ? `tip-head${k ? " tip-next" : ""}` : "tip-line" }, l)),
        ),
      );
      el.hidden = false;
      this.move(evt);
    },
    move(evt) {
      const el = this.el;
      if (!el || el.hidden) return;
      const pad = 14;
      const w = el.offsetWidth;
      const hgt = el.offsetHeight;
      let x = evt.clientX + pad;
      let y = evt.clientY + pad;
      if (x + w > window.innerWidth - 4) x = Math.max(4, evt.clientX - w - pad);
      if (y + hgt > window.innerHeight - 4) y = Math.max(4, evt.clientY - hgt - pad);
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
    },
    hide() {
      if (this.el) this.el.hidden = true;
    },
  };

  // ---------------------------------------------------------------- periods

  function periodKind(p) {
    if (/^\d{4}$/.test(p)) return "year";
    if (/^\d{4}-\d{2}$/.test(p)) return "month";
    if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return "day";
    if (/^\d{4}-W\d{2}$/.test(p)) return "week";
    return null;
  }

  function isoWeekStart(year, week) {
    const jan4 = Date.UTC(year, 0, 4);
    const dow = (new Date(jan4).getUTCDay() + 6) % 7;
    return jan4 - dow * DAY_MS + (week - 1) * 7 * DAY_MS;
  }

  function isoWeekLabel(ms) {
    const d = new Date(ms);
    const thursday = ms - ((d.getUTCDay() + 6) % 7) * DAY_MS + 3 * DAY_MS;
    const y = new Date(thursday).getUTCFullYear();
    const w = 1 + Math.floor((thursday - isoWeekStart(y, 1)) / (7 * DAY_MS));
    return `${y}-W${pad2(w)}`;
  }

  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

  /** First and last day (YYYY-MM-DD) of a period label, or null when the label is not understood. */
  function periodRange(p) {
    const kind = periodKind(p);
    if (kind === "year") return [`${p}-01-01`, `${p}-12-31`];
    if (kind === "month") {
      const [y, m] = p.split("-").map(Number);
      return [`${p}-01`, isoDay(Date.UTC(y, m, 0))];
    }
    if (kind === "day") return [p, p];
    if (kind === "week") {
      const start = isoWeekStart(Number(p.slice(0, 4)), Number(p.slice(6)));
      return [isoDay(start), isoDay(start + 6 * DAY_MS)];
    }
    return null;
  }

  function nextPeriod(p) {
    const kind = periodKind(p);
    if (kind === "year") return String(Number(p) + 1);
    if (kind === "month") {
      const [y, m] = p.split("-").map(Number);
      return m === 12 ? `${y + 1}-01` : `${y}-${pad2(m + 1)}`;
    }
    if (kind === "day") return isoDay(Date.parse(`${p}T00:00:00Z`) + DAY_MS);
    if (kind === "week") return isoWeekLabel(isoWeekStart(Number(p.slice(0, 4)), Number(p.slice(6))) + 7 * DAY_MS);
    return null;
  }

  /** Periods without events are absent from the API's series: put them back so the time axis is even. */
  function fillGaps(series, extent) {
    const kind = series.length ? periodKind(series[0].period) : null;
    if (!kind || !series.every((r) => periodKind(r.period) === kind)) return series.slice();
    let first = series[0].period;
    let last = series[series.length - 1].period;
    // The extent (the periods of a wider series, e.g. the whole corpus) puts a dyad's events in context.
    if (extent && extent.length && extent.every((x) => periodKind(x) === kind)) {
      if (extent[0] < first) first = extent[0];
      if (extent[extent.length - 1] > last) last = extent[extent.length - 1];
    }
    const byPeriod = new Map(series.map((r) => [r.period, r]));
    const out = [];
    let p = first;
    for (let guard = 0; p && guard < 20000; guard++) {
      out.push(byPeriod.get(p) || { period: p, q1: 0, q2: 0, q3: 0, q4: 0, total: 0, goldstein_mean: null });
      if (p === last) return out;
      p = nextPeriod(p);
    }
    return series.slice();
  }

  // ---------------------------------------------------------------- charts

  function niceTicks(max, count) {
    if (!(max > 0)) return [0, 1];
    const raw = max / count;
    const p = 10 ** Math.floor(Math.log10(raw));
    const m = raw / p;
    const step = Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
    const ticks = [];
    for (let v = 0; v < max + step; v += step) ticks.push(v);
    return ticks;
  }

  function quadLegend(withLine) {
    return h(
      "ul",
      { class: "legend" },
      QUADS.map((q) =>
        h("li", null, h("span", { class: "swatch", style: `background:${q.color}` }), `${q.n} ${q.label}`),
      ),
      withLine ? h("li", null, h("span", { class: "swatch line" }), "Mean Goldstein (right axis, −10…+10)") : null,
    );
  }

  /**
   * Stacked bars per period by QuadClass with the mean Goldstein line on a second axis.
   * opts: { onBar(row), selected: period label }
   */
  function timelineSvg(series, width, opts) {
    const rows = fillGaps(series, opts.extent);
    const height = clamp(Math.round(width * 0.36), 220, 340);
    const m = { top: 14, right: 46, bottom: 34, left: 44 };
    const iw = Math.max(10, width - m.left - m.right);
    const ih = height - m.top - m.bottom;
    const maxTotal = Math.max(1, ...rows.map((r) => r.total || 0));
    const ticks = niceTicks(maxTotal, 5);
    const top = ticks[ticks.length - 1];
    const y = (v) => m.top + ih - (v / top) * ih;
    const yg = (g) => m.top + ih / 2 - (clamp(g, -10, 10) / 10) * (ih / 2);
    const band = iw / Math.max(1, rows.length);
    const barW = Math.max(1, Math.min(48, band * 0.78));
    const xc = (i) => m.left + band * i + band / 2;

    const svg = s("svg", {
      class: "chart timeline",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": `Events per ${rows.length ? periodKind(rows[0].period) || "period" : "period"} by QuadClass, with mean Goldstein`,
    });

    // Grid and the count axis (left).
    const grid = s("g", { class: "grid" });
    for (const t of ticks) {
      grid.append(
        s("line", { x1: m.left, x2: m.left + iw, y1: y(t), y2: y(t) }),
        s("text", { x: m.left - 6, y: y(t) + 4, "text-anchor": "end", class: "axis-label" }, fmtInt(t)),
      );
    }
    svg.append(grid);
    svg.append(
      s(
        "text",
        {
          x: 12,
          y: m.top + ih / 2,
          class: "axis-title",
          transform: `rotate(-90 12 ${m.top + ih / 2})`,
          "text-anchor": "middle",
        },
        "events",
      ),
    );

    // Goldstein axis (right).
    const gAxis = s("g", { class: "gaxis" });
    for (const g of [-10, -5, 0, 5, 10]) {
      gAxis.append(s("text", { x: m.left + iw + 6, y: yg(g) + 4, class: "axis-label" }, fmtTick(g)));
    }
    gAxis.append(s("line", { class: "zero", x1: m.left, x2: m.left + iw, y1: yg(0), y2: yg(0) }));
    svg.append(gAxis);
    svg.append(
      s(
        "text",
        {
          x: width - 8,
          y: m.top + ih / 2,
          class: "axis-title",
          transform: `rotate(90 ${width - 8} ${m.top + ih / 2})`,
          "text-anchor": "middle",
        },
        "Goldstein",
      ),
    );

    // Bands behind the bars: the selected period, and the one under the pointer.
    const selIdx = opts.selected ? rows.findIndex((r) => r.period === opts.selected) : -1;
    if (selIdx >= 0)
      svg.append(s("rect", { class: "band-selected", x: m.left + band * selIdx, width: band, y: m.top, height: ih }));
    const hoverBand = s("rect", {
      class: "band-hover",
      x: m.left,
      width: band,
      y: m.top,
      height: ih,
      visibility: "hidden",
    });
    svg.append(hoverBand);

    // Bars: one rect per period and QuadClass with events.
    const bars = s("g", { class: "bars" });
    rows.forEach((r, i) => {
      let acc = 0;
      for (const q of QUADS) {
        const v = Number(r[q.key]) || 0;
        if (v <= 0) continue;
        bars.append(
          s("rect", {
            class: `bar ${q.key}`,
            x: xc(i) - barW / 2,
            width: barW,
            y: y(acc + v),
            height: Math.max(0.5, y(acc) - y(acc + v)),
            fill: q.color,
          }),
        );
        acc += v;
      }
    });
    svg.append(bars);

    // One overlay takes the pointer for every period (a long daily series stays light).
    const overlay = s("rect", {
      class: "overlay",
      x: m.left,
      width: iw,
      y: m.top,
      height: ih,
      cursor: opts.onBar ? "pointer" : null,
    });
    const rowAt = (e) => {
      const box = svg.getBoundingClientRect();
      const x = ((e.clientX - box.left) * width) / box.width;
      const i = Math.floor((x - m.left) / band);
      return i >= 0 && i < rows.length ? i : -1;
    };
    let current = -1;
    overlay.addEventListener("mousemove", (e) => {
      const i = rowAt(e);
      if (i < 0) return;
      if (i !== current) {
        current = i;
        const r = rows[i];
        hoverBand.setAttribute("x", m.left + band * i);
        hoverBand.setAttribute("visibility", "visible");
        tip.show(
          e,
          [
            `${r.period}: ${fmtInt(r.total)} event${r.total === 1 ? "" : "s"}`,
            ...QUADS.map((q) => `${q.label}: ${fmtInt(r[q.key] || 0)}`),
            `Mean Goldstein: ${fmtG(r.goldstein_mean)}`,
            opts.clickHint || "",
          ].filter(Boolean),
        );
      } else tip.move(e);
    });
    overlay.addEventListener("mouseleave", () => {
      current = -1;
      hoverBand.setAttribute("visibility", "hidden");
      tip.hide();
    });
    if (opts.onBar) {
      overlay.addEventListener("click", (e) => {
        const i = rowAt(e);
        if (i < 0) return;
        tip.hide();
        opts.onBar(rows[i]);
      });
    }

    // Mean Goldstein line (broken where a period has no events).
    let d = "";
    let pen = false;
    const dots = s("g", { class: "gdots" });
    rows.forEach((r, i) => {
      if (r.goldstein_mean === null || r.goldstein_mean === undefined || !r.total) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${xc(i).toFixed(1)},${yg(r.goldstein_mean).toFixed(1)}`;
      pen = true;
      dots.append(s("circle", { cx: xc(i), cy: yg(r.goldstein_mean), r: rows.length > 60 ? 1.5 : 3 }));
    });
    svg.append(s("path", { class: "gline", d: d || "M0,0" }), dots);

    // Period labels, thinned to one per ~70px.
    const every = Math.max(1, Math.ceil(70 / band));
    const labels = s("g", { class: "xlabels" });
    rows.forEach((r, i) => {
      if (i % every !== 0) return;
      labels.append(
        s("text", { x: xc(i), y: m.top + ih + 18, "text-anchor": "middle", class: "axis-label" }, r.period),
      );
    });
    svg.append(labels);
    svg.append(s("line", { class: "baseline", x1: m.left, x2: m.left + iw, y1: m.top + ih, y2: m.top + ih }));
    svg.append(overlay);
    return svg;
  }

  /** A box that draws `draw(width)` now and again when its width changes. */
  function responsive(cls, draw) {
    const box = h("div", { class: cls });
    let lastW = -1;
    const redraw = () => {
      const w = Math.floor(box.clientWidth);
      if (w <= 0 || w === lastW) return;
      lastW = w;
      box.replaceChildren(draw(w));
    };
    afterMount.push(() => {
      redraw();
      if (typeof ResizeObserver === "function") new ResizeObserver(redraw).observe(box);
    });
    return box;
  }

  function timelineBlock(series, opts) {
    if (!series.length) return h("p", { class: "empty" }, "No events in this date range.");
    return h(
      "figure",
      { class: "chart-figure" },
      responsive("chart-box", (w) => timelineSvg(series, w, opts)),
      h("figcaption", null, quadLegend(true)),
    );
  }

  /** A small horizontal bar of the four QuadClass shares. */
  function quadMini(row) {
    const total = QUADS.reduce((a, q) => a + (Number(row[q.key]) || 0), 0) || 1;
    return h(
      "span",
      { class: "quadmini", title: QUADS.map((q) => `${q.label}: ${row[q.key] || 0}`).join("\n") },
      QUADS.map((q) => {
        const v = Number(row[q.key]) || 0;
        return v ? h("span", { style: `width:${((v / total) * 100).toFixed(1)}%;background:${q.color}` }) : null;
      }),
    );
  }

  function goldChip(g) {
    return h(
      "span",
      {
        class: "gchip",
        style: `border-color:${goldColor(g)}`,
        title: "Mean Goldstein (−10 conflict … +10 cooperation)",
      },
      h("span", { class: "gdot", style: `background:${goldColor(g)}` }),
      fmtG(g),
    );
  }

  function quadChip(n) {
    const q = quadOf(n);
    return h("span", { class: `qchip ${q.key}`, style: `--q:${q.color}` }, `Q${q.n} ${q.label}`);
  }

  // ---------------------------------------------------------------- events list

  /** The sentence's words around the event: source, evidence and target in their order, gaps as "…". */
  function evidenceQuote(ev) {
    // The evidence first: an actor's words that overlap it (or an earlier actor's) are left out.
    const parts = [];
    const add = (a, cls) => {
      if (!a || !a.text || !Number.isInteger(a.start) || !Number.isInteger(a.end)) return;
      if (parts.some((p) => p.start < a.end && a.start < p.end)) return;
      parts.push({ start: a.start, end: a.end, text: a.text, cls });
    };
    add(ev.evidence, "q-ev");
    add(ev.source, "q-src");
    add(ev.target, "q-tgt");
    if (!parts.some((p) => p.cls === "q-ev") && ev.evidence && ev.evidence.text) {
      parts.push({ start: Infinity, end: Infinity, text: ev.evidence.text, cls: "q-ev" }); // no offsets: still shown
    }
    parts.sort((x, y) => x.start - y.start);
    const out = [];
    let at = 0;
    for (const p of parts) {
      out.push(p.start > at ? (p.start - at <= 1 && out.length ? " " : out.length ? " … " : "… ") : "");
      out.push(h(p.cls === "q-ev" ? "mark" : "span", { class: p.cls }, p.text));
      at = p.end;
    }
    out.push(" …");
    return h("blockquote", { class: "evidence" }, out);
  }

  function actorLink(actor) {
    if (!actor) return h("span", null, "?");
    const code = cutCode(actor);
    return h(
      "a",
      { href: href(actorPath(code)), class: "actor", title: `${actor.name || ""} (${actor.code})` },
      actor.name || actor.code,
      h("span", { class: "code" }, actor.code),
    );
  }

  function eventItem(ev) {
    const a = cutCode(ev.source);
    const b = cutCode(ev.target);
    const docLink =
      ev.doc !== undefined && ev.doc !== null
        ? h(
            "a",
            {
              href: href(docPath(ev.doc), ev.sentence !== null && ev.sentence !== undefined ? { s: ev.sentence } : {}),
              class: "doclink",
            },
            `${ev.doc}`,
            ev.in_title
              ? " · title"
              : ev.sentence !== null && ev.sentence !== undefined
                ? ` · sentence ${ev.sentence + 1}`
                : "",
          )
        : null;
    return h(
      "li",
      { class: "event", style: `--q:${quadOf(ev.quad).color}` },
      h(
        "div",
        { class: "ev-head" },
        h("time", null, ev.date || ev.doc_date || "undated"),
        quadChip(ev.quad),
        h("span", { class: "gval", title: "Goldstein score" }, `Goldstein ${fmtG(ev.goldstein)}`),
        ev.mode && ev.mode !== "asserted" ? h("span", { class: "mode" }, ev.mode) : null,
      ),
      h(
        "div",
        { class: "ev-main" },
        actorLink(ev.source),
        h("span", { class: "arrow", "aria-label": "to" }, " → "),
        actorLink(ev.target),
        h("span", { class: "ev-code" }, h("b", null, ev.code), " ", ev.name || ""),
      ),
      evidenceQuote(ev),
      h(
        "div",
        { class: "ev-meta" },
        docLink,
        a && b && a !== b ? h("a", { href: href(dyadPath(a, b)) }, `dyad ${a}–${b}`) : null,
        ev.plover ? h("span", null, `PLOVER ${ev.plover}${ev.plover_mode ? ` (${ev.plover_mode})` : ""}`) : null,
        ev.rule ? h("span", { class: "rule" }, `rule ${ev.rule}`) : null,
      ),
    );
  }

  /**
   * A paged list of events from /v1/events. `query` holds the filters; the list fetches its pages itself.
   */
  function eventsList(query, opts) {
    const o = opts || {};
    const box = h("div", { class: "events-box" });
    const list = h("ol", { class: "events" });
    const status = h("p", { class: "list-status" });
    const more = h("button", { type: "button", class: "more", hidden: true }, "Show older events");
    let offset = 0;
    let total = 0;
    async function page() {
      more.disabled = true;
      const r = await api("/v1/events", { ...query, limit: o.limit || EVENTS_PAGE, offset });
      total = r.total;
      for (const ev of r.events || []) list.append(eventItem(ev));
      offset += (r.events || []).length;
      status.textContent =
        total === 0 ? "No events." : `Showing ${fmtInt(offset)} of ${fmtInt(total)} events, newest first.`;
      more.hidden = o.noMore || offset >= total;
      more.disabled = false;
    }
    more.addEventListener("click", () =>
      page().catch((e) => {
        status.textContent = `Could not load more: ${e.message}`;
      }),
    );
    box.append(status, list, more);
    return { el: box, ready: page() };
  }

  // ---------------------------------------------------------------- shared blocks

  function section(title, ...kids) {
    return h("section", { class: "card" }, title ? h("h2", null, title) : null, ...kids);
  }

  function rangeText() {
    const g = globals();
    if (g.from && g.to) return `${g.from} to ${g.to}`;
    if (g.from) return `from ${g.from}`;
    if (g.to) return `until ${g.to}`;
    return "all dates";
  }

  /** A data table: `headers` as [label, numeric] pairs, `rows` as <tr> elements. */
  function dataTable(headers, rows) {
    return h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "data" },
        h("thead", null, h("tr", null, headers.map(([label, num]) => h("th", num ? { class: "num" } : null, label)))),
        h("tbody", null, rows),
      ),
    );
  }

  function dyadsTable(dyads) {
    if (!dyads.length) return h("p", { class: "empty" }, "No dyads in this date range.");
    return dataTable(
      [
        ["Dyad", false],
        ["Events", true],
        ["QuadClass", false],
        ["Goldstein", true],
      ],
      dyads.map((d) =>
        h(
          "tr",
          { class: "dyad-row" },
          h(
            "td",
            null,
            h("a", { href: href(dyadPath(d.a, d.b)) }, `${nameOf(d.a)} — ${nameOf(d.b)}`),
            h("span", { class: "code" }, `${d.a}–${d.b}`),
          ),
          h("td", { class: "num" }, fmtInt(d.count)),
          h("td", null, quadMini(d)),
          h("td", { class: "num" }, goldChip(d.goldstein_mean)),
        ),
      ),
    );
  }

  function actorsTable(actors) {
    if (!actors.length) return h("p", { class: "empty" }, "No actors in this date range.");
    return dataTable(
      [
        ["Actor", false],
        ["Events", true],
        ["As source", true],
        ["As target", true],
        ["Goldstein", true],
      ],
      actors.map((a) =>
        h(
          "tr",
          null,
          h("td", null, h("a", { href: href(actorPath(a.code)) }, a.name || a.code), h("span", { class: "code" }, a.code)),
          h("td", { class: "num" }, fmtInt(a.events)),
          h("td", { class: "num" }, fmtInt(a.as_source)),
          h("td", { class: "num" }, fmtInt(a.as_target)),
          h("td", { class: "num" }, goldChip(a.goldstein_mean)),
        ),
      ),
    );
  }

  function sumSeries(series) {
    const t = { q1: 0, q2: 0, q3: 0, q4: 0, total: 0, gsum: 0 };
    for (const r of series) {
      for (const q of QUADS) t[q.key] += Number(r[q.key]) || 0;
      t.total += Number(r.total) || 0;
      if (r.goldstein_mean !== null && r.goldstein_mean !== undefined)
        t.gsum += Number(r.goldstein_mean) * (Number(r.total) || 0);
    }
    t.goldstein_mean = t.total ? t.gsum / t.total : null;
    return t;
  }

  function stat(label, value, extra) {
    return h(
      "div",
      { class: "stat" },
      h("div", { class: "stat-value" }, value),
      h("div", { class: "stat-label" }, label),
      extra || null,
    );
  }

  // ---------------------------------------------------------------- pages

  async function pageOverview() {
    const g = globals();
    const range = { from: g.from, to: g.to };
    const [health, timeline, dyads, actors, allActors] = await Promise.all([
      api("/healthz"),
      api("/v1/timeline", { period: g.period, ...range }),
      api("/v1/dyads", { ...range, limit: 15 }),
      api("/v1/actors", { ...range, limit: 15 }),
      loadNames(),
    ]);
    for (const a of actors.actors || []) if (a.name) names.set(a.code, a.name);
    const series = timeline.series || [];
    const sum = sumSeries(series);
    const latest = eventsList(range, { limit: 8, noMore: true });
    await latest.ready;
    document.title = "dyad explorer";
    return h(
      "div",
      { class: "page overview" },
      h(
        "div",
        { class: "page-head" },
        h("h1", null, "Overview"),
        h(
          "p",
          { class: "sub" },
          `${fmtInt(health.documents)} documents and ${fmtInt(health.events)} events in the store; showing ${rangeText()}.`,
        ),
      ),
      h(
        "div",
        { class: "stats" },
        stat("dated events in range", fmtInt(sum.total)),
        ...QUADS.map((q) =>
          stat(
            q.label.toLowerCase(),
            fmtInt(sum[q.key]),
            h("span", { class: "stat-bar", style: `background:${q.color}` }),
          ),
        ),
        stat("mean Goldstein", fmtG(sum.goldstein_mean)),
      ),
      section(
        `Activity per ${g.period} by QuadClass`,
        timelineBlock(series, {
          clickHint: "Click: zoom into this period",
          onBar: zoomInto,
        }),
      ),
      h(
        "div",
        { class: "two-col" },
        section("Most active dyads", dyadPicker(allActors), dyadsTable(dyads.dyads || [])),
        section("Most active actors", actorsTable(actors.actors || [])),
      ),
      section("Latest events", latest.el),
    );
  }

  const FINER = { year: "month", month: "day", week: "day", day: "day" };

  /** Narrows the date range to one period, with the next finer period. */
  function zoomInto(row) {
    const pr = periodRange(row.period);
    if (!pr) return;
    const finer = FINER[periodKind(row.period)] || "day";
    navigate(hrefWith({ from: pr[0], to: pr[1], period: finer === "month" ? "" : finer }));
  }

  /** A form that opens the dyad page of two actors (codes, or names of the actors in the store). */
  function dyadPicker(actors) {
    const listId = "actor-codes";
    const codeOf = (v) => {
      const x = String(v || "").trim();
      const byName = actors.find((a) => a.name && a.name.toLowerCase() === x.toLowerCase());
      return byName ? byName.code : x.toUpperCase();
    };
    const form = h(
      "form",
      { class: "inline-form dyad-picker" },
      h(
        "datalist",
        { id: listId },
        actors.map((a) => h("option", { value: a.code }, a.name || a.code)),
      ),
      h(
        "label",
        null,
        "Dyad ",
        h("input", {
          name: "a",
          list: listId,
          placeholder: "CHN",
          required: true,
          size: 8,
          "aria-label": "First actor",
        }),
      ),
      h("span", null, "—"),
      h("input", {
        name: "b",
        list: listId,
        placeholder: "USA",
        required: true,
        size: 8,
        "aria-label": "Second actor",
      }),
      h("button", { type: "submit" }, "Open"),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      const a = codeOf(fd.get("a"));
      const b = codeOf(fd.get("b"));
      if (a && b) navigate(href(dyadPath(a, b)));
    });
    return form;
  }

  /** The current URL with some global controls changed. */
  function hrefWith(change) {
    const p = params();
    for (const [k, v] of Object.entries(change)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    const qs = p.toString();
    return qs ? `${location.pathname}?${qs}` : location.pathname;
  }

  async function pageDyad(a, b) {
    const g = globals();
    const sel = params().get("sel") || "";
    const selRange = sel ? periodRange(sel) : null;
    const quad = ["1", "2", "3", "4"].includes(params().get("quad")) ? params().get("quad") : "";
    const dir = ["ab", "ba"].includes(params().get("dir")) ? params().get("dir") : "";
    const range = { from: g.from, to: g.to };
    const [tl, all, ab, ba] = await Promise.all([
      api(`/v1/dyads/${enc(a)}/${enc(b)}/timeline`, { period: g.period, ...range }),
      api("/v1/timeline", { period: g.period, ...range }),
      api("/v1/events", { source: a, target: b, ...range, limit: 1 }),
      api("/v1/events", { source: b, target: a, ...range, limit: 1 }),
      loadNames(),
    ]);
    // The relations register is best effort: an older store without facts shows why instead of failing the page.
    const facts = await api(`/v1/dyads/${enc(a)}/${enc(b)}/facts`).catch((e) => ({ error: e }));
    const series = tl.series || [];
    const sum = sumSeries(series);
    const filter = { ...range };
    if (selRange) {
      filter.from = selRange[0];
      filter.to = selRange[1];
    }
    if (dir === "ab") {
      filter.source = a;
      filter.target = b;
    } else if (dir === "ba") {
      filter.source = b;
      filter.target = a;
    } else filter.dyad = `${a}-${b}`;
    if (quad) filter.quad = quad;
    const list = eventsList(filter);
    await list.ready;
    const na = nameOf(a);
    const nb = nameOf(b);
    document.title = `${na} — ${nb} · dyad explorer`;

    const chipLink = (label, change, active) =>
      h("a", { href: hrefWith(change), class: `chip${active ? " active" : ""}` }, label);
    const filters = h(
      "div",
      { class: "filters" },
      h("span", { class: "filters-label" }, "Direction"),
      chipLink("both", { dir: "" }, !dir),
      chipLink(`${a} → ${b}`, { dir: "ab" }, dir === "ab"),
      chipLink(`${b} → ${a}`, { dir: "ba" }, dir === "ba"),
      h("span", { class: "filters-label" }, "QuadClass"),
      chipLink("all", { quad: "" }, !quad),
      QUADS.map((q) => chipLink(`Q${q.n}`, { quad: String(q.n) }, quad === String(q.n))),
      sel
        ? h(
            "span",
            { class: "chip active" },
            `${sel} `,
            h("a", { href: hrefWith({ sel: "" }), class: "clear", "aria-label": "Clear the period" }, "×"),
          )
        : null,
    );

    return h(
      "div",
      { class: "page dyad" },
      h(
        "div",
        { class: "page-head" },
        h("p", { class: "crumb" }, "Dyad"),
        h(
          "h1",
          null,
          h("a", { href: href(actorPath(a)) }, na),
          h("span", { class: "dash" }, " — "),
          h("a", { href: href(actorPath(b)) }, nb),
        ),
        h(
          "p",
          { class: "sub" },
          `${a} and ${b}, both directions, ${rangeText()}. `,
          h("a", { href: href(dyadPath(b, a)) }, "Swap sides"),
        ),
      ),
      h(
        "div",
        { class: "stats" },
        stat("events", fmtInt(sum.total)),
        stat(`${a} → ${b}`, fmtInt(ab.total)),
        stat(`${b} → ${a}`, fmtInt(ba.total)),
        stat(
          "mean Goldstein",
          fmtG(sum.goldstein_mean),
          h("span", { class: "stat-bar", style: `background:${goldColor(sum.goldstein_mean)}` }),
        ),
        stat("cooperation / conflict", `${fmtInt(sum.q1 + sum.q2)} / ${fmtInt(sum.q3 + sum.q4)}`),
      ),
      h(
        "div",
        { class: "dyad-main" },
        section(
          `Events per ${g.period} by QuadClass`,
          timelineBlock(series, {
            selected: sel,
            clickHint: sel ? "Click: list this period's events (again: all)" : "Click: list this period's events",
            extent: (all.series || []).map((r) => r.period),
            onBar: (r) => navigate(hrefWith({ sel: r.period === sel ? "" : r.period })),
          }),
        ),
        relationshipCard(facts),
      ),
      section("Latest events", filters, list.el),
    );
  }

  // ---------------------------------------------------------------- relations register (dyad facts)

  const FACT_TYPES = {
    ties: "Diplomatic ties",
    level: "Declared level",
    project: "Joint projects",
    area: "Cooperation areas",
    quantity: "Figures",
    stance: "Stances",
  };

  /** One fact value as words: a year, a label, a project, an area, a figure with its unit and period, a stance. */
  function factText(type, v) {
    if (!v || typeof v !== "object") return String(v ?? "");
    switch (type) {
      case "ties": {
        const when = v.year ? ` in ${v.year}` : v.date ? ` on ${v.date}` : v.years_before ? ` ${v.years_before} years before the document` : "";
        return `${String(v.event || "").replace(/_/g, " ")}${when}`;
      }
      case "level":
        return v.label ? `${v.label}${v.upgrade ? " (upgraded)" : ""}` : "upgraded";
      case "project":
        return v.kind ? `${v.name} (${v.kind})` : String(v.name || "");
      case "area":
        return String(v.area || "");
      case "quantity": {
        const n = typeof v.number === "number" ? v.number.toLocaleString("en-US") : v.number;
        const parts = [v.measure, v.kind, n, v.unit].filter((x) => x !== undefined && x !== null && x !== "");
        return parts.join(" ") + (v.period ? `, ${v.period}` : "");
      }
      case "stance": {
        const who = [v.by ? `by ${v.by}` : "", v.for ? `for ${v.for}` : ""].filter(Boolean).join(" ");
        return `${v.stance || ""} on ${v.issue || "?"}${who ? ` (${who})` : ""}${v.mutual ? ", mutual" : ""}`;
      }
      default:
        return JSON.stringify(v);
    }
  }

  /** A source of a fact: the document and sentence it was stated in, linked. */
  function factSource(src) {
    const extra = src.sentence !== null && src.sentence !== undefined ? { s: src.sentence } : {};
    return h(
      "a",
      { href: href(docPath(src.doc), extra), class: "fact-src", title: src.sentence_text || src.text || "" },
      `${src.date || "undated"} · ${src.doc}`,
    );
  }

  /** The relationship card beside a dyad's timeline: the current value of each fact type, with its sources. */
  function relationshipCard(reg) {
    const card = section("Relationship");
    card.classList.add("relationship");
    if (!reg || reg.error) {
      const msg = reg && reg.error ? reg.error.message : "no answer";
      card.append(h("p", { class: "empty" }, `No register: ${msg}`));
      return card;
    }
    if (!reg.types || !reg.types.length) {
      card.append(h("p", { class: "empty" }, "The stored documents state no facts about this relationship."));
      return card;
    }
    for (const t of reg.types) {
      const items = (t.current || []).map((cv) => {
        const srcs = cv.sources || [];
        const latest = srcs[srcs.length - 1];
        return h(
          "li",
          { class: "fact" },
          h("span", { class: "fact-value" }, factText(t.type, cv.value)),
          " ",
          latest ? factSource(latest) : null,
          srcs.length > 1 ? h("span", { class: "fact-more" }, ` +${srcs.length - 1} more`) : null,
        );
      });
      const hist = (t.history || []).length;
      card.append(
        h(
          "div",
          { class: `fact-type fact-${t.type}` },
          h("h3", null, FACT_TYPES[t.type] || t.type),
          t.last_upgrade ? h("p", { class: "fact-note" }, `last upgrade stated ${t.last_upgrade}`) : null,
          h("ul", { class: "facts" }, items),
          hist > (t.current || []).length
            ? h("p", { class: "fact-note" }, `${hist} values stated over time`)
            : null,
        ),
      );
    }
    card.append(h("p", { class: "fact-note" }, `${fmtInt(reg.facts)} facts from the stored documents (dyad facts).`));
    return card;
  }

  async function pageActor(code) {
    const g = globals();
    const range = { from: g.from, to: g.to };
    const [actors, tl, all, net] = await Promise.all([
      loadNames(),
      api("/v1/timeline", { period: g.period, actor: code, ...range }),
      api("/v1/timeline", { period: g.period, ...range }),
      api("/v1/network", { ...range, min_count: 1, limit: 1000 }).catch(() => api("/v1/network", { ...range })),
    ]);
    const me = actors.find((x) => x.code === code);
    const series = tl.series || [];
    const sum = sumSeries(series);
    const dyads = (net.edges || []).filter((e) => e.a === code || e.b === code).sort((x, y) => y.count - x.count);
    for (const n of net.nodes || []) if (n.name && !names.has(n.code)) names.set(n.code, n.name);
    const list = eventsList({ actor: code, ...range });
    await list.ready;
    const name = me ? me.name : nameOf(code);
    document.title = `${name} · dyad explorer`;
    return h(
      "div",
      { class: "page actor" },
      h(
        "div",
        { class: "page-head" },
        h("p", { class: "crumb" }, "Actor"),
        h("h1", null, name, h("span", { class: "code big" }, code)),
        h(
          "p",
          { class: "sub" },
          `Events with ${code} (or any actor whose code starts with it) as source or target, ${rangeText()}.`,
        ),
      ),
      h(
        "div",
        { class: "stats" },
        stat("events", fmtInt(sum.total)),
        me ? stat("as source (all dates)", fmtInt(me.as_source)) : null,
        me ? stat("as target (all dates)", fmtInt(me.as_target)) : null,
        stat(
          "mean Goldstein",
          fmtG(sum.goldstein_mean),
          h("span", { class: "stat-bar", style: `background:${goldColor(sum.goldstein_mean)}` }),
        ),
        stat("dyads", fmtInt(dyads.length)),
      ),
      section(
        `Events per ${g.period} by QuadClass`,
        timelineBlock(series, {
          extent: (all.series || []).map((r) => r.period),
          clickHint: "Click: zoom into this period",
          onBar: zoomInto,
        }),
      ),
      section(
        `Dyads of ${name}`,
        dyadsTable(
          dyads.map((e) => {
            const other = e.a === code ? e.b : e.a;
            return { ...e, a: code, b: other };
          }),
        ),
      ),
      section("Latest events", list.el),
    );
  }

  // ------------------------------------------------ network

  /** A force-directed layout (many-body repulsion, springs, gravity, collision); deterministic. */
  function forceLayout(nodes, links, iterations, aspect) {
    // Gravity pulls harder across the box's short side, so the layout takes the box's shape.
    const gx = 0.07 / aspect;
    const gy = 0.07 * aspect;
    const n = nodes.length;
    // Positions and velocities in typed arrays: the pair loops below are the page's hot path.
    const X = new Float64Array(n);
    const Y = new Float64Array(n);
    const VX = new Float64Array(n);
    const VY = new Float64Array(n);
    const R = Float64Array.from(nodes, (d) => d.r);
    for (let i = 0; i < n; i++) {
      // Phyllotaxis start: deterministic and well spread.
      const r = 12 * Math.sqrt(i + 0.5);
      const a = i * 2.399963229728653;
      X[i] = r * Math.cos(a);
      Y[i] = r * Math.sin(a);
    }
    const deg = new Float64Array(n);
    for (const l of links) {
      deg[l.s]++;
      deg[l.t]++;
    }
    const maxCount = Math.max(1, ...links.map((l) => l.count));
    let alpha = 1;
    const decay = 1 - Math.pow(0.001, 1 / iterations);
    const FAR2 = 260 * 260; // as d3's distanceMax: far groups do not push each other out of view
    for (let it = 0; it < iterations; it++) {
      // Many-body repulsion (as d3's forceManyBody: velocity += dx * strength * alpha / d²).
      for (let i = 0; i < n; i++) {
        const xi = X[i];
        const yi = Y[i];
        const ri = R[i];
        let vxi = 0;
        let vyi = 0;
        for (let j = i + 1; j < n; j++) {
          let dx = X[j] - xi;
          let dy = Y[j] - yi;
          let l2 = dx * dx + dy * dy;
          if (l2 > FAR2) continue;
          if (l2 < 1e-6) {
            dx = 0.01 * (j - i);
            dy = 0.01;
            l2 = dx * dx + dy * dy;
          }
          const w = (-(100 + 2 * (ri + R[j])) * alpha) / (l2 > 25 ? l2 : 25);
          vxi += dx * w;
          vyi += dy * w;
          VX[j] -= dx * w;
          VY[j] -= dy * w;
        }
        VX[i] += vxi;
        VY[i] += vyi;
      }
      // Springs along edges, shorter for busier pairs.
      for (const l of links) {
        const a = l.s;
        const b = l.t;
        const dx = X[b] + VX[b] - X[a] - VX[a];
        const dy = Y[b] + VY[b] - Y[a] - VY[a];
        const dist = Math.sqrt(dx * dx + dy * dy) || 1e-3;
        const want = 14 + R[a] + R[b] + 30 * (1 - l.count / maxCount);
        const k = ((dist - want) / dist) * alpha * (1 / Math.min(deg[a], deg[b]));
        const bias = deg[a] / (deg[a] + deg[b]);
        VX[b] -= dx * k * bias;
        VY[b] -= dy * k * bias;
        VX[a] += dx * k * (1 - bias);
        VY[a] += dy * k * (1 - bias);
      }
      // Gravity keeps separate components in view; velocities decay.
      for (let i = 0; i < n; i++) {
        VX[i] = (VX[i] - X[i] * gx * alpha) * 0.6;
        VY[i] = (VY[i] - Y[i] * gy * alpha) * 0.6;
        X[i] += VX[i];
        Y[i] += VY[i];
      }
      // Collision: no two discs overlap.
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = X[j] - X[i];
          const dy = Y[j] - Y[i];
          const min = R[i] + R[j] + 6;
          const l2 = dx * dx + dy * dy;
          if (l2 >= min * min) continue;
          const dist = Math.sqrt(l2) || 1e-3;
          const push = (min - dist) / dist / 2;
          X[i] -= dx * push;
          Y[i] -= dy * push;
          X[j] += dx * push;
          Y[j] += dy * push;
        }
      }
      alpha -= alpha * decay;
    }
    nodes.forEach((d, i) => {
      d.x = X[i];
      d.y = Y[i];
    });
  }

  function goldLegend() {
    const stops = [];
    for (let i = 0; i <= 20; i++) stops.push(s("stop", { offset: `${i * 5}%`, "stop-color": goldColor(-10 + i) }));
    const w = 240;
    return h(
      "div",
      { class: "gold-legend" },
      h("span", null, "Edge colour: mean Goldstein"),
      s(
        "svg",
        {
          width: w,
          height: 30,
          viewBox: `0 0 ${w} 30`,
          role: "img",
          "aria-label": "From −10 (conflict) to +10 (cooperation)",
        },
        s("defs", null, s("linearGradient", { id: "gold-grad", x1: "0", x2: "1", y1: "0", y2: "0" }, stops)),
        s("rect", { x: 0, y: 0, width: w, height: 10, fill: "url(#gold-grad)", rx: 2 }),
        [-10, -5, 0, 5, 10].map((v, i) =>
          s(
            "text",
            {
              x: 4 + (i * (w - 8)) / 4,
              y: 24,
              "text-anchor": i === 0 ? "start" : i === 4 ? "end" : "middle",
              class: "axis-label",
            },
            fmtTick(v),
          ),
        ),
      ),
      h("span", { class: "muted" }, "conflict ← → cooperation · width: number of events · disc: events of the actor"),
    );
  }

  function networkSvg(data, width) {
    const narrow = width < 640;
    const height = narrow ? clamp(Math.round(width * 1.3), 380, 720) : clamp(Math.round(width * 0.62), 380, 720);
    const maxEvents = Math.max(1, ...data.nodes.map((d) => d.events || 0));
    const rs = clamp(width / 1100, 0.45, 1);
    const nodes = data.nodes.map((d) => ({ ...d, r: rs * (5 + 22 * Math.sqrt((d.events || 0) / maxEvents)) }));
    // On a narrow screen only the busiest actors are labelled (every disc names itself on hover).
    const labelled = new Set(
      nodes
        .slice()
        .sort((x, y) => y.events - x.events)
        .slice(0, narrow ? 20 : nodes.length)
        .map((d) => d.code),
    );
    const idx = new Map(nodes.map((d, i) => [d.code, i]));
    const links = data.edges
      .map((e) => ({ ...e, s: idx.get(e.a), t: idx.get(e.b) }))
      .filter((l) => l.s !== undefined && l.t !== undefined && l.s !== l.t);
    // The layout costs n² per step: fewer steps for a big graph (80 at least, which settles it well enough).
    forceLayout(nodes, links, clamp(Math.round(2e7 / Math.max(1, nodes.length) ** 2), 80, 300), width / height);

    // Fit the layout into the box (discs keep their size).
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const d of nodes) {
      x0 = Math.min(x0, d.x - d.r);
      x1 = Math.max(x1, d.x + d.r);
      y0 = Math.min(y0, d.y - d.r);
      y1 = Math.max(y1, d.y + d.r);
    }
    const padX = 40;
    const padY = 28;
    const scale = Math.min((width - 2 * padX) / Math.max(1, x1 - x0), (height - 2 * padY) / Math.max(1, y1 - y0), 2.5);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    for (const d of nodes) {
      d.sx = width / 2 + (d.x - cx) * scale;
      d.sy = height / 2 + (d.y - cy) * scale;
    }

    const maxCount = Math.max(1, ...links.map((l) => l.count));
    const svg = s("svg", {
      class: "chart network",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": `Network of ${nodes.length} actors and ${links.length} dyads`,
    });
    const edgeLayer = s("g", { class: "edges" });
    const nodeLayer = s("g", { class: "nodes" });
    svg.append(edgeLayer, nodeLayer);

    const edgeEls = links.map((l) => {
      const a = nodes[l.s];
      const b = nodes[l.t];
      const wdt = (1 + 9 * Math.sqrt(l.count / maxCount)) * Math.max(rs, 0.6);
      const line = s("line", {
        class: "edge",
        x1: a.sx,
        y1: a.sy,
        x2: b.sx,
        y2: b.sy,
        stroke: goldColor(l.goldstein_mean),
        "stroke-width": wdt.toFixed(2),
      });
      const hit = s("line", {
        class: "edge-hit",
        x1: a.sx,
        y1: a.sy,
        x2: b.sx,
        y2: b.sy,
        "stroke-width": Math.max(12, wdt + 6),
      });
      const link = s(
        "a",
        { href: href(dyadPath(l.a, l.b)), class: "edge-link", "aria-label": `${l.a}–${l.b}: ${l.count} events` },
        line,
        hit,
      );
      hit.addEventListener("mouseenter", (e) => {
        line.classList.add("hover");
        tip.show(e, [
          `${a.name || a.code} — ${b.name || b.code}`,
          `${fmtInt(l.count)} events · mean Goldstein ${fmtG(l.goldstein_mean)}`,
          QUADS.map((q) => `Q${q.n} ${fmtInt(l[q.key] || 0)}`).join(" · "),
          "Click: dyad page",
        ]);
      });
      hit.addEventListener("mousemove", (e) => tip.move(e));
      hit.addEventListener("mouseleave", () => {
        line.classList.remove("hover");
        tip.hide();
      });
      edgeLayer.append(link);
      return { l, line, hit };
    });

    nodes.forEach((d, i) => {
      const g = s(
        "g",
        {
          class: "node",
          transform: `translate(${d.sx.toFixed(1)},${d.sy.toFixed(1)})`,
          tabindex: 0,
          role: "link",
          "aria-label": `${d.name || d.code}: ${d.events} events`,
        },
        s("circle", { r: d.r.toFixed(1) }),
        labelled.has(d.code)
          ? s("text", { class: "node-label", y: (d.r + 12).toFixed(1), "text-anchor": "middle" }, d.code)
          : null,
      );
      const mine = edgeEls.filter((e) => e.l.s === i || e.l.t === i);
      g.addEventListener("mouseenter", (e) => {
        svg.classList.add("focus");
        g.classList.add("hover");
        for (const m of mine) m.line.classList.add("hover");
        tip.show(e, [
          `${d.name || d.code} (${d.code})`,
          `${fmtInt(d.events)} events · ${mine.length} dyads`,
          "Click: actor page · drag: move",
        ]);
      });
      g.addEventListener("mousemove", (e) => tip.move(e));
      g.addEventListener("mouseleave", () => {
        svg.classList.remove("focus");
        g.classList.remove("hover");
        for (const m of mine) m.line.classList.remove("hover");
        tip.hide();
      });
      g.addEventListener("keydown", (e) => {
        if (e.key === "Enter") navigate(href(actorPath(d.code)));
      });
      // Drag to move; a press without movement is a click.
      let drag = null;
      g.addEventListener("pointerdown", (e) => {
        const pt = svg.getBoundingClientRect();
        drag = { x: e.clientX, y: e.clientY, moved: false, k: width / pt.width };
        g.setPointerCapture(e.pointerId);
      });
      g.addEventListener("pointermove", (e) => {
        if (!drag) return;
        const dx = (e.clientX - drag.x) * drag.k;
        const dy = (e.clientY - drag.y) * drag.k;
        if (!drag.moved && Math.hypot(dx, dy) < 4) return;
        drag.moved = true;
        tip.hide();
        d.sx = clamp(d.sx + dx, 0, width);
        d.sy = clamp(d.sy + dy, 0, height);
        drag.x = e.clientX;
        drag.y = e.clientY;
        g.setAttribute("transform", `translate(${d.sx.toFixed(1)},${d.sy.toFixed(1)})`);
        for (const m of mine) {
          const end = m.l.s === i ? ["x1", "y1"] : ["x2", "y2"];
          for (const el of [m.line, m.hit]) {
            el.setAttribute(end[0], d.sx);
            el.setAttribute(end[1], d.sy);
          }
        }
      });
      g.addEventListener("pointerup", () => {
        const click = drag && !drag.moved;
        drag = null;
        if (click) {
          tip.hide();
          navigate(href(actorPath(d.code)));
        }
      });
      nodeLayer.append(g);
    });
    return svg;
  }

  async function pageNetwork() {
    const g = globals();
    const p = params();
    const minCount = Math.max(1, Math.min(1000, parseInt(p.get("min_count") || "1", 10) || 1));
    const limit = Math.max(10, Math.min(1000, parseInt(p.get("limit") || "200", 10) || 200));
    const [net] = await Promise.all([
      api("/v1/network", { from: g.from, to: g.to, min_count: minCount, limit }),
      loadNames(),
    ]);
    const nodes = net.nodes || [];
    const edges = net.edges || [];
    // The drawing keeps the busiest actors (and the dyads between them) so that it stays legible and quick.
    const keep = new Set(
      nodes
        .slice()
        .sort((x, y) => y.events - x.events)
        .slice(0, MAX_DRAWN)
        .map((d) => d.code),
    );
    const drawn = {
      nodes: nodes.filter((d) => keep.has(d.code)),
      edges: edges.filter((e) => keep.has(e.a) && keep.has(e.b)),
    };
    document.title = "Network · dyad explorer";
    const form = h(
      "form",
      { class: "inline-form" },
      h(
        "label",
        null,
        "At least ",
        h("input", { type: "number", name: "min_count", min: 1, max: 1000, value: minCount }),
        " events per dyad",
      ),
      h(
        "label",
        null,
        "Up to ",
        h("input", { type: "number", name: "limit", min: 10, max: 1000, value: limit }),
        " dyads",
      ),
      h("button", { type: "submit" }, "Redraw"),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      navigate(
        hrefWith({
          min_count: fd.get("min_count") === "1" ? "" : fd.get("min_count"),
          limit: fd.get("limit") === "200" ? "" : fd.get("limit"),
        }),
      );
    });
    const sorted = edges.slice().sort((x, y) => y.count - x.count);
    for (const n of nodes) if (n.name && !names.has(n.code)) names.set(n.code, n.name);
    return h(
      "div",
      { class: "page network-page" },
      h(
        "div",
        { class: "page-head" },
        h("h1", null, "Network"),
        h(
          "p",
          { class: "sub" },
          `${fmtInt(nodes.length)} actors and ${fmtInt(edges.length)} dyads, ${rangeText()}. `,
          drawn.nodes.length < nodes.length ? `The drawing shows the ${MAX_DRAWN} busiest actors. ` : "",
          "Click an actor for its page, a line for its dyad.",
        ),
        form,
      ),
      nodes.length
        ? section(
            null,
            responsive("chart-box network-box", (w) => networkSvg(drawn, w)),
            goldLegend(),
          )
        : h("p", { class: "empty" }, "No dyads in this date range."),
      section("Dyads in the network", dyadsTable(sorted)),
    );
  }

  // ------------------------------------------------ document

  async function pageDoc(id) {
    const focus = params().get("s");
    const doc = await api(`/v1/documents/${enc(id)}`);
    await loadNames();
    document.title = `${doc.title || doc.id} · dyad explorer`;
    const chars = Array.from(doc.text || "");
    const sentences = (doc.sentences || []).slice().sort((x, y) => x.start - y.start);
    const mentions = doc.mentions || [];
    const events = doc.events || [];
    const spanOk = (x) =>
      x &&
      Number.isInteger(x.start) &&
      Number.isInteger(x.end) &&
      x.start < x.end &&
      x.start >= 0 &&
      x.end <= chars.length;

    // Annotations over the text: mentions (m) and event evidence (e).
    const anns = [];
    mentions.forEach((m, i) => {
      if (!m.in_title && spanOk(m)) anns.push({ start: m.start, end: m.end, kind: "m", i });
    });
    events.forEach((ev, i) => {
      if (!ev.in_title && spanOk(ev.evidence))
        anns.push({ start: ev.evidence.start, end: ev.evidence.end, kind: "e", i });
    });

    // An event's source and target, matched to the mentions they overlap. Their offsets count from the start of the
    // text; offsets from the start of the sentence (the `dyad code` form) are accepted too, checked by their words.
    const sentByIndex = new Map(sentences.map((x) => [x.index, x]));
    const textAt = (a0, a1) => chars.slice(a0, a1).join("");
    const roleMentions = events.map((ev) => {
      const sent = sentByIndex.get(ev.sentence);
      const find = (actor) => {
        if (!sent || !actor) return [];
        let span = null;
        if (Number.isInteger(actor.start) && Number.isInteger(actor.end)) {
          if (textAt(actor.start, actor.end) === actor.text) span = [actor.start, actor.end];
          else if (textAt(sent.start + actor.start, sent.start + actor.end) === actor.text) {
            span = [sent.start + actor.start, sent.start + actor.end];
          }
        }
        return mentions
          .map((m, i) => {
            if (m.in_title || !spanOk(m)) return -1;
            if (span) return m.start < span[1] && span[0] < m.end ? i : -1;
            // No usable offsets: the mention of the same words in the same sentence.
            return m.sentence === ev.sentence && m.text === actor.text ? i : -1;
          })
          .filter((i) => i >= 0);
      };
      return { src: find(ev.source), tgt: find(ev.target) };
    });

    // Cut the text at every boundary; each piece knows its sentence and the annotations covering it.
    const cuts = new Set([0, chars.length]);
    for (const x of sentences) {
      cuts.add(clamp(x.start, 0, chars.length));
      cuts.add(clamp(x.end, 0, chars.length));
    }
    for (const a of anns) {
      cuts.add(a.start);
      cuts.add(a.end);
    }
    const pts = [...cuts].sort((x, y) => x - y);
    const textEl = h("div", { class: "doc-text" });
    let sentEl = null;
    let sentIdx = null;
    for (let k = 0; k + 1 < pts.length; k++) {
      const a = pts[k];
      const b = pts[k + 1];
      const sent = sentences.find((x) => x.start <= a && b <= x.end);
      const si = sent ? sent.index : null;
      if (si !== sentIdx) {
        sentIdx = si;
        sentEl = sent
          ? h("span", {
              class: `sent${String(sent.index) === focus ? " focus" : ""}`,
              id: `s${sent.index}`,
              "data-s": sent.index,
            })
          : null;
        if (sentEl) textEl.append(sentEl);
      }
      let piece = chars.slice(a, b).join("");
      // One line break between sentences reads as a space; a blank line stays a paragraph break.
      if (!sent && /^[ \t]*\n[ \t]*$/.test(piece)) piece = " ";
      const cover = anns.filter((x) => x.start <= a && b <= x.end);
      const parent = sentEl || textEl;
      if (!cover.length) {
        parent.append(piece);
        continue;
      }
      const ms = cover.filter((x) => x.kind === "m").map((x) => x.i);
      const es = cover.filter((x) => x.kind === "e").map((x) => x.i);
      const cls = ["ann"];
      if (ms.length) cls.push("men");
      if (es.length) cls.push("ev", quadOf(events[es[0]].quad).key);
      parent.append(
        h("span", { class: cls.join(" "), "data-m": ms.join(" ") || null, "data-e": es.join(" ") || null }, piece),
      );
    }

    // The events panel.
    const cards = events.map((ev, i) => eventCard(ev, i));
    const panel = h("ol", { class: "doc-events" }, cards);

    function spansOf(kind, list) {
      const out = [];
      for (const el of textEl.querySelectorAll(`[data-${kind}]`)) {
        const mine = el.getAttribute(`data-${kind}`).split(" ");
        if (list.some((i) => mine.includes(String(i)))) out.push(el);
      }
      return out;
    }
    function light(i, on) {
      const rm = roleMentions[i];
      for (const el of spansOf("e", [i])) el.classList.toggle("hl", on);
      for (const el of spansOf("m", rm.src)) el.classList.toggle("hl-src", on);
      for (const el of spansOf("m", rm.tgt)) el.classList.toggle("hl-tgt", on);
      cards[i].classList.toggle("hl", on);
    }
    let selected = null;
    function select(i, scrollCard) {
      if (selected !== null) {
        light(selected, false);
        cards[selected].classList.remove("selected");
      }
      selected = selected === i ? null : i;
      if (selected === null) return;
      light(i, true);
      cards[i].classList.add("selected");
      if (scrollCard) cards[i].scrollIntoView({ block: "nearest", behavior: "smooth" });
      else {
        const sp = spansOf("e", [i])[0];
        if (sp) sp.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    }
    cards.forEach((c, i) => {
      c.addEventListener("mouseenter", () => {
        if (selected !== i) light(i, true);
      });
      c.addEventListener("mouseleave", () => {
        if (selected !== i) light(i, false);
      });
      c.addEventListener("click", (e) => {
        if (!e.target.closest("a")) select(i, false);
      });
      c.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && !e.target.closest("a")) select(i, false);
      });
    });

    let hovered = [];
    const unhover = () => {
      for (const i of hovered) if (i !== selected) light(i, false);
      hovered = [];
    };
    textEl.addEventListener("mouseover", (e) => {
      const el = e.target.closest(".ann");
      if (!el) return;
      unhover();
      hovered = (el.dataset.e || "").split(" ").filter(Boolean).map(Number);
      for (const i of hovered) light(i, true);
      const lines = [];
      for (const i of (el.dataset.e || "").split(" ").filter(Boolean)) lines.push(explainEvent(events[Number(i)]));
      if (lines.length) lines[lines.length - 1].push("Click: select the event");
      for (const i of (el.dataset.m || "").split(" ").filter(Boolean)) {
        const m = mentions[Number(i)];
        lines.push(
          [
            `Actor: ${m.name || m.code} (${m.code})`,
            `found by ${m.via || "?"}${m.kind ? `, ${m.kind}` : ""}`,
            el.dataset.e ? "" : "Click: the actor's page",
          ].filter(Boolean),
        );
      }
      if (lines.length) tip.show(e, lines);
    });
    textEl.addEventListener("mousemove", (e) => tip.move(e));
    textEl.addEventListener("mouseout", (e) => {
      if (!e.target.closest(".ann")) return;
      tip.hide();
      unhover();
    });
    textEl.addEventListener("click", (e) => {
      const el = e.target.closest(".ann");
      if (!el) return;
      tip.hide();
      if (el.dataset.e) {
        select(Number(el.dataset.e.split(" ")[0]), true);
        return;
      }
      if (el.dataset.m) {
        const m = mentions[Number(el.dataset.m.split(" ")[0])];
        navigate(href(actorPath(m.country || m.code)));
      }
    });

    const seen = new Set();
    const titleMentions = mentions.filter((m) => {
      const key = m.country || m.code;
      if (!m.in_title || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const url = typeof doc.url === "string" && /^https?:\/\//i.test(doc.url) ? doc.url : null;
    afterMount.push(() => {
      const el = focus !== null && focus !== undefined ? document.getElementById(`s${focus}`) : null;
      if (el) el.scrollIntoView({ block: "center" });
    });
    return h(
      "div",
      { class: "page doc" },
      h(
        "div",
        { class: "page-head" },
        h("p", { class: "crumb" }, "Document ", h("span", { class: "code" }, doc.id)),
        h("h1", null, doc.title || doc.id),
        h(
          "p",
          { class: "sub" },
          [doc.date || "undated", doc.publisher].filter(Boolean).join(" · "),
          url
            ? [" · ", h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, url)]
            : doc.url
              ? ` · ${doc.url}`
              : null,
        ),
        titleMentions.length
          ? h(
              "p",
              { class: "sub" },
              "In the title: ",
              titleMentions.map((m, i) => [
                i ? ", " : "",
                h(
                  "a",
                  { href: href(actorPath(m.country || m.code)) },
                  m.country ? names.get(m.country) || (m.code === m.country ? m.name : m.country) : m.name || m.code,
                ),
              ]),
            )
          : null,
        h(
          "p",
          { class: "doc-legend" },
          h("span", { class: "ann men sample" }, "actor"),
          " actor mention  ",
          h("span", { class: "ann ev q1 sample" }, "evidence"),
          " event evidence, coloured by QuadClass · hover to explain, click to select: ",
          h("span", { class: "ann men hl-src sample" }, "source"),
          " → ",
          h("span", { class: "ann men hl-tgt sample" }, "target"),
        ),
      ),
      h(
        "div",
        { class: "doc-layout" },
        section(null, textEl),
        h(
          "aside",
          { class: "card doc-side" },
          h("h2", null, `${events.length} event${events.length === 1 ? "" : "s"}`),
          events.length ? panel : h("p", { class: "empty" }, "No events were coded in this document."),
          h("div", { class: "mini-legend" }, quadLegend(false)),
        ),
      ),
    );
  }

  function explainEvent(ev) {
    const q = quadOf(ev.quad);
    return [
      `${ev.code} ${ev.name || ""}`,
      `${ev.source ? `${ev.source.name || ev.source.code} (${ev.source.code})` : "?"} → ${ev.target ? `${ev.target.name || ev.target.code} (${ev.target.code})` : "?"}`,
      `Goldstein ${fmtG(ev.goldstein)} · QuadClass ${q.n} ${q.label}`,
      `PLOVER ${ev.plover || "–"}${ev.plover_mode ? ` (${ev.plover_mode})` : ""} · mode ${ev.mode || "–"}`,
      `rule ${ev.rule || "–"}`,
    ];
  }

  function eventCard(ev, i) {
    const q = quadOf(ev.quad);
    const a = cutCode(ev.source);
    const b = cutCode(ev.target);
    const row = (k, ...v) => [h("dt", null, k), h("dd", null, ...v)];
    return h(
      "li",
      { class: "doc-event", style: `--q:${q.color}`, "data-i": i, tabindex: 0 },
      h("div", { class: "ev-main" }, actorLink(ev.source), h("span", { class: "arrow" }, " → "), actorLink(ev.target)),
      h(
        "div",
        { class: "ev-code" },
        h("span", { class: "muted" }, "CAMEO "),
        h("b", null, ev.code),
        " ",
        ev.name || "",
        h("span", { class: "muted" }, ` (root ${ev.root || (ev.code || "").slice(0, 2)})`),
      ),
      ev.evidence && ev.evidence.text
        ? h(
            "div",
            { class: "ev-evq" },
            "“",
            h("mark", null, ev.evidence.text),
            "”",
            ev.in_title ? " (title)" : ` · sentence ${ev.sentence + 1}`,
          )
        : null,
      h(
        "dl",
        { class: "ev-facts" },
        row("Goldstein", fmtG(ev.goldstein)),
        row("QuadClass", h("span", { class: "swatch", style: `background:${q.color}` }), `${q.n} ${q.label}`),
        row("PLOVER", `${ev.plover || "–"}${ev.plover_mode ? ` · ${ev.plover_mode}` : ""}`),
        row("Mode", ev.mode || "–"),
        row("Rule", h("code", null, ev.rule || "–")),
        ev.date ? row("Date", ev.date) : null,
      ),
      a && b && a !== b ? h("a", { href: href(dyadPath(a, b)), class: "ev-dyad" }, `Dyad ${a}–${b} →`) : null,
    );
  }

  // ------------------------------------------------ search

  /** Snippet text with [matches] marked, as text nodes and <mark> elements. */
  function snippetNodes(snippet) {
    const out = [];
    const re = /\[([^\]]*)\]/g;
    let at = 0;
    let m;
    while ((m = re.exec(snippet))) {
      if (m.index > at) out.push(snippet.slice(at, m.index));
      out.push(h("mark", null, m[1]));
      at = m.index + m[0].length;
    }
    if (at < snippet.length) out.push(snippet.slice(at));
    return out;
  }

  async function pageSearch() {
    const q = (params().get("q") || "").trim();
    const limit = Math.max(1, Math.min(100, parseInt(params().get("limit") || "20", 10) || 20));
    const input = $("#search-q");
    if (input && document.activeElement !== input) input.value = q;
    document.title = q ? `${q} · search · dyad explorer` : "Search · dyad explorer";
    const form = h(
      "form",
      { class: "inline-form big-search", role: "search" },
      h("input", {
        type: "search",
        name: "q",
        value: q,
        placeholder: 'words, "a phrase", a OR b',
        "aria-label": "Search query",
      }),
      h("button", { type: "submit" }, "Search"),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const v = new FormData(form).get("q");
      navigate(href("/search", { q: String(v || "").trim() }));
    });
    const head = h(
      "div",
      { class: "page-head" },
      h("h1", null, "Search"),
      h("p", { class: "sub" }, "Full-text search over the sentences of every stored article."),
      form,
    );
    if (!q) return h("div", { class: "page search" }, head);
    let r;
    try {
      r = await api("/v1/search", { q, limit });
    } catch (e) {
      if (e.status === 400)
        return h(
          "div",
          { class: "page search" },
          head,
          h("p", { class: "error" }, `The query was not understood: ${e.message}`),
        );
      throw e;
    }
    const hits = r.hits || [];
    return h(
      "div",
      { class: "page search" },
      head,
      section(
        `${hits.length}${hits.length === limit ? "+" : ""} sentence${hits.length === 1 ? "" : "s"} matching “${q}”`,
        hits.length
          ? h(
              "ol",
              { class: "hits" },
              hits.map((x) =>
                h(
                  "li",
                  { class: "hit" },
                  h(
                    "div",
                    { class: "hit-head" },
                    h(
                      "a",
                      {
                        href: href(
                          docPath(x.doc),
                          x.sentence !== null && x.sentence !== undefined ? { s: x.sentence } : {},
                        ),
                      },
                      x.title || x.doc,
                    ),
                    h(
                      "span",
                      { class: "muted" },
                      ` ${[x.date, x.title ? x.doc : null].filter(Boolean).join(" · ")}${x.sentence !== null && x.sentence !== undefined ? ` · sentence ${x.sentence + 1}` : ""}`,
                    ),
                  ),
                  h("p", { class: "snippet" }, snippetNodes(String(x.snippet || ""))),
                  Array.isArray(x.events) && x.events.length
                    ? h(
                        "p",
                        { class: "muted" },
                        `${x.events.length} event${x.events.length === 1 ? "" : "s"}: `,
                        x.events.map((ev, i) => [
                          i ? ", " : "",
                          `${cutCode(ev.source)} → ${cutCode(ev.target)} ${ev.code} ${ev.name || ""}`,
                        ]),
                      )
                    : null,
                ),
              ),
            )
          : h("p", { class: "empty" }, "No sentence matches."),
        hits.length === limit && limit < 100
          ? h("p", null, h("a", { href: href("/search", { q, limit: Math.min(100, limit * 2) }) }, "Show more"))
          : null,
      ),
    );
  }

  // ---------------------------------------------------------------- router

  const ROUTES = [
    [/^\/$/, pageOverview, "overview"],
    [/^\/dyad\/([^/]+)\/([^/]+)\/?$/, pageDyad, null],
    [/^\/network\/?$/, pageNetwork, "network"],
    [/^\/doc\/(.+)$/, pageDoc, null],
    [/^\/search\/?$/, pageSearch, "search"],
    [/^\/actor\/([^/]+)\/?$/, pageActor, null],
  ];

  const isAppPath = (path) => ROUTES.some(([re]) => re.test(path));

  let afterMount = [];
  let renderSeq = 0;

  function syncControls() {
    const g = globals();
    $("#ctl-period").value = g.period;
    $("#ctl-from").value = g.from;
    $("#ctl-to").value = g.to;
  }

  async function render(toTop) {
    const seq = ++renderSeq;
    const body = document.body;
    body.removeAttribute("data-ready");
    body.removeAttribute("data-error");
    tip.hide();
    syncControls();
    const main = $("#app");
    const path = location.pathname;
    let route = null;
    let args = [];
    for (const [re, fn, nav] of ROUTES) {
      const m = re.exec(path);
      if (m) {
        route = { fn, nav };
        try {
          args = m.slice(1).map(decodeURIComponent);
        } catch (e) {
          args = m.slice(1);
        }
        break;
      }
    }
    for (const a of document.querySelectorAll("[data-nav]"))
      a.classList.toggle("active", !!route && a.dataset.nav === route.nav);
    main.classList.add("busy");
    afterMount = [];
    try {
      if (!route) throw new ApiError(404, "not_found", `no page at ${path}`);
      const view = await route.fn(...args);
      if (seq !== renderSeq) return;
      main.replaceChildren(view);
      main.classList.remove("busy");
      if (toTop) window.scrollTo(0, 0);
      for (const f of afterMount) f();
      afterMount = [];
      body.dataset.page = route.fn.name;
      body.dataset.ready = "1";
    } catch (e) {
      if (seq !== renderSeq) return;
      console.error(e);
      main.classList.remove("busy");
      main.replaceChildren(
        h(
          "div",
          { class: "page" },
          h(
            "div",
            { class: "card error-card" },
            h("h1", null, e.status === 404 ? "Not found" : "Something went wrong"),
            h("p", null, e.message || String(e), e.code ? h("span", { class: "code" }, e.code) : null),
            h("p", null, h("a", { href: href("/") }, "Back to the overview")),
          ),
        ),
      );
      document.title = "Error · dyad explorer";
      body.dataset.error = `${e.code || "error"}: ${e.message || e}`;
      body.dataset.ready = "1";
    }
  }

  function start() {
    // Internal links are handled here (history API); others behave normally.
    document.addEventListener("click", (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target.closest("a");
      if (!a || a.target === "_blank" || a.hasAttribute("download")) return;
      const raw = a.getAttribute("href") || (a.getAttributeNS && a.getAttributeNS(SVGNS, "href"));
      if (!raw) return;
      const url = new URL(raw, location.href);
      if (url.origin !== location.origin || !isAppPath(url.pathname)) return;
      e.preventDefault();
      navigate(url.pathname + url.search + url.hash);
    });
    window.addEventListener("popstate", () => render());

    const controls = $("#controls");
    controls.addEventListener("change", () => {
      const fd = new FormData(controls);
      const period = String(fd.get("period") || "month");
      navigate(hrefWith({ period: period === "month" ? "" : period, from: fd.get("from"), to: fd.get("to"), sel: "" }));
    });
    controls.addEventListener("submit", (e) => e.preventDefault());
    $("#ctl-reset").addEventListener("click", () => navigate(hrefWith({ from: "", to: "", sel: "" })));

    const sf = $("#search-form");
    sf.addEventListener("submit", (e) => {
      e.preventDefault();
      const q = String(new FormData(sf).get("q") || "").trim();
      if (q) navigate(href("/search", { q }));
    });
    render();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
