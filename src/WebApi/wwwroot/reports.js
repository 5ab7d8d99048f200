// ParkingGrains dashboard, Reports tab (loaded after dashboard.js, whose $, el, api and state it uses): revenue by
// vehicle class and by payment method, peak and average occupancy per class, per day or hour, for one lot or all,
// from GET /api/reports/{revenue,occupancy}?format=json; the same reports download as HTML, CSV or PDF.
// One function scope: only enterReports (called by dashboard.js's showView) is global, so nothing here can clash
// with the names of the other dashboard scripts.
"use strict";

(() => {
  const REPORT_CLASSES = ["Motorcycle", "Car", "Van", "Bus"];
  const REPORT_METHODS = ["Cash", "Card", "ManualTransfer", "VietQr"];
  const REPORT_DAY_MS = 86_400_000;
  const REPORT_MAX_HOURLY_DAYS = 31; // 744 points a line: more would be unreadable anyway
  const reports = { charts: new Map(), revenue: null, occupancy: null, byLot: null, sequence: 0 };

  // "YYYY-MM-DD" of a local date (the value format of <input type="date">).
  const reportDate = (date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  const reportGroup = () => document.querySelector('input[name="report-group"]:checked').value;
  const cssVar = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

  // --- entering the tab and asking --------------------------------------------------------------------
  async function enterReports() {
    const select = $("#report-lot");
    if (select.options.length !== state.lots.length + 1) {
      select.replaceChildren(el("option", { value: "", textContent: "All lots" }),
        ...state.lots.map((lot) => option(lot.lotId, lot.name)));
      if (state.lotId) select.value = state.lotId;
    }
    if (!$("#report-from").value) {
      const today = new Date();
      $("#report-to").value = reportDate(today);
      $("#report-from").value = reportDate(new Date(today.getTime() - 6 * REPORT_DAY_MS));
    }
    await loadReports();
  }

  $("#report-form").addEventListener("submit", (event) => { event.preventDefault(); loadReports(); });
  // Lot and grouping apply at once; dates wait for "Show" so that typing a date does not fire half-typed requests.
  $("#report-lot").addEventListener("change", () => loadReports());
  for (const radio of document.querySelectorAll('input[name="report-group"]')) radio.addEventListener("change", () => loadReports());
  $("#report-currency").addEventListener("change", () => drawReports());
  // Charts take their colours from the CSS variables: redraw when the colour scheme flips.
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => drawReports());

  // The query both reports share. "To" is inclusive in the form and exclusive in the API. One lot reports in its own
  // time zone; all lots (which may not share one) in the browser's.
  function reportQuery(extra) {
    const from = $("#report-from").value;
    const to = $("#report-to").value;
    if (!from || !to) throw new Error("choose both dates");
    const end = new Date(`${to}T00:00:00Z`).getTime() + REPORT_DAY_MS;
    const days = (end - new Date(`${from}T00:00:00Z`).getTime()) / REPORT_DAY_MS;
    if (days < 1) throw new Error("“To” is before “From”");
    if (reportGroup() === "hour" && days > REPORT_MAX_HOURLY_DAYS) throw new Error(`per hour, choose at most ${REPORT_MAX_HOURLY_DAYS} days`);
    const query = new URLSearchParams({ from, to: new Date(end).toISOString().slice(0, 10), groupBy: reportGroup(), ...extra });
    const lotId = $("#report-lot").value;
    if (lotId) query.set("lotId", lotId);
    else query.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
    return query;
  }

  async function loadReports() {
    const sequence = ++reports.sequence;
    const status = $("#report-status");
    let revenueQuery; let classQuery; let lotQuery;
    try {
      revenueQuery = reportQuery({ by: "class,method", format: "json" });
      classQuery = reportQuery({ by: "class", format: "json" });
      lotQuery = reportQuery({ format: "json" });
    } catch (e) {
      status.textContent = e.message;
      return;
    }
    status.textContent = "loading…";
    $("#reports-view").setAttribute("aria-busy", "true");
    try {
      const [revenue, occupancy, byLot] = await Promise.all([
        api(`/api/reports/revenue?${revenueQuery}`),
        api(`/api/reports/occupancy?${classQuery}`),
        api(`/api/reports/occupancy?${lotQuery}`),
      ]);
      if (sequence !== reports.sequence) return; // a newer request is on its way
      Object.assign(reports, { revenue, occupancy, byLot });
      // The lot's name is clipped on its own, so its id stays readable however long the name is.
      const lot = revenue.lotId ? state.lots.find((l) => l.lotId === revenue.lotId) : null;
      const scope = revenue.lotId ? [ut(lot ? lot.name : revenue.lotId, "clip"), " (", ut(revenue.lotId), ")"] : [revenue.scope];
      status.replaceChildren(...scope, ` · times in ${revenue.timeZone}`);
      renderDownloads();
      drawReports();
    } catch (e) {
      if (sequence === reports.sequence) status.textContent = `report unavailable: ${e.message}`;
    } finally {
      if (sequence === reports.sequence) $("#reports-view").removeAttribute("aria-busy");
    }
  }

  // --- downloads ----------------------------------------------------------------------------------------
  // The API wants the bearer token, which a plain link cannot send: fetch, then save the blob under the server's name.
  function renderDownloads() {
    const links = [];
    for (const [report, by, title] of [["revenue", "class,method", "Revenue"], ["occupancy", "class", "Occupancy"]]) {
      links.push(el("span", { className: "muted", textContent: title }));
      for (const format of ["html", "csv", "pdf"]) {
        const url = `/api/reports/${report}?${reportQuery({ by, format })}`;
        const link = el("a", { href: url, textContent: format.toUpperCase(), className: "download", dataset: { report, format } });
        link.addEventListener("click", (event) => { event.preventDefault(); download(link); });
        links.push(link);
      }
    }
    $("#report-downloads").replaceChildren(...links);
  }

  async function download(link) {
    link.classList.add("busy");
    try {
      const response = await api(link.getAttribute("href"), { raw: true });
      const disposition = response.headers.get("Content-Disposition") || "";
      // HTML comes without a file name (it is meant to be viewed): name it like the server names the others.
      const query = new URLSearchParams(link.getAttribute("href").split("?")[1]);
      const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] || /filename="?([^";]+)/i.exec(disposition)?.[1] ||
        `${link.dataset.report}-${query.get("lotId") || "all-lots"}-${query.get("from").replaceAll("-", "")}-${query.get("to").replaceAll("-", "")}.${link.dataset.format}`;
      const url = URL.createObjectURL(await response.blob());
      const save = el("a", { href: url, download: decodeURIComponent(name) });
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      $("#report-status").textContent = `download failed: ${e.message}`;
    } finally {
      link.classList.remove("busy");
    }
  }

  // --- charts ---------------------------------------------------------------------------------------------
  function drawReports() {
    const { revenue, occupancy, byLot } = reports;
    if (!revenue) return;

    // Amounts in different currencies never share an axis: one currency at a time, the one with most payments by default.
    const currencies = revenue.totals.map((t) => t.currency);
    const select = $("#report-currency");
    const wanted = currencies.includes(select.value) ? select.value
      : revenue.totals.slice().sort((a, b) => b.payments - a.payments)[0]?.currency || lotCurrency();
    select.replaceChildren(...currencies.map((c) => el("option", { value: c, textContent: c })));
    select.value = wanted;
    $("#report-currency-label").hidden = currencies.length < 2;
    const currency = wanted;
    for (const span of document.querySelectorAll(".report-currency")) span.textContent = currency;
    const rows = revenue.rows.filter((r) => r.currency === currency);

    const labels = revenue.buckets;
    const sumBy = (key, value) => {
      const series = new Map();
      for (const row of rows) {
        if (!series.has(row[key])) series.set(row[key], new Map());
        const perBucket = series.get(row[key]);
        perBucket.set(row.period, (perBucket.get(row.period) || 0) + value(row));
      }
      return series;
    };
    const money = moneyFormat(currency);
    const classRevenue = sumBy("vehicleClass", (r) => r.amount);
    const methodRevenue = sumBy("method", (r) => r.amount);
    drawBars("revenue-class-chart", labels, ordered(classRevenue, REPORT_CLASSES).map(([cls, perBucket]) =>
      ({ label: cls, data: labels.map((b) => perBucket.get(b) || 0), color: classColor(cls) })), money);
    // A method keeps its colour whichever others were used in the period.
    drawBars("revenue-method-chart", labels, ordered(methodRevenue, REPORT_METHODS).map(([method, perBucket]) =>
      ({ label: methodName(method), data: labels.map((b) => perBucket.get(b) || 0), color: cssVar(`--series-${rank(method, REPORT_METHODS) + 1}`) })), money);

    // Occupancy: per class, plus all classes from the unsplit report. For all lots the average is exact (vehicles
    // inside on average over all the lots' slots); peaks of different lots need not coincide, so the peak shown is the
    // fullest lot's.
    const allLots = !occupancy.lotId;
    const level = (list, key, percentKey) => {
      const perBucket = new Map();
      for (const row of list) {
        if (row[key] === null || !row.slots) continue;
        const cell = perBucket.get(row.period) || { inside: 0, slots: 0, percent: null };
        cell.inside += row[key];
        cell.slots += row.slots;
        cell.percent = Math.max(cell.percent ?? 0, row[percentKey]);
        perBucket.set(row.period, cell);
      }
      return labels.map((b) => {
        const cell = perBucket.get(b);
        if (!cell) return null;
        return key === "peakInside" && allLots ? cell.percent : Math.round((1000 * cell.inside) / cell.slots) / 10;
      });
    };
    const byClass = (cls) => occupancy.rows.filter((r) => r.vehicleClass === cls);
    const classes = REPORT_CLASSES.filter((cls) => occupancy.lots.some((lot) => lot.classes[cls] > 0));
    const lines = (key, percentKey) => [
      { label: "All classes", data: level(byLot.rows, key, percentKey), color: cssVar("--fg"), width: 3 },
      ...classes.map((cls) => ({ label: cls, data: level(byClass(cls), key, percentKey), color: classColor(cls), width: 2 })),
    ].filter((line) => line.data.some((v) => v !== null));
    drawLines("occupancy-peak-chart", labels, lines("peakInside", "peakPercent"));
    drawLines("occupancy-average-chart", labels, lines("averageInside", "averagePercent"));
    $("#occupancy-peak-title").textContent = allLots ? "Peak occupancy (fullest lot)" : "Peak occupancy";

    renderReportSummary(currency, money);
  }

  function renderReportSummary(currency, money) {
    const { revenue, occupancy, byLot } = reports;
    const total = revenue.totals.find((t) => t.currency === currency);
    const peak = Math.max(-Infinity, ...byLot.rows.map((r) => r.peakPercent).filter((v) => v !== null));
    const items = [
      ["revenue", total ? money.format(total.amount) : money.format(0), "revenue"],
      // Paid above what was due, on purpose: part of the revenue, shown next to it only when there is some.
      ...(total && total.overpaid ? [["overpaid", money.format(total.overpaid), "of it overpaid"]] : []),
      ["payments", String(total ? total.payments : 0), "payments"],
      ["entries", String(occupancy.totals.entries), "entries"],
      ["exits", String(occupancy.totals.exits + occupancy.totals.forceClosed), "exits"],
      ["peak", Number.isFinite(peak) ? `${peak} %` : "–", "highest peak"],
    ];
    $("#report-summary").replaceChildren(...items.map(([key, value, text]) =>
      el("span", { className: "count", dataset: { kpi: key } }, el("b", { textContent: value }), text)));
  }

  // Known names first in their usual order, anything new after them.
  function ordered(series, known) {
    return [...series].sort(([a], [b]) => rank(a, known) - rank(b, known) || String(a).localeCompare(String(b)));
  }
  const rank = (name, known) => (known.includes(name) ? known.indexOf(name) : known.length);
  const REPORT_METHOD_NAMES = { VietQr: "VietQR", ManualTransfer: "Transfer" };
  const methodName = (method) => REPORT_METHOD_NAMES[method] || method || "other";
  const classColor = (cls) => cssVar(`--class-${String(cls).toLowerCase()}`) || cssVar("--accent");

  function lotCurrency() {
    const lot = state.lots.find((l) => l.lotId === $("#report-lot").value);
    return lot ? lot.currency : "";
  }

  function moneyFormat(currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: "currency", currency: currency || "XXX", maximumFractionDigits: currency === "VND" ? 0 : 2 });
    } catch {
      return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    }
  }

  // Day labels "2026-06-01" read as "06-01" (the year is in the form); hour labels "2026-06-01 14:00" as two lines,
  // the hour over the day, so that they need no rotation.
  const shortLabel = (label) => (label.length > 10 ? [label.slice(11), label.slice(5, 10)] : label.slice(5));

  function chartTheme() {
    return { text: cssVar("--fg"), muted: cssVar("--muted"), grid: cssVar("--line") };
  }

  function baseOptions(theme, y) {
    const narrow = matchMedia("(max-width: 480px)").matches;
    return {
      responsive: true, maintainAspectRatio: false, animation: false, normalized: true,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: {
          ticks: {
            color: theme.muted, maxRotation: 0, autoSkip: true, autoSkipPadding: 12, maxTicksLimit: narrow ? 5 : 9,
            callback(value) { return shortLabel(this.getLabelForValue(value)); },
          },
          grid: { color: theme.grid },
        },
        y,
      },
      plugins: {
        legend: { position: "bottom", labels: { color: theme.text, boxWidth: narrow ? 10 : 14, padding: narrow ? 8 : 10 } },
        tooltip: {},
      },
    };
  }

  function drawBars(id, labels, datasets, money) {
    const theme = chartTheme();
    const options = baseOptions(theme, {
      stacked: true, beginAtZero: true, grid: { color: theme.grid },
      ticks: { color: theme.muted, callback: (v) => compact(v) },
    });
    options.scales.x.stacked = true;
    options.plugins.tooltip.callbacks = { label: (ctx) => `${ctx.dataset.label}: ${money.format(ctx.parsed.y)}` };
    drawChart(id, "bar", labels, datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, maxBarThickness: 48 })), options);
  }

  function drawLines(id, labels, lines) {
    const theme = chartTheme();
    const top = Math.max(100, ...lines.flatMap((l) => l.data.filter((v) => v !== null)));
    const options = baseOptions(theme, {
      min: 0, max: Math.ceil(top / 10) * 10, grid: { color: theme.grid }, ticks: { color: theme.muted, callback: (v) => `${v} %` },
    });
    options.plugins.tooltip.callbacks = { label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y} %` };
    const points = labels.length > 60 ? 0 : 2;
    drawChart(id, "line", labels, lines.map((l) => ({
      label: l.label, data: l.data, borderColor: l.color, backgroundColor: l.color, borderWidth: l.width, pointRadius: points, spanGaps: false, tension: 0,
    })), options);
  }

  // Charts are redrawn from scratch (a few hundred points): simpler than patching, and it picks up the colours.
  function drawChart(id, type, labels, datasets, options) {
    const canvas = document.getElementById(id);
    reports.charts.get(id)?.destroy();
    reports.charts.set(id, new Chart(canvas, { type, data: { labels, datasets }, options }));
    // For tests and people alike: what is drawn, without reading pixels.
    canvas.dataset.group = reportGroup();
    canvas.dataset.series = String(datasets.length);
    canvas.dataset.points = String(datasets.reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0));
    canvas.dataset.nonzero = String(datasets.reduce((n, d) => n + d.data.filter((v) => v !== null && v !== 0).length, 0));
    canvas.dataset.buckets = String(labels.length);
    canvas.dataset.rendered = "true";
    const empty = canvas.closest(".card").querySelector(".empty");
    if (empty) empty.hidden = datasets.length > 0;
  }

  const compactFormat = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });
  const compact = (value) => compactFormat.format(value);

  window.enterReports = enterReports;
})();
