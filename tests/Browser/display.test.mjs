// Headless Chromium test of what the dashboard shows when data is missing or hostile, run by
// tests/WebApi.Tests/Browser/DisplayBrowserTests.cs:
//   BASE_URL=... ADMIN_PASSWORD=... SCREENSHOT_DIR=... node display.test.mjs
// 1. A lot whose load fails shows the failure with a retry, and the live pill is not green; the retry loads it.
// 2. Only the vehicle classes a lot has are counted (demo-berlin: cars and motorcycles, no vans or buses).
// 3. A lot created through the admin API with very long names, numbers and ids (and, where the API still accepts them,
//    a right-to-left override and markup) never makes a page wider than the screen, on the Live, Admin, Driver and
//    Reports tabs, at desktop and phone widths, light and dark; its text is shown as text, isolated.
// Exit code 0 and a final "PASS" line when every step held.
import path from "node:path";
import { adminPassword, baseUrl, lotId, runBrowserTest, screenshots, step } from "./harness.mjs";

await runBrowserTest(async ({ page, pageErrors }) => {

  step("sign in as admin");
  await page.goto(`${baseUrl}/?lot=${lotId}`);
  await page.fill("#username", "admin");
  await page.fill("#password", adminPassword);
  await page.click("#login-button");
  await page.waitForSelector("#connection.online");
  await page.waitForSelector('.slot[data-status="Free"]');
  const token = await page.evaluate(() => sessionStorage.getItem("parkinggrains.token"));

  step("only the classes the lot has");
  const classes = await page.$$eval("#counts .count", (counts) => counts.map((c) => c.dataset.class));
  if (classes.includes("Van") || classes.includes("Bus") || !classes.includes("Car")) throw new Error(`${lotId} counts ${classes.join(", ")}`);
  console.log(`${lotId} counts: ${classes.join(", ")}`);

  step("a lot whose load fails: an error with a retry, and the pill is not green");
  const other = await page.$$eval("#lot-select option", (options, current) => options.map((o) => o.value).find((v) => v !== current), lotId);
  const failing = `**/api/lots/${other}/slots`;
  await page.route(failing, (route) => route.fulfill({ status: 503, contentType: "application/problem+json", body: JSON.stringify({ title: "Service unavailable", status: 503 }) }));
  await page.selectOption("#lot-select", other);
  await page.waitForSelector("#live-error:not([hidden])");
  const failedState = await page.evaluate(() => ({
    pill: document.getElementById("connection").className,
    text: document.getElementById("connection").textContent,
    slots: document.querySelectorAll("#floors .slot").length,
    error: document.getElementById("live-error").textContent,
  }));
  if (failedState.pill.includes("online")) throw new Error(`the pill is green after a failed load: ${JSON.stringify(failedState)}`);
  if (failedState.slots !== 0) throw new Error(`${failedState.slots} slots of the previous lot are still shown under another lot's name`);
  if (!/503/.test(failedState.error)) throw new Error(`the error does not say what failed: ${failedState.error}`);
  console.log(`failed load: pill "${failedState.text}" (${failedState.pill}), "${failedState.error.trim()}"`);
  await shots(page, "live-load-failed");
  await page.unroute(failing);
  await page.click("#live-retry");
  await page.waitForSelector("#connection.online");
  await page.waitForSelector("#live-error", { state: "hidden" });
  if (!(await page.$$eval("#floors .slot", (s) => s.length))) throw new Error("the retry did not load the slots");

  step("a lot with very long names through the admin API");
  const created = await createLongLot(page, token);
  console.log(`created ${created.lotId} with variant "${created.variant}": name ${created.name.length} chars, floor name ${created.floorName.length}, ` +
    `slot number ${created.number.length}`);

  step("live tab");
  await page.reload();
  await page.waitForSelector("#connection.online");
  await page.selectOption("#lot-select", created.lotId);
  await page.waitForSelector(`#lot-summary bdi`);
  await page.waitForFunction((id) => document.querySelectorAll("#floors .slot").length > 0 &&
    [...document.querySelectorAll("#floors .slot")].every((s) => s.dataset.slotId.startsWith(id.slice(0, 4))), created.lotId);
  await page.waitForSelector("#connection.online");
  const isolation = await page.evaluate(() => {
    const bdi = document.querySelector("#lot-summary bdi");
    return { bidi: getComputedStyle(bdi).unicodeBidi, title: bdi.title.length, after: document.getElementById("lot-summary").lastChild.textContent };
  });
  if (isolation.bidi !== "isolate" || !/inside$/.test(isolation.after)) throw new Error(`the lot name is not isolated from its neighbours: ${JSON.stringify(isolation)}`);
  await shots(page, "long-text-live");

  step("admin tab: lots list and the lot editor");
  await page.click("#tab-admin");
  await page.click(`#admin-lots li[data-lot-id="${created.lotId}"] .edit-lot`);
  await page.waitForSelector(`#lot-editor[data-lot-id="${created.lotId}"]`);
  await shots(page, "long-text-admin");

  step("driver tab");
  await page.click("#tab-driver");
  await page.waitForSelector(`.driver-lot[data-lot-id="${created.lotId}"]`);
  await shots(page, "long-text-driver");

  step("reports tab");
  await page.click("#tab-reports");
  await page.selectOption("#report-lot", created.lotId);
  await page.waitForFunction((id) => document.getElementById("report-status").textContent.includes(`(${id})`), created.lotId);
  await shots(page, "long-text-reports");

  const injected = await page.evaluate(() => window.__pwned === true || document.querySelectorAll("img[src='x']").length > 0);
  if (injected) throw new Error("markup from a name was run as HTML");
});

