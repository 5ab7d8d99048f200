// Headless Chromium test of the dashboard's session handling, run by tests/WebApi.Tests/Browser/SessionBrowserTests.cs
// against a web host whose access tokens live TOKEN_SECONDS (Auth:AccessTokenMinutes set to a fraction):
//   BASE_URL=... ADMIN_PASSWORD=... SCREENSHOT_DIR=... TOKEN_SECONDS=15 node session.test.mjs
// 1. The page renews its access token before it expires, without a 401 and without a reload; after the first token's
//    expiry (when the server closes the live connection it opened with) the live pill is green again and a slot change
//    still arrives live, over a connection opened with the new token.
// 2. When the session is ended on the server (logout elsewhere), the next renewal is refused and the page says so and
//    shows the sign-in form: no tokens left to retry with, no live connection retrying.
// Exit code 0 and a final "PASS" line when every step held.
import path from "node:path";
import { adminPassword, baseUrl, cssEscape, entryGate, lotId, required, runBrowserTest, screenshots, step } from "./harness.mjs";

const tokenSeconds = Number(required("TOKEN_SECONDS"));
await runBrowserTest(async ({ page, pageErrors }) => {
  page.setDefaultTimeout(tokenSeconds * 3 * 1000);
  const refreshes = [];
  const unauthorized = [];
  page.on("response", (r) => {
    if (r.url().endsWith("/api/auth/refresh")) refreshes.push({ status: r.status(), at: Date.now() });
    else if (r.status() === 401) unauthorized.push(`${r.request().method()} ${r.url()}`);
  });

  step(`sign in as admin (access tokens live ${tokenSeconds} s)`);
  await page.goto(`${baseUrl}/?lot=${lotId}`);
  await page.fill("#username", "admin");
  await page.fill("#password", adminPassword);
  await page.click("#login-button");
  await page.waitForSelector("#connection.online");
  await page.waitForSelector('.slot[data-status="Free"]');
  const first = await page.evaluate(() => ({
    token: sessionStorage.getItem("parkinggrains.token"),
    expires: Number(sessionStorage.getItem("parkinggrains.expires")),
    now: Date.now(),
  }));
  const lifetime = (first.expires - first.now) / 1000;
  if (!(lifetime > tokenSeconds - 5 && lifetime <= tokenSeconds + 1)) throw new Error(`the page thinks its token lives ${lifetime} s, not about ${tokenSeconds} s`);
  await page.evaluate(() => { window.__noReload = true; });

  step("the token is renewed before it expires");
  await page.waitForFunction((old) => sessionStorage.getItem("parkinggrains.token") !== old, first.token);
  const renewedAt = Date.now();
  const ok = refreshes.filter((r) => r.status === 200);
  if (ok.length < 1) throw new Error(`no successful refresh: ${JSON.stringify(refreshes)}`);
  // Timers are compared on one clock (the page's and node's agree on this machine within ms); a margin of 1 s.
  const before = (first.expires - renewedAt) / 1000;
  if (!(before > 1)) throw new Error(`renewed only ${before.toFixed(1)} s before the old token expired`);
  console.log(`renewed ${before.toFixed(1)} s before the first token expired (refreshes: ${refreshes.map((r) => r.status).join(", ")})`);

  step("past the first token's expiry: the live connection is back on the new token and still delivers");
  await page.waitForFunction((expires) => Date.now() > expires + 2000, first.expires);
  await page.waitForSelector("#connection.online");
  const current = await page.evaluate(() => sessionStorage.getItem("parkinggrains.token"));
  const entry = await page.evaluate(async ({ gate, token }) => {
    const response = await fetch(`/api/gates/${gate}/entry`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ eventId: `ss-${crypto.randomUUID()}`, plate: `B-SS ${Math.floor(1000 + Math.random() * 9000)}`, vehicleClass: "Car" }),
    });
    return { status: response.status, body: await response.json() };
  }, { gate: entryGate, token: current });
  if (entry.status !== 200 || !entry.body.allowed) throw new Error(`entry refused: ${JSON.stringify(entry)}`);
  await page.waitForSelector(`#slot-${cssEscape(entry.body.slot.slotId)}[data-status="Occupied"]`);
  if (!(await page.evaluate(() => window.__noReload === true))) throw new Error("the page reloaded");
  if (unauthorized.length) throw new Error(`requests were refused while the session was live: ${unauthorized.join("; ")}`);
  console.log(`slot ${entry.body.slot.slotId} turned Occupied live after the renewal; ${refreshes.length} refresh(es), no 401`);
  await page.screenshot({ path: path.join(screenshots, "session-renewed-desktop.png"), fullPage: true });

  step("the session is ended on the server: the page says so and asks to sign in");
  const logout = await page.evaluate(async (token) => (await fetch("/api/auth/logout", { method: "POST", headers: { Authorization: `Bearer ${token}` } })).status,
    await page.evaluate(() => sessionStorage.getItem("parkinggrains.token")));
  if (logout !== 204) throw new Error(`logout answered ${logout}`);
  const refusedFrom = refreshes.length;
  await page.waitForSelector("#login-view:not([hidden])");
  const message = await page.textContent("#login-error");
  if (!/session has ended/.test(message) || !/[Ss]ign in again/.test(message)) throw new Error(`the sign-in form says "${message}"`);
  if (!refreshes.slice(refusedFrom).some((r) => r.status === 401)) throw new Error("the sign-in form appeared without a refused refresh");
  const after = await page.evaluate(() => ({
    refresh: sessionStorage.getItem("parkinggrains.refresh"),
    token: sessionStorage.getItem("parkinggrains.token"),
    liveHidden: document.getElementById("live-view").hidden,
    pillHidden: document.getElementById("connection").hidden,
  }));
  if (after.refresh !== null || after.token !== null) throw new Error("tokens are still kept after the session ended (something could retry with them)");
  if (!after.liveHidden || !after.pillHidden) throw new Error("the live view or its pill is still shown after the session ended");
  console.log(`sign-in form: "${message}"`);
  await page.screenshot({ path: path.join(screenshots, "session-ended-desktop.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(screenshots, "session-ended-desktop-dark.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(screenshots, "session-ended-phone-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: path.join(screenshots, "session-ended-phone.png"), fullPage: true });

  step("signing in again works");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.fill("#username", "admin");
  await page.fill("#password", adminPassword);
  await page.click("#login-button");
  await page.waitForSelector("#connection.online");

});
