// Headless Chromium test of the dashboard (operator, reports, admin and driver tabs) (playwright-core + Debian's chromium; no browser download).
// Run by tests/WebApi.Tests/Browser/DashboardBrowserTests.cs against a real web host over a test cluster:
//   BASE_URL=http://127.0.0.1:PORT ADMIN_PASSWORD=... SCREENSHOT_DIR=... [CHROMIUM=/usr/bin/chromium] [LATENCY_EVENTS=80] node dashboard.test.mjs
// Exit code 0 and a final "PASS" line when every step held; otherwise the failing step and a non-zero exit code.
// The slot-change latency over many events is printed as a "LATENCY {json}" line for the xunit side to read.
import { readFileSync } from "node:fs";
import path from "node:path";
import { adminPassword, baseUrl, cssEscape, entryGate, exitGate, lotId, runBrowserTest, screenshots, step, timeout } from "./harness.mjs";

// Entries and exits, one at a time; half of them entries. demo-berlin has 16 car and 2 motorcycle slots.
const latencyEvents = Number(process.env.LATENCY_EVENTS || 80);

await runBrowserTest(async ({ context, page, pageErrors }) => {

  step("sign in as admin");
  await page.goto(`${baseUrl}/?lot=${lotId}`);
  await page.fill("#username", "admin");
  await page.fill("#password", adminPassword);
  await page.click("#login-button");
  await page.waitForSelector("#live-view:not([hidden])");
  await page.waitForSelector("#connection.online");

  step(`open ${lotId}`);
  await page.selectOption("#lot-select", lotId);
  await page.waitForSelector(`.gate[data-gate-id="${entryGate}"]`);
  await page.waitForSelector('.slot[data-status="Free"]');
  const token = await page.evaluate(() => sessionStorage.getItem("parkinggrains.token"));
  if (!token) throw new Error("no token in sessionStorage after sign-in");

  step("first entry through the API; the slot must turn occupied without a reload");
  // A marker on window: a reload would drop it. The observer stamps the first slot cell that turns Occupied,
  // on the page's clock, which also times the POST: entry call → DOM update, one clock.
  const measured = await page.evaluate(async ({ gate, token }) => {
    window.__noReload = true;
    const seen = new Map();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const cell = r.target;
        if (cell.dataset && cell.dataset.status === "Occupied" && !seen.has(cell.dataset.slotId)) seen.set(cell.dataset.slotId, performance.now());
      }
    });
    observer.observe(document.getElementById("floors"), { attributes: true, attributeFilter: ["data-status"], subtree: true });
    const plate = `B-PW ${Math.floor(1000 + Math.random() * 9000)}`;
    const started = performance.now();
    const response = await fetch(`/api/gates/${gate}/entry`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ eventId: `pw-${crypto.randomUUID()}`, plate, vehicleClass: "Car" }),
    });
    const answered = performance.now();
    const decision = await response.json();
    window.__observer = observer; window.__seen = seen;
    return { status: response.status, decision, started, answered, plate };
  }, { gate: entryGate, token });
  if (measured.status !== 200 || !measured.decision.allowed) throw new Error(`entry refused: ${JSON.stringify(measured)}`);
  const slotId = measured.decision.slot.slotId;
  await page.waitForSelector(`#slot-${cssEscape(slotId)}[data-status="Occupied"]`);
  const updatedAt = await page.evaluate((id) => window.__seen.get(id) ?? null, slotId);
  if (updatedAt === null) throw new Error(`slot ${slotId} is occupied but the observer never saw it change (rendered on load?)`);
  if (!(await page.evaluate(() => window.__noReload === true))) throw new Error("the page reloaded");
  await page.waitForSelector(`#sessions li[data-session-id="${measured.decision.sessionId}"]`);
  const latency = updatedAt - measured.started;
  // The first push of a fresh web host and page runs cold paths (JIT, first SignalR send): reported on its own.
  console.log(`first entry → DOM: ${latency.toFixed(1)} ms from the POST /api/gates/${entryGate}/entry call to slot ${slotId} ` +
    `shown Occupied (HTTP answer after ${(measured.answered - measured.started).toFixed(1)} ms)`);
  await page.screenshot({ path: path.join(screenshots, "dashboard-desktop.png"), fullPage: true });

  // The stay owes nothing yet (grace period): the payment says it pays more on purpose, or the lot refuses it.
  step("a cash payment towards the stay, so that today's revenue has a bar");
  const payment = await page.evaluate(async ({ lot, sessionId, token }) => {
    const response = await fetch(`/api/lots/${lot}/payments`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ eventId: `pw-pay-${crypto.randomUUID()}`, sessionIdOrTicket: sessionId, amount: 4.5, currency: "EUR", method: "Cash", overpayment: true }),
    });
    return { status: response.status, body: await response.text() };
  }, { lot: lotId, sessionId: measured.decision.sessionId, token });
  if (payment.status !== 200) throw new Error(`payment refused: ${payment.status} ${payment.body}`);

  step("a force-exit raises an alert that stays until an operator acknowledges it");
  const forced = await page.evaluate(async ({ lot, sessionId, token }) => {
    const eventId = `pw-force-${crypto.randomUUID()}`;
    const response = await fetch(`/api/lots/${lot}/sessions/${encodeURIComponent(sessionId)}/force-exit`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ eventId, reason: "browser test" }),
    });
    return { status: response.status, alertId: `force-exit:${eventId}` };
  }, { lot: lotId, sessionId: measured.decision.sessionId, token });
  if (forced.status !== 200) throw new Error(`force-exit refused: ${forced.status}`);
  const alertItem = `#alerts li[data-alert-id="${cssEscape(forced.alertId)}"]`;
  await page.waitForSelector(`${alertItem} .ack-alert`);
  await page.click(`${alertItem} .ack-alert`);
  await page.waitForSelector(alertItem, { state: "detached" });
  const open = await page.evaluate(async ({ lot, token }) =>
    (await (await fetch(`/api/lots/${lot}/alerts`, { headers: { Authorization: `Bearer ${token}` } })).json()).map((a) => a.alertId), { lot: lotId, token });
  if (open.includes(forced.alertId)) throw new Error("the acknowledged alert is still open");
  console.log(`alert ${forced.alertId}: shown live, acknowledged from the feed`);

  step("open a gate from its panel");
  await page.click(`.gate[data-gate-id="${entryGate}"] .open-gate`);
  await page.waitForSelector(`.gate[data-gate-id="${entryGate}"] .barrier[data-barrier="Open"]`);
  console.log(`gate ${entryGate}: barrier shows Open`);

  step("phone width, dark mode");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) throw new Error(`at 390 px the page is ${overflow} px wider than the screen`);
  await page.screenshot({ path: path.join(screenshots, "dashboard-phone-dark.png"), fullPage: true });

  step(`slot change → DOM over ${latencyEvents} entries and exits, one at a time`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  // One entry and one exit first: the exit path's first run on a fresh host is cold (JIT) like the first entry's.
  // They are printed, not counted.
  const warmup = await page.evaluate(measureSlotChanges, { entryGate, exitGate, token, lot: lotId, events: 2, timeoutMs: timeout });
  console.log(`warm-up (not in N): ${warmup.map((e) => `${e.kind} ${e.ms.toFixed(1)} ms (HTTP ${e.http.toFixed(1)} ms)`).join(", ")}`);
  const series = await page.evaluate(measureSlotChanges, { entryGate, exitGate, token, lot: lotId, events: latencyEvents, timeoutMs: timeout });
  const stats = summarize(series.map((e) => e.ms));
  const http = summarize(series.map((e) => e.http));
  const entries = series.filter((e) => e.kind === "entry");
  const slots = new Set(series.map((e) => e.slotId));
  console.log(`slot change → DOM over N=${stats.n} events (${entries.length} entries, ${stats.n - entries.length} exits over ${slots.size} slots), ` +
    `one at a time: p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms, mean ${stats.mean.toFixed(1)} ms ` +
    `(HTTP answer p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms)`);
  console.log(`LATENCY ${JSON.stringify({ n: stats.n, entries: entries.length, slots: slots.size, p50: round(stats.p50), p99: round(stats.p99),
    max: round(stats.max), mean: round(stats.mean), httpP50: round(http.p50), httpP99: round(http.p99), first: round(latency),
    warmupExit: round(warmup[1].ms) })}`);
  const slowest = series.map((e, i) => ({ ...e, i })).sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`slowest: ${slowest.map((e) => `#${e.i} ${e.kind} ${e.ms.toFixed(1)} ms (HTTP ${e.http.toFixed(1)} ms)`).join(", ")}`);
  if (stats.n !== latencyEvents) throw new Error(`measured ${stats.n} of ${latencyEvents} events`);
  if (!(await page.evaluate(() => window.__noReload === true))) throw new Error("the page reloaded during the series");

  step("reports: revenue by class and by method, peak and average occupancy, per day");
  await page.click("#tab-reports");
  const daily = await reportCharts(page, "day");
  console.log(`reports per day: ${describe(daily)}`);
  for (const id of ["revenue-class-chart", "revenue-method-chart", "occupancy-peak-chart", "occupancy-average-chart"]) {
    const chart = daily[id];
    if (chart.width === 0 || chart.height === 0 || chart.painted === 0) throw new Error(`${id}: the canvas is empty`);
    if (!(chart.points > 0)) throw new Error(`${id}: no data points`);
    // Today's revenue and peak are not zero; today's average may round to 0.0 % (a few cars for seconds of a day).
    if (id !== "occupancy-average-chart" && !(chart.nonzero > 0)) throw new Error(`${id}: only zeros although there were payments and stays today`);
  }
  if (daily["revenue-method-chart"].series < 3) throw new Error(`revenue by method shows ${daily["revenue-method-chart"].series} methods; cash, card and VietQR were paid`);
  if (daily["revenue-class-chart"].series < 2) throw new Error(`revenue by class shows ${daily["revenue-class-chart"].series} classes; cars and motorcycles paid`);
  const status = await page.textContent("#report-status");
  if (/unavailable|failed/.test(status)) throw new Error(`report request failed: ${status}`);
  const kpi = await page.textContent('#report-summary [data-kpi="revenue"] b');
  console.log(`reports: status "${status}", revenue ${kpi}`);
  await page.screenshot({ path: path.join(screenshots, "reports-desktop.png"), fullPage: true });

  step("reports: switch to per hour and back");
  await page.click('#report-group label:has(input[value="hour"])');
  const hourly = await reportCharts(page, "hour");
  console.log(`reports per hour: ${describe(hourly)}`);
  if (hourly["occupancy-peak-chart"].buckets !== daily["occupancy-peak-chart"].buckets * 24) {
    throw new Error(`per hour shows ${hourly["occupancy-peak-chart"].buckets} buckets for ${daily["occupancy-peak-chart"].buckets} days`);
  }
  if (!(hourly["revenue-class-chart"].nonzero > 0 && hourly["occupancy-peak-chart"].nonzero > 0 && hourly["occupancy-average-chart"].points > 0)) {
    throw new Error("the hourly charts are empty");
  }
  await page.screenshot({ path: path.join(screenshots, "reports-desktop-hour.png"), fullPage: true });
  await page.click('#report-group label:has(input[value="day"])');
  await reportCharts(page, "day");

  step("reports: all lots");
  await page.selectOption("#report-lot", "");
  await page.waitForFunction(() => document.getElementById("report-status").textContent.startsWith("All lots"));
  const all = await reportCharts(page, "day");
  if (!(all["occupancy-peak-chart"].nonzero > 0 && all["revenue-class-chart"].nonzero > 0)) throw new Error("all lots: no revenue or occupancy");
  console.log(`reports for all lots: ${describe(all)}; "${await page.textContent("#report-status")}"`);
  await page.selectOption("#report-lot", lotId);
  await page.waitForFunction((lot) => document.getElementById("report-status").textContent.includes(`(${lot})`), lotId);

  step("reports: download the same reports as CSV, HTML and PDF");
  for (const [report, format, check] of [
    ["revenue", "csv", (text) => text.startsWith("Period,Vehicle class,Payment method") || text.startsWith("\uFEFFPeriod,Vehicle class,Payment method")],
    ["occupancy", "html", (text) => text.includes("<table") && text.includes("Peak inside")],
    ["revenue", "pdf", (text) => text.startsWith("%PDF")],
  ]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`#report-downloads a[data-report="${report}"][data-format="${format}"]`),
    ]);
    const file = await download.path();
    const text = readFileSync(file, format === "pdf" ? "latin1" : "utf8");
    if (!download.suggestedFilename().endsWith(`.${format}`) || !check(text)) {
      throw new Error(`${report} ${format}: got ${download.suggestedFilename()} starting ${JSON.stringify(text.slice(0, 60))}`);
    }
    console.log(`download ${report} ${format}: ${download.suggestedFilename()}, ${text.length} bytes`);
  }

  step("reports: phone width, dark mode");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  // The charts redraw in the dark palette: their legend text takes the dark foreground.
  await page.waitForFunction(() => {
    const chart = Chart.getChart("occupancy-peak-chart");
    return chart && chart.options.plugins.legend.labels.color === getComputedStyle(document.documentElement).getPropertyValue("--fg").trim();
  });
  const phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (phoneOverflow > 1) throw new Error(`reports at 390 px are ${phoneOverflow} px wider than the screen`);
  const phone = await reportCharts(page, "day");
  if (phone["revenue-class-chart"].width > 390 * 2 || phone["revenue-class-chart"].painted === 0) throw new Error("reports do not fit the phone");
  await page.screenshot({ path: path.join(screenshots, "reports-phone-dark.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });

  step("admin: create a driver user through the API");
  const driverName = `driver-${Math.floor(100000 + Math.random() * 900000)}`;
  const driverPassword = `pw-${crypto.randomUUID()}`;
  const created = await page.evaluate(async ({ username, password, token }) => {
    const response = await fetch("/api/users", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ username, password, roles: ["driver"] }),
    });
    return { status: response.status, body: await response.text() };
  }, { username: driverName, password: driverPassword, token });
  if (created.status !== 201) throw new Error(`creating ${driverName} failed: ${created.status} ${created.body}`);

  step("admin tab: users list with the new driver, lots with slot counts, today's audit");
  if (await page.isHidden("#tab-admin")) throw new Error("the Admin tab is hidden for admin");
  await page.click("#tab-admin");
  await page.waitForSelector(`#users li[data-username="${driverName}"]`);
  const driverRoles = await page.textContent(`#users li[data-username="${driverName}"] .roles`);
  if (driverRoles.trim() !== "driver") throw new Error(`${driverName} is listed with roles "${driverRoles}"`);
  const lotSlots = Number(await (await page.waitForSelector(`#admin-lots li[data-lot-id="${lotId}"]`)).getAttribute("data-slots"));
  if (!(lotSlots > 0)) throw new Error(`${lotId} is listed with ${lotSlots} slots`);
  await page.waitForSelector('#audit li[data-action="user.create"]');
  console.log(`admin tab: ${await page.locator("#users li").count()} users incl. ${driverName}, ${lotId} with ${lotSlots} slots, ` +
    `${await page.locator("#audit li").count()} audit entries today`);
  await page.screenshot({ path: path.join(screenshots, "admin-desktop.png"), fullPage: true });
  await phoneDark(page, "admin-phone-dark.png");

  step(`sign out; sign in as ${driverName}`);
  await page.click("#logout");
  await page.waitForSelector("#login-view:not([hidden])");
  await page.fill("#username", driverName);
  await page.fill("#password", driverPassword);
  await page.click("#login-button");
  await page.waitForSelector("#driver-view:not([hidden])");
  for (const tab of ["#tab-admin", "#tab-live", "#tab-reports"]) {
    if (await page.isVisible(tab)) throw new Error(`${tab} is visible to a driver`);
  }

  step("driver: free counts per class");
  const freeCars = Number(await page.textContent(`.driver-lot[data-lot-id="${lotId}"] .count[data-class="Car"] b`));
  if (!Number.isInteger(freeCars) || freeCars < 1) throw new Error(`${lotId} shows "${freeCars}" free cars`);
  console.log(`driver tab: ${lotId} shows ${freeCars} free Car slots`);

  step("driver: reserve a car slot");
  await page.selectOption("#reserve-lot", lotId);
  await page.selectOption("#reserve-class", "Car");
  await page.fill("#reserve-plate", `B-RS ${Math.floor(1000 + Math.random() * 9000)}`);
  await page.click("#reserve-button");
  const reservationId = await (await page.waitForSelector("#reserve-result[data-reservation-id]")).getAttribute("data-reservation-id");
  if (!reservationId || !(await page.textContent("#reserve-result")).includes(reservationId)) throw new Error("no reservation id shown");
  console.log(`driver tab: reservation ${reservationId}`);

  step("driver: a refused reservation shows the reason");
  await page.fill("#reserve-to", await page.inputValue("#reserve-from"));
  await page.click("#reserve-button");
  await page.waitForSelector("#reserve-result.error");
  console.log(`driver tab: refusal shown as "${await page.textContent("#reserve-result")}"`);

  step("driver: pay by VietQR");
  await page.fill("#qr-bin", "970436");
  await page.fill("#qr-account", "0011001932418");
  await page.fill("#qr-amount", "25000");
  await page.fill("#qr-purpose", "PARKING B-RS");
  await page.click("#qr-button");
  await page.waitForFunction(() => { const img = document.getElementById("qr-image"); return img.complete && img.naturalWidth > 0 && !document.getElementById("qr-result").hidden; });
  const qr = await page.evaluate(() => ({ width: document.getElementById("qr-image").naturalWidth, payload: document.getElementById("qr-payload").textContent }));
  if (!qr.payload.startsWith("000201") || !qr.payload.includes("A000000727") || !qr.payload.includes("970436")) throw new Error(`unexpected VietQR payload ${qr.payload}`);
  console.log(`driver tab: VietQR PNG ${qr.width} px wide, payload ${qr.payload.length} chars`);
  await page.screenshot({ path: path.join(screenshots, "driver-desktop.png"), fullPage: true });
  await phoneDark(page, "driver-phone-dark.png");

});

