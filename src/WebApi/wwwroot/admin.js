// ParkingGrains dashboard, Admin tab: the lot editor (settings, floors, gates, slots, tariff) and cards.
// Loaded after dashboard.js ($, el, token, signOut) and portal.js (CLASSES, loadAdminLots, loadAudit).
// Every change to a lot is sent with the lot's revision (If-Match); the server applies it whole or answers with
// problem details, which are shown as they came: a title and every problem, by location.
// Everything is inside one function so that its helpers cannot collide with the other scripts' globals; what
// portal.js calls is exported at the end.
(() => {
"use strict";

const editor = { lotId: null, config: null, etag: null, floor: "" };
const cardsView = { cards: [], editing: null };
const DIRECTIONS = ["In", "Out", "Both"];

class ApiProblem extends Error {
  constructor(status, problem) {
    super(`${status} ${problem.title || ""}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.status = status;
    this.problem = problem;
  }
}

// fetch with the token, JSON in and out, the ETag of the answer, and If-Match when given. Failures throw ApiProblem.
// The token is renewed like the other tabs' requests (authorizedFetch); a session that cannot be renewed signs out.
async function adminFetch(path, { method = "GET", json, ifMatch } = {}) {
  const headers = {};
  if (json !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  let response;
  try {
    response = await authorizedFetch(path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  } catch (e) {
    throw new ApiProblem(e.name === "SessionEnded" ? 401 : 0, { title: e.name === "SessionEnded" ? "Signed out" : `Request failed: ${e.message}` });
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = { title: text }; }
  if (!response.ok) throw new ApiProblem(response.status, body || { title: response.statusText });
  return { body, etag: response.headers.get("ETag") };
}

// Problem details as the user needs them: the title and detail, then every problem ("where: what").
function showProblems(box, error) {
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const problem = error.problem || { title: error.message };
  const lines = [];
  for (const [where, messages] of Object.entries(problem.errors || {})) {
    for (const message of messages) lines.push(`${where}: ${message}`);
  }
  box.dataset.status = error.status || "";
  // Problem texts can quote what was sent (an id, a name): text only, isolated, shortened.
  box.replaceChildren(
    el("b", {}, ut(`${error.status ? `${error.status} ` : ""}${problem.title || "Request failed"}`)),
    problem.detail ? el("p", {}, ut(problem.detail)) : "",
    lines.length ? el("ul", {}, ...lines.slice(0, 50).map((line) => el("li", {}, ut(line)))) : "");
  box.hidden = false;
}

// Runs a change; on success shows what happened, on failure the problem details (and reloads after a 412).
async function change(box, action, done) {
  try {
    const result = await action();
    showProblems(box, null);
    if (done) setStatus(done);
    return result;
  } catch (e) {
    showProblems(box, e);
    box.scrollIntoView({ block: "nearest" }); // the button may be far down a long table
    if (e.status === 412 && box === $("#editor-problems")) {
      await reloadEditor();
      setStatus("Someone else changed this lot meanwhile: it was reloaded, your change was not applied.");
    }
    return null;
  }
}

function setStatus(text) { $("#editor-status").textContent = text; }

const enc = encodeURIComponent;
const lotPath = (suffix = "") => `/api/lots/${enc(editor.lotId)}${suffix}`;

// TimeSpan as JSON ("hh:mm:ss" or "d.hh:mm:ss") <-> minutes.
function minutes(span) {
  if (!span) return 0;
  const m = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.\d+)?$/.exec(span);
  if (!m) return 0;
  const total = Number(m[2] || 0) * 1440 + Number(m[3]) * 60 + Number(m[4]) + Number(m[5]) / 60;
  return m[1] ? -total : total;
}

function timeSpan(totalMinutes) {
  const sign = totalMinutes < 0 ? "-" : "";
  let rest = Math.round(Math.abs(totalMinutes) * 60);
  const days = Math.floor(rest / 86400); rest -= days * 86400;
  const pad = (n) => String(n).padStart(2, "0");
  const hms = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return `${sign}${days ? `${days}.` : ""}${hms}`;
}

// Small builders for the editable tables; labels double as the phone layout's captions.
const cell = (label, ...children) => el("td", { dataset: { label } }, ...children);
const input = (props) => el("input", props);
const select = (options, value, props = {}) => {
  const node = el("select", props, ...options.map((o) => el("option", { value: o.value ?? o, textContent: o.text ?? o })));
  node.value = value ?? "";
  return node;
};
const button = (text, className, onClick) => {
  const node = el("button", { type: "button", className, textContent: text });
  node.addEventListener("click", onClick);
  return node;
};
const head = (...titles) => el("thead", {}, el("tr", {}, ...titles.map((t) => el("th", { textContent: t }))));
const number = (value) => (value === "" || value === null || value === undefined ? null : Number(value));

// --- the lot editor -------------------------------------------------------------------------------
async function openLotEditor(lotId) {
  editor.lotId = lotId;
  editor.floor = "";
  $("#lot-editor").hidden = false;
  showProblems($("#editor-problems"), null);
  setStatus("");
  await reloadEditor();
  $("#lot-editor").scrollIntoView({ block: "start" });
}

async function reloadEditor() {
  if (!editor.lotId) return;
  try {
    const { body, etag } = await adminFetch(lotPath("/configuration"));
    editor.config = body;
    editor.etag = etag;
    renderEditor();
  } catch (e) {
    showProblems($("#editor-problems"), e);
    if (e.status === 404) { editor.lotId = null; $("#lot-editor").hidden = true; }
  }
}

// After a change: the answer's ETag is the new revision; read the configuration again so every table shows it.
async function afterChange(result, message) {
  if (!result) return;
  await reloadEditor();
  setStatus(message);
  loadAdminLots().catch(() => {});
  loadAudit().catch(() => {});
}

function renderEditor() {
  const { layout, tariff, revision } = editor.config;
  $("#lot-editor").dataset.lotId = layout.lotId;
  $("#lot-editor").dataset.revision = revision;
  $("#editor-title").replaceChildren(ut(layout.name, "clip"), " (", ut(layout.lotId, "clip"), ")");
  $("#editor-revision").textContent = `revision ${revision}`;
  $("#lot-name").value = layout.name;
  $("#lot-tz").value = layout.timeZoneId;
  $("#lot-currency").value = layout.currency;
  $("#lot-allocation").value = layout.settings.allocationStrategy;
  $("#lot-plate-policy").value = layout.settings.plateAlreadyInside;
  renderFloorTable(layout);
  renderGateTable(layout);
  renderSlotTable(layout);
  renderTariffTable(tariff);
}

const editorBox = () => $("#editor-problems");

$("#editor-reload").addEventListener("click", async () => { await reloadEditor(); setStatus("Reloaded."); });

$("#lot-settings-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const { layout, tariff } = editor.config;
  const currency = $("#lot-currency").value.trim();
  const body = {
    name: $("#lot-name").value.trim(),
    timeZoneId: $("#lot-tz").value.trim(),
    currency,
    settings: { ...layout.settings, allocationStrategy: $("#lot-allocation").value, plateAlreadyInside: $("#lot-plate-policy").value },
  };
  // A lot and its tariff charge in one currency: a new currency takes the tariff along (same numbers; review them).
  if (currency !== layout.currency) body.tariff = { ...tariff, currency };
  const result = await change(editorBox(), () => adminFetch(lotPath(), { method: "PUT", json: body, ifMatch: editor.etag }));
  await afterChange(result, currency !== layout.currency ? "Settings saved; the tariff now charges in " + currency + ": review its prices." : "Settings saved.");
});

$("#lot-delete").addEventListener("click", async () => {
  const lotId = editor.lotId;
  if (!confirm(`Delete lot ${isolate(lotId)}? Only an empty lot can be deleted; its history stays.`)) return;
  const result = await change(editorBox(), () => adminFetch(lotPath(), { method: "DELETE", ifMatch: editor.etag }));
  if (!result) return;
  editor.lotId = null;
  $("#lot-editor").hidden = true;
  await Promise.all([loadAdminLots(), loadAudit(), loadCards()].map((p) => p.catch(() => {})));
});

// Floors: name and level inline; a floor with slots cannot be deleted (the server says so).
function renderFloorTable(layout) {
  const counts = new Map(layout.floors.map((f) => [f.floorId, layout.slots.filter((s) => s.floorId === f.floorId).length]));
  const rows = layout.floors.map((floor) => {
    const name = input({ value: floor.name, ariaLabel: "Floor name", className: "floor-name" });
    const level = input({ type: "number", step: 1, value: floor.level, ariaLabel: "Level", className: "floor-level" });
    return el("tr", { dataset: { floorId: floor.floorId } },
      cell("Floor", el("b", {}, ut(floor.floorId, "clip"))), cell("Name", name), cell("Level", level),
      cell("Slots", String(counts.get(floor.floorId))),
      cell("", el("div", { className: "actions" },
        button("Save", "save", () => saveFloor(floor.floorId, { name: name.value, level: number(level.value) })),
        button("Delete", "danger delete", () => deleteItem(`/layout/floors/${enc(floor.floorId)}`, `floor ${floor.floorId}`)))));
  });
  const id = input({ placeholder: "id", ariaLabel: "New floor id", className: "new-id" });
  const name = input({ placeholder: "name", ariaLabel: "New floor name" });
  const level = input({ type: "number", step: 1, value: layout.floors.length, ariaLabel: "New floor level" });
  const add = el("tr", { className: "add-row" }, cell("New floor", id), cell("Name", name), cell("Level", level), cell("", ""),
    cell("", button("Add floor", "add", () => addItem("/layout/floors", { floorId: id.value.trim(), name: name.value.trim(), level: number(level.value) }, `floor ${id.value.trim()}`))));
  $("#floors-table").replaceChildren(head("Floor", "Name", "Level", "Slots", ""), el("tbody", {}, ...rows, add));
}

async function saveFloor(floorId, body) {
  const result = await change(editorBox(), () => adminFetch(lotPath(`/layout/floors/${enc(floorId)}`), { method: "PUT", json: body, ifMatch: editor.etag }));
  await afterChange(result, `Floor ${floorId} saved.`);
}

// Gates: adding one needs a distance to every slot; the default distance fills them all in.
function renderGateTable(layout) {
  const rows = layout.gates.map((gate) => {
    const name = input({ value: gate.name, ariaLabel: "Gate name" });
    const direction = select(DIRECTIONS, gate.direction, { ariaLabel: "Direction" });
    const lane = input({ type: "number", min: 0, step: 1, value: gate.lane, ariaLabel: "Lane" });
    return el("tr", { dataset: { gateId: gate.gateId } },
      cell("Gate", el("b", {}, ut(gate.gateId, "clip"))), cell("Name", name), cell("Direction", direction), cell("Lane", lane), cell("", ""),
      cell("", el("div", { className: "actions" },
        button("Save", "save", () => saveGate(gate.gateId, { name: name.value, direction: direction.value, lane: number(lane.value) })),
        button("Delete", "danger delete", () => deleteItem(`/layout/gates/${enc(gate.gateId)}`, `gate ${gate.gateId}`)))));
  });
  const id = input({ placeholder: "id", ariaLabel: "New gate id", className: "new-id" });
  const name = input({ placeholder: "name", ariaLabel: "New gate name" });
  const direction = select(DIRECTIONS, "Both", { ariaLabel: "New gate direction" });
  const lane = input({ type: "number", min: 0, step: 1, value: layout.gates.length + 1, ariaLabel: "New gate lane" });
  const distance = input({ type: "number", min: 0, step: "any", value: 20, ariaLabel: "Distance to every slot (m)" });
  const add = el("tr", { className: "add-row" }, cell("New gate", id), cell("Name", name), cell("Direction", direction), cell("Lane", lane),
    cell("Distance to slots (m)", distance),
    cell("", button("Add gate", "add", () => addItem("/layout/gates",
      { gateId: id.value.trim(), name: name.value.trim(), direction: direction.value, lane: number(lane.value), defaultDistance: number(distance.value) }, `gate ${id.value.trim()}`))));
  $("#gates-table").replaceChildren(head("Gate", "Name", "Direction", "Lane", "Distance (m)", ""), el("tbody", {}, ...rows, add));
}

async function saveGate(gateId, body) {
  const result = await change(editorBox(), () => adminFetch(lotPath(`/layout/gates/${enc(gateId)}`), { method: "PUT", json: body, ifMatch: editor.etag }));
  await afterChange(result, `Gate ${gateId} saved.`);
}

// Slots: one floor at a time (a big lot has hundreds), every field inline, one distance column per gate.
function renderSlotTable(layout) {
  const filter = $("#slot-floor-filter");
  if (!layout.floors.some((f) => f.floorId === editor.floor)) editor.floor = layout.floors.length ? layout.floors[0].floorId : "";
  filter.replaceChildren(...layout.floors.map((f) => option(f.floorId, `${isolate(shorten(f.name, OPTION_TEXT))} (${isolate(f.floorId)})`)));
  filter.value = editor.floor;
  const floorOptions = layout.floors.map((f) => ({ value: f.floorId, text: isolate(shorten(f.floorId, OPTION_TEXT)) }));
  const slots = layout.slots.filter((s) => s.floorId === editor.floor);
  $("#slot-count").textContent = `(${slots.length} on this floor, ${layout.slots.length} in all)`;

  const distanceInputs = (distances, label) => layout.gates.map((g) => cell(`${label} ${g.gateId} (m)`,
    input({ type: "number", min: 0, step: "any", value: distances[g.gateId] ?? "", ariaLabel: `Distance to ${g.gateId}`, className: "distance", dataset: { gateId: g.gateId } })));
  const readDistances = (row) => Object.fromEntries([...row.querySelectorAll("input.distance")]
    .filter((i) => i.value !== "").map((i) => [i.dataset.gateId, Number(i.value)]));

  const rows = slots.map((slot) => {
    const floor = select(floorOptions, slot.floorId, { ariaLabel: "Floor", className: "slot-floor" });
    const num = input({ value: slot.number, ariaLabel: "Number", className: "slot-number" });
    const size = select(CLASSES, slot.size, { ariaLabel: "Size", className: "slot-size" });
    const ev = input({ type: "checkbox", checked: slot.ev, ariaLabel: "EV charger", className: "slot-ev" });
    const accessible = input({ type: "checkbox", checked: slot.accessible, ariaLabel: "Accessible", className: "slot-accessible" });
    const row = el("tr", { dataset: { slotId: slot.slotId } },
      cell("Slot", el("b", {}, ut(slot.slotId, "clip"))), cell("Floor", floor), cell("Number", num), cell("Size", size), cell("EV", ev), cell("Accessible ♿", accessible),
      ...distanceInputs(slot.gateDistances, "to"),
      cell("", el("div", { className: "actions" },
        button("Save", "save", () => saveSlot(slot.slotId, {
          floorId: floor.value, number: num.value, size: size.value, ev: ev.checked, accessible: accessible.checked, gateDistances: readDistances(row),
        })),
        button("Delete", "danger delete", () => deleteItem(`/layout/slots/${enc(slot.slotId)}`, `slot ${slot.slotId}`)))));
    return row;
  });

  const id = input({ placeholder: "id", ariaLabel: "New slot id", className: "new-id" });
  const floor = select(floorOptions, editor.floor, { ariaLabel: "New slot floor" });
  const num = input({ placeholder: "number", ariaLabel: "New slot number", className: "new-number" });
  const size = select(CLASSES, "Car", { ariaLabel: "New slot size", className: "new-size" });
  const ev = input({ type: "checkbox", ariaLabel: "New slot EV charger" });
  const accessible = input({ type: "checkbox", ariaLabel: "New slot accessible" });
  const add = el("tr", { className: "add-row" },
    cell("New slot", id), cell("Floor", floor), cell("Number", num), cell("Size", size), cell("EV", ev), cell("Accessible ♿", accessible),
    ...distanceInputs(Object.fromEntries(layout.gates.map((g) => [g.gateId, 10])), "to"),
    cell("", button("Add slot", "add", () => addItem("/layout/slots", {
      slotId: id.value.trim(), floorId: floor.value, number: num.value.trim(), size: size.value, ev: ev.checked, accessible: accessible.checked,
      gateDistances: readDistances(add),
    }, `slot ${id.value.trim()}`))));
  $("#slots-table").replaceChildren(
    head("Slot", "Floor", "Number", "Size", "EV", "♿", ...layout.gates.map((g) => `to ${g.gateId} (m)`), ""),
    el("tbody", {}, ...rows, add));
}

$("#slot-floor-filter").addEventListener("change", (e) => { editor.floor = e.target.value; renderSlotTable(editor.config.layout); });

async function saveSlot(slotId, body) {
  const result = await change(editorBox(), () => adminFetch(lotPath(`/layout/slots/${enc(slotId)}`), { method: "PUT", json: body, ifMatch: editor.etag }));
  await afterChange(result, `Slot ${slotId} saved.`);
}

// Additions need no If-Match: the server adds to the layout as it is now, so they never undo anyone's change.
async function addItem(path, body, what) {
  const result = await change(editorBox(), () => adminFetch(lotPath(path), { method: "POST", json: body }));
  await afterChange(result, `Added ${what}.`);
}

async function deleteItem(path, what) {
  if (!confirm(`Delete ${isolate(what)}?`)) return;
  const result = await change(editorBox(), () => adminFetch(lotPath(path), { method: "DELETE", ifMatch: editor.etag }));
  await afterChange(result, `Deleted ${what}.`);
}

// Tariff: the usual fields of each class's rate inline; the rest of each rate (rounding, overnight...) is kept.
function renderTariffTable(tariff) {
  $("#tariff-currency").textContent = `(${tariff.currency})`;
  const rows = tariff.rates.map((rate) => {
    const field = (label, name, value, props = {}) => cell(label, input({ type: "number", step: "any", value: value ?? "", ariaLabel: label, dataset: { field: name }, ...props }));
    return el("tr", { dataset: { vehicleClass: rate.vehicleClass } },
      cell("Class", el("b", { textContent: rate.vehicleClass })),
      field("Grace (min)", "grace", minutes(rate.gracePeriod), { min: 0 }),
      field("First period (min)", "firstPeriod", minutes(rate.firstPeriod), { min: 1 }),
      field("First period price", "firstPeriodPrice", rate.firstPeriodPrice, { min: 0 }),
      field("Later period (min)", "laterPeriod", minutes(rate.laterPeriod), { min: 1 }),
      field("Later period price", "laterPeriodPrice", rate.laterPeriodPrice, { min: 0 }),
      field("Daily cap", "dailyCap", rate.dailyCap, { min: 0, placeholder: "none" }),
      field("Lost ticket fee", "lostTicketFee", rate.lostTicketFee, { min: 0 }),
      cell("", button("Remove", "danger remove-rate", (e) => e.target.closest("tr").remove())));
  });
  $("#tariff-table").replaceChildren(
    head("Class", "Grace (min)", "First (min)", "First price", "Later (min)", "Later price", "Daily cap", "Lost ticket", ""),
    el("tbody", {}, ...rows));
  const missing = CLASSES.filter((c) => !tariff.rates.some((r) => r.vehicleClass === c));
  $("#tariff-add-class").replaceChildren(...missing.map((c) => el("option", { value: c, textContent: c })));
  $("#tariff-add").disabled = missing.length === 0;
}

$("#tariff-add").addEventListener("click", () => {
  const vehicleClass = $("#tariff-add-class").value;
  if (!vehicleClass) return;
  const tariff = readTariff();
  tariff.rates.push({ vehicleClass, gracePeriod: "00:10:00", firstPeriod: "01:00:00", firstPeriodPrice: 0, laterPeriod: "01:00:00", laterPeriodPrice: 0 });
  renderTariffTable(tariff);
});

// The table as a tariff: each class's original rate with the edited fields replaced.
function readTariff() {
  const original = editor.config.tariff;
  const rates = [...document.querySelectorAll("#tariff-table tbody tr")].map((row) => {
    const base = original.rates.find((r) => r.vehicleClass === row.dataset.vehicleClass) || { vehicleClass: row.dataset.vehicleClass };
    const value = (name) => row.querySelector(`input[data-field="${name}"]`).value;
    return {
      ...base,
      gracePeriod: timeSpan(Number(value("grace") || 0)),
      firstPeriod: timeSpan(Number(value("firstPeriod") || 0)),
      firstPeriodPrice: Number(value("firstPeriodPrice") || 0),
      laterPeriod: timeSpan(Number(value("laterPeriod") || 0)),
      laterPeriodPrice: Number(value("laterPeriodPrice") || 0),
      dailyCap: number(value("dailyCap")),
      lostTicketFee: Number(value("lostTicketFee") || 0),
    };
  });
  return { ...original, rates };
}

$("#tariff-save").addEventListener("click", async () => {
  const result = await change(editorBox(), () => adminFetch(lotPath("/tariff"), { method: "PUT", json: readTariff(), ifMatch: editor.etag }));
  await afterChange(result, "Tariff saved.");
});

// --- new lot --------------------------------------------------------------------------------------
// A lot starts with one floor and an entry and an exit gate (a lot needs both) and a tariff for cars.
$("#lot-create-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const lotId = $("#new-lot-id").value.trim();
  const currency = $("#new-lot-currency").value.trim();
  const layout = {
    lotId, name: $("#new-lot-name").value.trim(), timeZoneId: $("#new-lot-tz").value.trim(), currency,
    floors: [{ floorId: "G", name: "Ground", level: 0 }],
    gates: [{ gateId: `${lotId}-in`, name: "Entry", direction: "In", lane: 1 }, { gateId: `${lotId}-out`, name: "Exit", direction: "Out", lane: 2 }],
    slots: [],
    settings: { allocationStrategy: "BestFitNearest", overflowRules: [], plateAlreadyInside: "Deny" },
  };
  const tariff = { currency, rates: [{ vehicleClass: "Car", gracePeriod: "00:10:00", firstPeriod: "01:00:00", firstPeriodPrice: 0, laterPeriod: "01:00:00", laterPeriodPrice: 0 }] };
  $("#lot-create-button").disabled = true;
  try {
    const result = await change($("#lot-create-problems"), () => adminFetch("/api/lots", { method: "POST", json: { layout, tariff } }));
    if (!result) return;
    $("#new-lot-id").value = ""; $("#new-lot-name").value = "";
    await Promise.all([loadAdminLots(), loadAudit(), loadCardLots()].map((p) => p.catch(() => {})));
    await openLotEditor(lotId);
    setStatus(`Created lot ${lotId}: set its tariff and add slots.`);
  } finally {
    $("#lot-create-button").disabled = false;
  }
});

// --- cards ----------------------------------------------------------------------------------------
async function loadAdminResources() {
  await Promise.all([loadCardLots(), loadCards(), editor.lotId ? reloadEditor() : Promise.resolve()]);
}

async function loadCardLots() {
  const lots = await api("/api/lots");
  const filter = $("#card-lot-filter");
  const chosen = filter.value;
  filter.replaceChildren(el("option", { value: "", textContent: "all lots" }), ...lots.map((l) => option(l.lotId, l.name)));
  if (lots.some((l) => l.lotId === chosen)) filter.value = chosen;
}

$("#card-lot-filter").addEventListener("change", () => loadCards().catch((e) => showProblems($("#cards-problems"), e)));

const day = (iso) => (iso ? iso.slice(0, 10) : "");
const list = (text) => text.split(",").map((s) => s.trim()).filter(Boolean);

async function loadCards() {
  const lotId = $("#card-lot-filter").value;
  const { body } = await adminFetch(`/api/cards${lotId ? `?lotId=${enc(lotId)}` : ""}`);
  cardsView.cards = body;
  $("#card-count").textContent = `(${body.length})`;
  const rows = body.map((card) => el("tr", { dataset: { cardId: card.cardId, blocked: String(card.blocked) } },
    cell("Card", el("b", {}, ut(card.cardId, "clip"))),
    cell("Kind", card.kind),
    cell("Holder", ut(card.holderName, "clip")),
    cell("Plates", ...(card.plates.length ? card.plates.flatMap((plate, i) => [i ? ", " : "", ut(plate, "clip")]) : ["–"])),
    cell("Lots", ...(card.lotIds.length ? card.lotIds.flatMap((id, i) => [i ? ", " : "", ut(id, "clip")]) : ["every lot"])),
    cell("Valid", `${day(card.validFrom)} – ${day(card.validTo)}`),
    cell("Quota", String(card.quota)),
    cell("Status", card.blocked
      ? el("span", { className: "pill blocked clip", title: shorten(card.blockReason || "", TITLE_TEXT), textContent: `blocked${card.blockReason ? `: ${isolate(shorten(card.blockReason, OPTION_TEXT))}` : ""}` })
      : el("span", { className: "pill online", textContent: "active" })),
    cell("", el("div", { className: "actions" },
      button("Edit", "secondary edit-card", () => editCard(card.cardId)),
      card.blocked ? button("Unblock", "unblock-card", () => cardCommand(card.cardId, "unblock")) : button("Block", "danger block-card", () => blockCard(card.cardId)),
      button("Delete", "danger delete-card", () => deleteCard(card.cardId))))));
  $("#cards-table").replaceChildren(head("Card", "Kind", "Holder", "Plates", "Lots", "Valid", "Quota", "Status", ""),
    el("tbody", {}, ...(rows.length ? rows : [el("tr", {}, el("td", { colSpan: 9, className: "muted", textContent: "no cards" }))])));
}

function cardFormToBody() {
  return {
    cardId: $("#card-id").value.trim(),
    kind: $("#card-kind").value,
    holderName: $("#card-holder").value.trim(),
    plates: list($("#card-plates").value),
    lotIds: list($("#card-lots").value),
    validFrom: $("#card-from").value ? new Date(`${$("#card-from").value}T00:00:00`).toISOString() : null,
    validTo: $("#card-to").value ? new Date(`${$("#card-to").value}T23:59:59`).toISOString() : null,
    quota: number($("#card-quota").value),
  };
}

function resetCardForm() {
  cardsView.editing = null;
  $("#card-form").reset();
  const today = new Date();
  $("#card-from").value = today.toISOString().slice(0, 10);
  $("#card-to").value = new Date(today.getTime() + 30 * 86400_000).toISOString().slice(0, 10);
  $("#card-lots").value = $("#card-lot-filter").value;
  $("#card-id").readOnly = false;
  $("#card-form-title").textContent = "New card";
  $("#card-save").textContent = "Create card";
  $("#card-cancel").hidden = true;
}

// Editing starts from the card as it is now, with its version: a change made meanwhile by someone else gets 412.
async function editCard(cardId) {
  const result = await change($("#cards-problems"), () => adminFetch(`/api/cards/${enc(cardId)}`));
  if (!result) return;
  const card = result.body;
  cardsView.editing = { cardId, etag: result.etag };
  $("#card-id").value = card.cardId; $("#card-id").readOnly = true;
  $("#card-kind").value = card.kind;
  $("#card-holder").value = card.holderName;
  $("#card-plates").value = card.plates.join(", ");
  $("#card-lots").value = card.lotIds.join(", ");
  $("#card-from").value = day(card.validFrom);
  $("#card-to").value = day(card.validTo);
  $("#card-quota").value = card.quota;
  $("#card-form-title").replaceChildren("Edit card ", ut(cardId, "clip"));
  $("#card-save").textContent = "Save card";
  $("#card-cancel").hidden = false;
  $("#card-form").scrollIntoView({ block: "nearest" });
}

$("#card-cancel").addEventListener("click", resetCardForm);

$("#card-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = cardFormToBody();
  const editing = cardsView.editing;
  const result = await change($("#cards-problems"), () => editing
    ? adminFetch(`/api/cards/${enc(editing.cardId)}`, { method: "PUT", json: body, ifMatch: editing.etag })
    : adminFetch("/api/cards", { method: "POST", json: body }));
  if (!result) return;
  resetCardForm();
  await Promise.all([loadCards(), loadAudit()]);
});

async function blockCard(cardId) {
  const reason = prompt(`Block card ${isolate(cardId)}: reason?`, "lost");
  if (!reason) return;
  await cardCommand(cardId, "block", { reason });
}

async function cardCommand(cardId, command, json) {
  const result = await change($("#cards-problems"), () => adminFetch(`/api/cards/${enc(cardId)}/${command}`, { method: "POST", json }));
  if (result) await Promise.all([loadCards(), loadAudit()]);
}

async function deleteCard(cardId) {
  if (!confirm(`Delete card ${isolate(cardId)}?`)) return;
  const result = await change($("#cards-problems"), async () => {
    const { etag } = await adminFetch(`/api/cards/${enc(cardId)}`);
    return adminFetch(`/api/cards/${enc(cardId)}`, { method: "DELETE", ifMatch: etag });
  });
  if (result) await Promise.all([loadCards(), loadAudit()]);
}

resetCardForm();
Object.assign(window, { adminFetch, showProblems, openLotEditor, loadAdminResources });
})();
