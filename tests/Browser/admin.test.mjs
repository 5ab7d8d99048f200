// Admin screens in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core).
// Run by tests/WebApi.Tests/Browser/AdminBrowserTests.cs against a real web host over a test cluster:
//   BASE_URL=http://127.0.0.1:PORT ADMIN_PASSWORD=... SCREENSHOT_DIR=... [CHROMIUM=/usr/bin/chromium] node admin.test.mjs
// Signs in as admin; in the Admin tab adds a slot and sees it on the lot's live map, edits it inline, sees a
// rejected slot's problem details, changes a tariff rate, is told about another admin's concurrent change, creates
// and blocks a card (and the gate then refuses it), and changes a user's role. Exit code 0 and a final "PASS" line
// when every step held; otherwise the failing step and a non-zero exit code.
import path from "node:path";
import { adminPassword, baseUrl, entryGate, lotId, runBrowserTest, screenshots, step } from "./harness.mjs";

const suffix = String(Math.floor(1000 + Math.random() * 9000));

await runBrowserTest(async ({ context, page, pageErrors }) => {
  // confirm() and prompt() answers, in the order the steps cause them; an unexpected dialog fails the run.
  const answers = [];
  page.on("dialog", async (dialog) => {
    if (!answers.length) { pageErrors.push(`unexpected dialog: ${dialog.message()}`); await dialog.dismiss(); return; }
    await dialog.accept(answers.shift());
  });

  // The API as the page's own code calls it, with the signed-in admin's token.
  const call = (method, url, body, ifMatch) => page.evaluate(async ({ method, url, body, ifMatch }) => {
    const headers = { Authorization: `Bearer ${sessionStorage.getItem("parkinggrains.token")}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (ifMatch) headers["If-Match"] = ifMatch;
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, etag: response.headers.get("ETag"), body: text ? JSON.parse(text) : null };
  }, { method, url, body, ifMatch });

  const openEditor = async () => {
    await page.click("#tab-admin");
    await page.click(`#admin-lots li[data-lot-id="${lotId}"] .edit-lot`);
    await page.waitForSelector(`#lot-editor[data-lot-id="${lotId}"]:not([hidden])`);
  };
  const revision = async () => Number(await page.getAttribute("#lot-editor", "data-revision"));
  const waitForRevisionAfter = (before) => page.waitForFunction((r) => Number(document.getElementById("lot-editor").dataset.revision) > r, before);
  const waitForStatus = (text) => page.waitForFunction((t) => document.getElementById("editor-status").textContent.includes(t), text);

  step("sign in as admin, open the Admin tab and the lot editor");
  await page.goto(`${baseUrl}/?lot=${lotId}`);
  await page.fill("#username", "admin");
  await page.fill("#password", adminPassword);
  await page.click("#login-button");
  await page.waitForSelector("#live-view:not([hidden])");
  await page.click("#tab-admin");
  const slotsBefore = Number(await (await page.waitForSelector(`#admin-lots li[data-lot-id="${lotId}"]`)).getAttribute("data-slots"));
  await openEditor();
  const firstRevision = await revision();
  console.log(`editor: ${lotId} at revision ${firstRevision}, ${slotsBefore} slots`);

  step("add a slot in the slots table");
  const slotId = `E0-X${suffix}`;
  const addRow = "#slots-table tr.add-row";
  await page.fill(`${addRow} input.new-id`, slotId);
  await page.fill(`${addRow} input.new-number`, `X${suffix}`);
  await page.selectOption(`${addRow} select.new-size`, "Van");
  await page.click(`${addRow} button.add`);
  await page.waitForSelector(`#slots-table tr[data-slot-id="${slotId}"]`);
  await waitForStatus(`Added slot ${slotId}`);
  await page.waitForSelector(`#admin-lots li[data-lot-id="${lotId}"][data-slots="${slotsBefore + 1}"]`);
  if (!(await page.isHidden("#editor-problems"))) throw new Error("problems shown after a successful add");
  console.log(`slot ${slotId} added: revision ${firstRevision} → ${await revision()}, lot lists ${slotsBefore + 1} slots`);

  step("a rejected slot shows the server's problem details, every problem");
  await page.fill(`${addRow} input.new-id`, slotId);
  await page.fill(`${addRow} input.new-number`, `Y${suffix}`);
  await page.fill(`${addRow} input.distance >> nth=0`, "-5");
  await page.click(`${addRow} button.add`);
  await page.waitForSelector("#editor-problems:not([hidden])");
  const problems = await page.textContent("#editor-problems");
  for (const expected of ["422", "DuplicateSlotId", "NegativeDistance"]) {
    if (!problems.includes(expected)) throw new Error(`problem details do not mention ${expected}: "${problems}"`);
  }
  console.log(`rejected slot: "${problems.replace(/\s+/g, " ").slice(0, 160)}…"`);

  step("edit the new slot inline: Van → Bus");
  const beforeEdit = await revision();
  const slotRow = `#slots-table tr[data-slot-id="${slotId}"]`;
  await page.selectOption(`${slotRow} select.slot-size`, "Bus");
  await page.click(`${slotRow} button.save`);
  await waitForRevisionAfter(beforeEdit);
  await waitForStatus(`Slot ${slotId} saved`);
  if (await page.inputValue(`${slotRow} select.slot-size`) !== "Bus") throw new Error("the slot's size did not stay Bus after saving");
  if (!(await page.isHidden("#editor-problems"))) throw new Error("problems still shown after a successful save");

  step("the slot is on the lot's live map");
  await page.click("#tab-live");
  await page.selectOption("#lot-select", "demo-saigon");
  await page.waitForSelector('.slot[data-slot-id="G-A01"]');
  await page.selectOption("#lot-select", lotId);
  const cell = await page.waitForSelector(`.slot[data-slot-id="${slotId}"]`);
  const cellStatus = await cell.getAttribute("data-status");
  if (cellStatus !== "Free") throw new Error(`the new slot shows ${cellStatus} on the live map`);
  const busFree = Number(await page.textContent('#counts .count[data-class="Bus"] b'));
  if (!(busFree >= 1)) throw new Error(`the live counts show ${busFree} free Bus slots`);
  console.log(`live map: ${slotId} is Free; ${busFree} Bus slot(s) free`);

  step("change the car tariff's first-period price");
  await openEditor();
  const priceInput = '#tariff-table tr[data-vehicle-class="Car"] input[data-field="firstPeriodPrice"]';
  const oldPrice = Number(await page.inputValue(priceInput));
  const newPrice = Math.round((oldPrice + 0.5) * 100) / 100;
  const beforeTariff = await revision();
  await page.fill(priceInput, String(newPrice));
  await page.click("#tariff-save");
  await waitForRevisionAfter(beforeTariff);
  await waitForStatus("Tariff saved");
  const tariff = await call("GET", `/api/lots/${lotId}/tariff`);
  const carRate = tariff.body.rates.find((r) => r.vehicleClass === "Car");
  if (carRate.firstPeriodPrice !== newPrice) throw new Error(`the server has ${carRate.firstPeriodPrice}, not ${newPrice}`);
  if (Number(await page.inputValue(priceInput)) !== newPrice) throw new Error("the tariff table does not show the new price");
  if (!carRate.overnight) throw new Error("saving the tariff lost the car rate's overnight window");
  console.log(`tariff: Car first period ${oldPrice} → ${newPrice} EUR (overnight window kept)`);

  step("another admin changes the lot meanwhile: a stale save is refused with 412 and the editor reloads");
  const current = await call("GET", `/api/lots/${lotId}/configuration`);
  const other = await call("PUT", `/api/lots/${lotId}/layout/floors/E0`, { name: `Erdgeschoss ${suffix}` }, current.etag);
  if (other.status !== 200) throw new Error(`the other admin's change failed: ${other.status}`);
  await page.fill('#floors-table tr[data-floor-id="E0"] input.floor-name', "Ground (stale)");
  await page.click('#floors-table tr[data-floor-id="E0"] button.save');
  await page.waitForSelector('#editor-problems[data-status="412"]:not([hidden])');
  await waitForStatus("changed this lot meanwhile");
  const floorName = await page.inputValue('#floors-table tr[data-floor-id="E0"] input.floor-name');
  if (floorName !== `Erdgeschoss ${suffix}`) throw new Error(`after the reload the floor is called "${floorName}"`);
  console.log(`concurrent edit: 412 shown, editor reloaded with the other admin's floor name "${floorName}"`);

  step("create a subscriber card for the lot and block it");
  const cardId = `CARD-PW-${suffix}`;
  await page.fill("#card-id", cardId);
  await page.selectOption("#card-kind", "Subscriber");
  await page.fill("#card-holder", "Browser Test");
  await page.fill("#card-plates", `B-PW ${suffix}`);
  await page.fill("#card-lots", lotId);
  await page.fill("#card-quota", "1");
  await page.click("#card-save");
  const cardRow = `#cards-table tr[data-card-id="${cardId}"]`;
  await page.waitForSelector(`${cardRow}[data-blocked="false"]`);
  answers.push("lost in the browser test");
  await page.click(`${cardRow} button.block-card`);
  await page.waitForSelector(`${cardRow}[data-blocked="true"]`);
  const statusText = await page.textContent(`${cardRow} .pill`);
  if (!statusText.includes("lost in the browser test")) throw new Error(`the card shows "${statusText}"`);
  const refused = await call("POST", `/api/gates/${entryGate}/entry`, { eventId: `pw-card-${crypto.randomUUID()}`, plate: `B-PW ${suffix}`, cardId, vehicleClass: "Car" });
  if (refused.body.allowed || refused.body.reason !== "CardBlocked") throw new Error(`the gate did not refuse the blocked card: ${JSON.stringify(refused.body)}`);
  console.log(`card ${cardId}: blocked; the gate refuses it (${refused.body.reason})`);

  step("create a driver, then make them an operator");
  const username = `pw-user-${suffix}`;
  await page.fill("#new-username", username);
  await page.fill("#new-password", `pw-${crypto.randomUUID()}`);
  await page.click("#user-button");
  const userRow = `#users li[data-username="${username}"]`;
  await page.waitForSelector(userRow);
  if ((await page.textContent(`${userRow} .roles`)).trim() !== "driver") throw new Error("the new user is not a driver");
  await page.click(`${userRow} .user-edit summary`);
  await page.check(`${userRow} input[name="user-role"][value="operator"]`);
  await page.uncheck(`${userRow} input[name="user-role"][value="driver"]`);
  await page.click(`${userRow} button.save-roles`);
  await page.waitForFunction((row) => document.querySelector(`${row} .roles`)?.textContent.trim() === "operator", userRow);
  const user = await call("GET", `/api/users/${username}`);
  if (JSON.stringify(user.body.roles) !== JSON.stringify(["operator"])) throw new Error(`the server has roles ${JSON.stringify(user.body.roles)}`);
  await page.click(`${userRow} .user-edit summary`);
  await page.click(`${userRow} button.toggle-disabled`);
  await page.waitForSelector(`#users li[data-username="${username}"][data-disabled="true"]`);
  console.log(`user ${username}: driver → operator, then disabled`);

  step("the audit lists the changes");
  await page.waitForSelector('#audit li[data-action="lot.slot.create"]');
  for (const action of ["lot.slot.update", "lot.tariff.update", "card.create", "card.block", "user.update"]) {
    await page.waitForSelector(`#audit li[data-action="${action}"]`);
  }

  step("screenshots: desktop, then phone width in dark mode");
  await page.click(`#admin-lots li[data-lot-id="${lotId}"] .edit-lot`);
  await page.waitForSelector(`#lot-editor[data-lot-id="${lotId}"]:not([hidden])`);
  await page.screenshot({ path: path.join(screenshots, "admin-crud-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) throw new Error(`at 390 px the admin tab is ${overflow} px wider than the screen`);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  if (background === "rgb(244, 245, 247)") throw new Error("dark mode did not apply");
  await page.screenshot({ path: path.join(screenshots, "admin-crud-phone-dark.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });

  step("delete the added slot");
  answers.push(""); // confirm the delete
  await page.click(`#slots-table tr[data-slot-id="${slotId}"] button.delete`);
  await page.waitForSelector(`#slots-table tr[data-slot-id="${slotId}"]`, { state: "detached" });
  await page.waitForSelector(`#admin-lots li[data-lot-id="${lotId}"][data-slots="${slotsBefore}"]`);

  if (answers.length) throw new Error(`${answers.length} expected dialog(s) never appeared`);
});