// Phone width in dark mode: no sideways scrolling; a screenshot; then back to the desktop in light mode.
async function phoneDark(page, file) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) throw new Error(`${file}: at 390 px the page is ${overflow} px wider than the screen`);
  await page.screenshot({ path: path.join(screenshots, file), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}


// Nearest-rank percentiles over the samples (ms).
function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1], mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

function round(ms) { return Math.round(ms * 10) / 10; }

// Waits until the four report charts show the grouping, and reads what each drew: its data attributes and the
// number of painted pixels of its canvas.
async function reportCharts(page, group) {
  await page.waitForFunction((g) => !document.getElementById("reports-view").hasAttribute("aria-busy") &&
    [...document.querySelectorAll("#reports-view canvas")].every((c) => c.dataset.rendered && c.dataset.group === g), group);
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#reports-view canvas")].map((canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return [canvas.id, { width: canvas.width, height: canvas.height, painted, series: Number(canvas.dataset.series),
      points: Number(canvas.dataset.points), nonzero: Number(canvas.dataset.nonzero), buckets: Number(canvas.dataset.buckets) }];
  })));
}

function describe(charts) {
  return Object.entries(charts).map(([id, c]) => `${id.replace("-chart", "")} ${c.series} series/${c.nonzero} non-zero of ${c.points} points/${c.buckets} buckets`).join(", ");
}

