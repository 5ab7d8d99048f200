// Headless Chromium test of the lane UI (the security room's page, served by the gate agent), run by
// tests/GateAgent.Tests/LaneUi/LaneUiBrowserTests.cs against a lane without a cluster (it decides offline) that has
// already decided one confident read (51F-123.45) and holds one low-confidence read (51F-128.45) for the operator:
//   BASE_URL=... ADMIN_PASSWORD=<the lane password> SCREENSHOT_DIR=... node lane.test.mjs
// 1. Sign-in: a missing name and a wrong password are shown as such; then signed in.
// 2. The camera frame with the plate box drawn on it, the read and its confidence, and the decision.
// 3. The pending read: an empty plate is refused beside its field; a corrected plate is confirmed and decided.
// 4. Manual open: a missing reason is refused beside its field; with a reason the barrier opens (recorded at the lane).
// 5. A card tap is decided.
// 6. Screenshots at desktop and phone widths, light and dark; the phone page is never wider than the screen.
// Exit code 0 and a final "PASS" line when every step held.
import path from "node:path";
import { adminPassword as lanePassword, baseUrl, runBrowserTest, screenshots, step } from "./harness.mjs";

await runBrowserTest(async ({ page }) => {
  step("sign in: problems are shown where they belong");
  await page.goto(baseUrl);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForSelector('#login-name-error:text("Required.")');
  if ((await page.getAttribute("#login-name", "aria-invalid")) !== "true") throw new Error("the name field is not marked invalid");
  await page.getByLabel("Your name").fill("ann");
  await page.getByLabel("Lane password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForSelector('#login-error:text("Wrong password.")');
  await page.getByLabel("Lane password").fill(lanePassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForSelector("#lane-view:not([hidden])");

  step("the frame with the plate box, the read and the decision");
  await page.waitForSelector('#frame[data-empty="false"]');
  await page.waitForSelector("#frame-box:not([hidden])");
  const box = await page.$eval("#frame-box", (b) => ({ w: b.getBoundingClientRect().width, h: b.getBoundingClientRect().height }));
  if (!(box.w > 20 && box.h > 5)) throw new Error(`the plate box is not drawn: ${JSON.stringify(box)}`);
  await page.waitForSelector('#decision[data-open="true"]');
  const decision = await page.textContent("#decision");
  if (!decision.includes("51F-123.45")) throw new Error(`decision shows "${decision}"`);
  console.log(`decision: ${decision}; read: ${await page.textContent("#read-plate")} ${await page.textContent("#read-confidence")}`);

  step("screenshots with a pending read: desktop light and dark");
  await page.waitForSelector("#pending li");
  await page.waitForSelector('#pending li .frame[data-empty="false"]');
  await page.screenshot({ path: path.join(screenshots, "lane-desktop-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(screenshots, "lane-desktop-dark.png"), fullPage: true });

  step("phone width, light and dark: big buttons, nothing wider than the screen");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    if (widths.page > widths.screen) throw new Error(`the phone page is ${widths.page} px wide on a ${widths.screen} px screen`);
    const open = await page.getByRole("button", { name: "Open barrier" }).boundingBox();
    if (open.height < 44) throw new Error(`the Open button is ${open.height} px high on a phone`);
    await page.screenshot({ path: path.join(screenshots, `lane-phone-${scheme}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });

  step("confirm the low-confidence read: an empty plate is refused, a corrected one is decided");
  const pending = page.locator("#pending li").first();
  const plate = pending.getByRole("textbox");
  if ((await plate.inputValue()) !== "51F-128.45") throw new Error(`the pending read shows "${await plate.inputValue()}"`);
  await plate.fill("");
  await pending.getByRole("button", { name: "Confirm" }).click();
  await pending.locator('.field-error[data-field="plate"]:not(:empty)').waitFor();
  await plate.fill("51F-123.46");
  await pending.getByRole("button", { name: "Confirm" }).click();
  await page.waitForSelector("#pending li", { state: "detached" });
  await page.waitForSelector('#decision:has-text("51F-123.46")');
  if (!(await page.isVisible("#pending-empty"))) throw new Error("the pending list is not empty after confirming");

  step("manual open: a reason is required, then the barrier opens");
  await page.getByRole("button", { name: "Open barrier" }).click();
  await page.waitForSelector('#open-reason-error:text("Required.")');
  await page.getByLabel("Reason for opening").fill("ambulance");
  await page.getByRole("button", { name: "Open barrier" }).click();
  await page.waitForSelector('#open-result:has-text("recorded at the lane only")');
  await page.waitForFunction(() => ["Opening", "Open"].includes(document.getElementById("barrier").dataset.state));
  console.log(`manual open: ${await page.textContent("#open-result")}`);

  step("card tap");
  await page.getByLabel("Card id").fill("CARD-OK");
  await page.getByRole("button", { name: "Tap card" }).click();
  await page.waitForSelector('#card-result:has-text("Opened")');
  await page.waitForSelector('#decisions tr:has-text("(card)")');
  await page.screenshot({ path: path.join(screenshots, "lane-after-actions-desktop.png"), fullPage: true });
});
