// Headless Chromium test of the dashboard (operator, reports, admin and driver tabs) (playwright-core + Debian's chromium; no browser download).
// Run by tests/WebApi.Tests/Browser/DashboardBrowserTests.cs against a real web host over a test cluster:
//   BASE_URL=http://127.0.0.1:PORT ADMIN_PASSWORD=... SCREENSHOT_DIR=... [CHROMIUM=/usr/bin/chromium] node dashboard.test.mjs
// Exit code 0 and a final "PASS" line when every step held; otherwise the failing step and a non-zero exit code.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const baseUrl = required("BASE_URL");
const adminPassword = required("ADMIN_PASSWORD");
const screenshots = required("SCREENSHOT_DIR");
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const lotId = "demo-berlin";
const entryGate = "ber-in";
const timeout = 15_000;

function required(name) {
  if (!process.env[name]) { console.error(`missing environment variable ${name}`); process.exit(2); }
  return process.env[name];
}

function step(text) { console.log(`step: ${text}`); }

mkdirSync(screenshots, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  headless: true,
  // Playwright adds --headless and a fresh temporary --user-data-dir itself.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  timeout: 30_000,
});
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const pageErrors = [];
  page.on("pageerror", (e) => { pageErrors.push(e.message); console.log(`page error: ${e.message}`); });
  page.on("response", (r) => { if (r.status() >= 400) console.log(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`); });
  page.on("console", (m) => { if (m.type() === "error") console.log(`browser console: ${m.text()}`); });

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

  step("entry through the API; the slot must turn occupied without a reload");
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
  console.log(`entry → DOM: ${latency.toFixed(1)} ms from the POST /api/gates/${entryGate}/entry call to slot ${slotId} ` +
    `shown Occupied (HTTP answer after ${(measured.answered - measured.started).toFixed(1)} ms)`);
  await page.screenshot({ path: path.join(screenshots, "dashboard-desktop.png"), fullPage: true });

  step("a cash payment towards the stay, so that today's revenue has a bar");
  const payment = await page.evaluate(async ({ lot, sessionId, token }) => {
    const response = await fetch(`/api/lots/${lot}/payments`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ eventId: `pw-pay-${crypto.randomUUID()}`, sessionIdOrTicket: sessionId, amount: 4.5, currency: "EUR", method: "Cash" }),
    });
    return { status: response.status, body: await response.text() };
  }, { lot: lotId, sessionId: measured.decision.sessionId, token });
  if (payment.status !== 200) throw new Error(`payment refused: ${payment.status} ${payment.body}`);

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

  step("reports: revenue chart");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.click("#tab-reports");
  await page.waitForSelector("#revenue-chart[data-rendered]");
  const chart = await page.evaluate(() => {
    const canvas = document.getElementById("revenue-chart");
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return { width: canvas.width, height: canvas.height, painted, bars: Number(canvas.dataset.rendered),
      status: document.getElementById("report-status").textContent };
  });
  console.log(`revenue chart: ${chart.width}x${chart.height} canvas, ${chart.painted} painted pixels, ${chart.bars} day(s) with revenue; status "${chart.status}"`);
  if (chart.width === 0 || chart.height === 0 || chart.painted === 0) throw new Error("the revenue chart canvas is empty");
  if (chart.status.startsWith("report unavailable")) throw new Error(`report request failed: ${chart.status}`);
  if (chart.bars < 1) throw new Error("the revenue chart has no bar although a payment was recorded today");
  await page.screenshot({ path: path.join(screenshots, "reports-desktop.png"), fullPage: true });

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

  if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join("; ")}`);
  console.log("PASS");
} catch (e) {
  failed = true;
  console.error(`FAIL: ${e.stack || e}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

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

function cssEscape(id) { return id.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`); }