// Runs in the page: entries and exits one at a time through the REST API (the page's own fetch), each timed on
// the page's clock from just before the call to the MutationObserver callback that sees the slot cell change,
// i.e. the dashboard's SignalR handler has rewritten the DOM. A few stays are paid by card or VietQR (outside
// the timed window) so that the reports have several methods and classes.
async function measureSlotChanges({ entryGate, exitGate, token, lot, events, timeoutMs }) {
  const changes = [];
  const listeners = new Set();
  const observer = new MutationObserver((records) => {
    const at = performance.now();
    for (const r of records) {
      if (r.target.dataset && r.target.dataset.slotId) changes.push({ slotId: r.target.dataset.slotId, status: r.target.dataset.status, at });
    }
    for (const listener of [...listeners]) listener();
  });
  observer.observe(document.getElementById("floors"), { attributes: true, attributeFilter: ["data-status"], subtree: true });
  const waitFor = (predicate, what) => new Promise((resolve, reject) => {
    const check = () => {
      const hit = changes.find(predicate);
      if (!hit) return;
      clearTimeout(timer);
      listeners.delete(check);
      resolve(hit);
    };
    const timer = setTimeout(() => { listeners.delete(check); reject(new Error(`no DOM change within ${timeoutMs} ms: ${what}`)); }, timeoutMs);
    listeners.add(check);
    check();
  });
  const post = async (url, body) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ eventId: `lat-${crypto.randomUUID()}`, ...body }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${url}: ${response.status} ${text}`);
    return JSON.parse(text);
  };

  const results = [];
  const inside = [];
  const keepInside = 6;
  const exit = async () => {
    const stay = inside.shift();
    const started = performance.now();
    const decision = await post(`/api/gates/${exitGate}/exit`, { ticket: stay.ticket });
    const answered = performance.now();
    if (!decision.open) throw new Error(`exit of ${stay.ticket} refused: ${JSON.stringify(decision)}`);
    const seen = await waitFor((c) => c.slotId === stay.slotId && c.status === "Free" && c.at >= started, `slot ${stay.slotId} Free`);
    results.push({ kind: "exit", slotId: stay.slotId, ms: seen.at - started, http: answered - started });
  };
  try {
    // Up to keepInside of ours inside at once, so entries and exits alternate in runs and round-robin allocation
    // spreads them over the slots; the last ones all leave again.
    for (let i = 0; results.length < events;) {
      if (inside.length > 0 && (inside.length >= keepInside || results.length + inside.length >= events)) {
        await exit();
        continue;
      }
      i++;
      const vehicleClass = i % 7 === 3 ? "Motorcycle" : "Car";
      const started = performance.now();
      const decision = await post(`/api/gates/${entryGate}/entry`, { plate: `B-LT ${1000 + i}-${Math.floor(Math.random() * 900 + 100)}`, vehicleClass });
      const answered = performance.now();
      if (!decision.allowed) throw new Error(`entry ${i} refused: ${JSON.stringify(decision)}`);
      const slotId = decision.slot.slotId;
      const seen = await waitFor((c) => c.slotId === slotId && c.status === "Occupied" && c.at >= started, `slot ${slotId} Occupied`);
      results.push({ kind: "entry", slotId, ms: seen.at - started, http: answered - started });
      inside.push({ ticket: decision.ticket, slotId });
      if (i % 5 === 2) {
        const method = vehicleClass === "Motorcycle" || i % 10 === 2 ? "VietQr" : "Card";
        await fetch(`/api/lots/${lot}/payments`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify({ eventId: `lat-pay-${crypto.randomUUID()}`, sessionIdOrTicket: decision.sessionId, amount: 1.5, currency: "EUR", method, overpayment: true }), // nothing is due yet: said so
        }).then((r) => { if (!r.ok) throw new Error(`payment ${method}: ${r.status}`); });
      }
    }
  } finally {
    observer.disconnect();
  }
  return results;
}