// Desktop and phone, light and dark: the page never scrolls sideways; a screenshot of each.
async function shots(page, name) {
  for (const [width, height, device] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
    for (const scheme of ["light", "dark"]) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      // Charts follow the new width a frame or two later (ResizeObserver): give the layout up to 3 s to settle.
      await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 }).catch(() => {});
      const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      const file = `${name}-${device}${scheme === "dark" ? "-dark" : ""}.png`;
      if (size.scroll > size.viewport) {
        // The elements sticking out whose children do not: where the width comes from.
        const culprits = await page.evaluate(() => [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
          .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${[...e.classList].join(".")} right ${Math.round(e.getBoundingClientRect().right)}`));
        throw new Error(`${file}: the page is ${size.scroll} px wide on a ${size.viewport} px screen; sticking out: ${culprits.join(", ")}`);
      }
      await page.screenshot({ path: path.join(screenshots, file), fullPage: true });
      console.log(`${file}: ${size.scroll} px of ${size.viewport} px`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

// The most hostile lot the API accepts: input limits may refuse the longest names or control characters (they are
// for new data; old data can still hold them), so the variants go from worst to merely long. Each is tried in turn.
async function createLongLot(page, token) {
  const long = (prefix, n) => `${prefix}${"Ｗ-Parkhaus_Nord".repeat(Math.ceil(n / 15))}`.slice(0, n);
  const variants = [
    { variant: "5,000 characters, U+202E and markup", name: `\u202E${long("<img src=x onerror=\"window.__pwned=true\">", 5000)}`, floorName: `\u202E${long("Floor ", 5000)}`, number: long("N", 5000), level: -2147483648 },
    { variant: "5,000 characters", name: long("Lot ", 5000), floorName: long("Floor ", 5000), number: long("N", 5000), level: -2147483648 },
    { variant: "200 characters", name: long("Lot ", 200), floorName: long("Floor ", 200), number: long("N", 200), level: -5 },
    { variant: "100 characters", name: long("Lot ", 100), floorName: long("Floor ", 100), number: long("N", 20), level: -2 },
    { variant: "80 characters (the layout limit)", name: long("Lot ", 80), floorName: long("Floor ", 80), number: long("N", 80), level: -20 },
  ];
  const suffix = Math.floor(100000 + Math.random() * 900000);
  const lotId = `long-${"x".repeat(40)}-${suffix}`;
  const floorId = `F${"f".repeat(40)}`;
  const answers = [];
  for (const v of variants) {
    const layout = {
      lotId, name: v.name, timeZoneId: "Europe/Berlin", currency: "EUR",
      floors: [{ floorId, name: v.floorName, level: v.level }],
      gates: [{ gateId: `${lotId}-in`, name: "Entry", direction: "In", lane: 1 }, { gateId: `${lotId}-out`, name: "Exit", direction: "Out", lane: 2 }],
      slots: [1, 2, 3].map((i) => ({
        slotId: `${lotId.slice(0, 50)}-s${i}`, floorId, number: `${i}${v.number}`.slice(0, v.number.length), size: "Car", ev: false, accessible: false,
        gateDistances: { [`${lotId}-in`]: 10 * i, [`${lotId}-out`]: 10 * i },
      })),
      settings: { allocationStrategy: "BestFitNearest", overflowRules: [], plateAlreadyInside: "Deny" },
    };
    const tariff = { currency: "EUR", rates: [{ vehicleClass: "Car", gracePeriod: "00:10:00", firstPeriod: "01:00:00", firstPeriodPrice: 2, laterPeriod: "01:00:00", laterPeriodPrice: 2 }] };
    const answer = await page.evaluate(async ({ body, token }) => {
      const response = await fetch("/api/lots", { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      return { status: response.status, text: (await response.text()).slice(0, 300) };
    }, { body: { layout, tariff }, token });
    answers.push(`${v.variant}: ${answer.status} ${answer.text}`);
    if (answer.status === 201 || answer.status === 200) return { lotId, ...v };
    if (answer.status !== 400 && answer.status !== 422) break;
  }
  throw new Error(`no variant of the long lot was accepted:\n${answers.join("\n")}`);
}
