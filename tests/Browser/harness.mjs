// What the browser test scripts share: their settings from the environment, Debian's Chromium started the same way,
// and a page that reports its errors, failed requests and console errors to the run's log.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

export function required(name) {
  if (!process.env[name]) { console.error(`missing environment variable ${name}`); process.exit(2); }
  return process.env[name];
}

export const baseUrl = required("BASE_URL");
export const adminPassword = required("ADMIN_PASSWORD");
export const screenshots = required("SCREENSHOT_DIR");
export const lotId = "demo-berlin";
export const entryGate = "ber-in";
export const exitGate = "ber-out";
export const timeout = 15_000;

export function step(text) { console.log(`step: ${text}`); }

export function cssEscape(id) { return id.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`); }

export async function launchBrowser() {
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // Playwright adds --headless and a fresh temporary --user-data-dir itself.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
    timeout: 30_000,
  });
}

/** A desktop-sized light page; uncaught page errors are collected in pageErrors (the scripts fail on any). */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const pageErrors = [];
  page.on("pageerror", (e) => { pageErrors.push(e.message); console.log(`page error: ${e.message}`); });
  page.on("console", (m) => { if (m.type() === "error") console.log(`browser console: ${m.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) console.log(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`); });
  return { context, page, pageErrors };
}

/**
 * Runs one browser test script: Chromium, a fresh page, `body` with it; then "PASS" and exit code 0, or "FAIL" with
 * the error and exit code 1. An error the page threw fails the run too.
 */
export async function runBrowserTest(body) {
  const browser = await launchBrowser();
  let failed = false;
  try {
    const opened = await newPage(browser);
    await body(opened);
    if (opened.pageErrors.length) throw new Error(`page errors: ${opened.pageErrors.join("; ")}`);
    console.log("PASS");
  } catch (e) {
    failed = true;
    console.error(`FAIL: ${e.stack || e}`);
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}
