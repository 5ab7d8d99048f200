// ParkingGrains dashboard: plain JS over the REST API (/api) and the SignalR hub (/hubs/lots).
// This file: sign-in, tabs and the operator's Live tab; reports.js: the Reports tab; portal.js: the Driver and Admin tabs.
"use strict";

const $ = (selector) => document.querySelector(selector);
const TOKEN_KEY = "parkinggrains.token";
const SIZE_LETTER = { Motorcycle: "M", Car: "C", Van: "V", Bus: "B" };
const SLOT_STATUS = ["Free", "Held", "Occupied", "OutOfService"];
const BARRIER = ["Closed", "Open", "HeldOpen"];

const state = { lotId: null, lots: [], slots: new Map(), sessions: new Map(), gates: new Map(), connection: null, roles: [], opening: 0, pending: null };
const hasRole = (role) => state.roles.includes(role);
const isStaff = () => hasRole("admin") || hasRole("operator");

// Enums arrive as strings (JsonStringEnumConverter); numbers are accepted too.
const slotStatus = (value) => (typeof value === "number" ? SLOT_STATUS[value] : value);
const barrierState = (value) => (typeof value === "number" ? BARRIER[value] : value);
const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);
const el = (tag, { dataset, ...props } = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset || {});
  for (const child of children) node.append(child);
  return node;
};

// --- API ------------------------------------------------------------------------------------------
const token = () => sessionStorage.getItem(TOKEN_KEY);

async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(options.json);
  }
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    signOut("Your session expired; sign in again.");
    throw new Error("unauthorized");
  }
  if (!response.ok) {
    let detail = response.statusText;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
    throw new Error(`${response.status} ${detail}`);
  }
  return options.raw ? response : response.status === 204 ? null : response.json();
}

// --- sign-in --------------------------------------------------------------------------------------
$("#login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("#login-error").textContent = "";
  $("#login-button").disabled = true;
  try {
    const response = await fetch("/api/auth/login", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: $("#username").value, password: $("#password").value }),
    });
    if (!response.ok) {
      $("#login-error").textContent = response.status === 429 ? "Too many attempts; wait a few minutes." : "Wrong user name or password.";
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, (await response.json()).accessToken);
    $("#password").value = "";
    await start();
  } catch (e) {
    $("#login-error").textContent = `Sign-in failed: ${e.message}`;
  } finally {
    $("#login-button").disabled = false;
  }
});

$("#logout").addEventListener("click", () => signOut(""));

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  if (state.connection) state.connection.stop();
  state.connection = null;
  state.lotId = null;
  state.pending = null;
  state.roles = [];
  if (typeof leaveDriver === "function") leaveDriver();
  for (const id of ["#live-view", "#reports-view", "#driver-view", "#admin-view", "#tabs", "#logout", "#connection"]) $(id).hidden = true;
  $("#login-view").hidden = false;
  $("#login-error").textContent = message;
}

// --- start-up -------------------------------------------------------------------------------------
// Tabs follow the roles from /api/auth/me: Live and Reports for operators and admins, Admin for admins, Driver for all.
async function start() {
  if (typeof signalR === "undefined" || typeof Chart === "undefined") {
    $("#login-error").textContent = "Browser libraries missing: run npm install in src/WebApi/ClientApp and rebuild.";
    return;
  }
  state.roles = (await api("/api/auth/me")).roles || [];
  $("#login-view").hidden = true;
  for (const id of ["#tab-live", "#tab-reports", "#connection"]) $(id).hidden = !isStaff();
  $("#tab-admin").hidden = !hasRole("admin");
  for (const id of ["#tabs", "#logout"]) $(id).hidden = false;
  if (!isStaff()) {
    showView("driver");
    return;
  }
  showView("live");
  state.lots = await api("/api/lots");
  const select = $("#lot-select");
  select.replaceChildren(...state.lots.map((lot) => el("option", { value: lot.lotId, textContent: lot.name })));
  const wanted = new URLSearchParams(location.search).get("lot");
  if (wanted && state.lots.some((l) => l.lotId === wanted)) select.value = wanted;
  await connect();
  await openLot(select.value);
}

$("#lot-select").addEventListener("change", (e) => openLot(e.target.value));

// --- real-time ------------------------------------------------------------------------------------
async function connect() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/lots", { accessTokenFactory: () => token() })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  // Pushes that arrive while a lot's snapshot loads wait and are applied on top of it, in order: the snapshot is
  // read after subscribing, so a push can arrive before an older snapshot is rendered, which would undo it.
  const live = (handler) => (m) => (state.pending ? state.pending.push(() => handler(m)) : handler(m));
  connection.on("slotChanged", live(onSlotChanged));
  connection.on("countsChanged", live((m) => m.lotId === state.lotId && renderFree(m.free)));
  connection.on("sessionStarted", live((m) => { if (m.lotId === state.lotId) { state.sessions.set(m.sessionId, { ...m, entryTime: m.at, entryGateId: m.gateId }); renderSessions(); } }));
  connection.on("sessionEnded", live((m) => { if (m.lotId === state.lotId) { state.sessions.delete(m.sessionId); renderSessions(); } }));
  connection.on("gateStatus", live((m) => {
    if (m.lotId !== state.lotId) return;
    const gate = state.gates.get(m.gateId) || { gateId: m.gateId };
    state.gates.set(m.gateId, { ...gate, online: m.online, roundTripMilliseconds: m.roundTripMilliseconds, barrier: m.barrier });
    renderGates();
  }));
  connection.on("alert", live((m) => m.lotId === state.lotId && addAlert(m)));
  connection.onreconnecting(() => setConnection(false));
  connection.onreconnected(async () => { setConnection(true); if (state.lotId) await openLot(state.lotId); });
  connection.onclose(() => setConnection(false));
  await connection.start();
  state.connection = connection;
  setConnection(true);
}

function setConnection(online) {
  const pill = $("#connection");
  pill.textContent = online ? "live" : "offline";
  pill.classList.toggle("online", online);
}

function onSlotChanged(m) {
  if (m.lotId !== state.lotId) return;
  const slot = state.slots.get(m.slotId);
  if (!slot) return;
  slot.status = slotStatus(m.status);
  slot.sessionId = m.sessionId;
  updateSlotCell(slot);
}

// --- a lot ----------------------------------------------------------------------------------------
async function openLot(lotId) {
  // Opened again before the last opening finished (lot switched, reconnected): only the newest one renders.
  const opening = ++state.opening;
  const previous = state.lotId;
  state.lotId = lotId;
  state.pending ??= [];
  try {
    if (previous && previous !== lotId) await state.connection.invoke("UnsubscribeLot", previous);
    // Subscribe first, then read the snapshot: nothing that happens in between is lost.
    await state.connection.invoke("SubscribeLot", lotId);
    const [status, slots, sessions, system, alerts] = await Promise.all([
      api(`/api/lots/${encodeURIComponent(lotId)}`),
      api(`/api/lots/${encodeURIComponent(lotId)}/slots`),
      api(`/api/lots/${encodeURIComponent(lotId)}/sessions`),
      api("/api/system/status"),
      api(`/api/lots/${encodeURIComponent(lotId)}/alerts`),
    ]);
    const gateIds = system.gates.filter((g) => g.lotId === lotId).map((g) => g.gateId);
    const gates = await Promise.all(gateIds.map((id) => api(`/api/gates/${encodeURIComponent(id)}`)));
    if (opening !== state.opening) return;
    state.slots = new Map(slots.map((s) => [s.slotId, { ...s, status: slotStatus(s.status) }]));
    state.sessions = new Map(sessions.map((s) => [s.sessionId, s]));
    state.gates = new Map(gates.map((g) => [g.gateId, g]));
    renderFree(Object.fromEntries(Object.entries(status.classes).map(([cls, c]) => [cls, c.free])), status.classes);
    renderSlots();
    renderSessions();
    renderGates();
    // The lot keeps its open alerts, so what happened before this page opened is still there (oldest first, so the newest ends on top).
    $("#alerts").replaceChildren();
    for (const alert of [...alerts].reverse()) addAlert(alert);
  } finally {
    // The newest opening replays what waited, also when it failed (the page then shows what it has).
    if (opening === state.opening) {
      const pending = state.pending || [];
      state.pending = null;
      for (const apply of pending) apply();
    }
  }
}

function renderFree(free, classes) {
  $("#counts").replaceChildren(...Object.entries(free).map(([cls, n]) => el("span",
    { className: "count", dataset: { class: cls }, title: classes ? `${classes[cls].total} slots` : "" },
    el("b", { textContent: n }), `${cls} free`)));
}

function renderSlots() {
  const floors = new Map();
  for (const slot of state.slots.values()) {
    if (!floors.has(slot.floorId)) floors.set(slot.floorId, []);
    floors.get(slot.floorId).push(slot);
  }
  $("#floors").replaceChildren(...[...floors].map(([floorId, slots]) => el("div", { className: "floor" },
    el("h3", { textContent: `Floor ${floorId}` }),
    el("div", { className: "slots" }, ...slots.map(slotCell)))));
}

function slotCell(slot) {
  const cell = el("div", { className: "slot", id: `slot-${slot.slotId}` });
  cell.dataset.slotId = slot.slotId;
  cell.append(el("span", { className: "num" }), el("span", { className: "marks" }));
  fillSlotCell(cell, slot);
  return cell;
}

function fillSlotCell(cell, slot) {
  cell.dataset.status = slot.status;
  cell.title = `${slot.number} · ${slot.size}${slot.ev ? " · EV" : ""}${slot.accessible ? " · accessible" : ""} · ${slot.status}` +
    (slot.overrideReason ? ` (${slot.overrideReason})` : "");
  cell.querySelector(".num").textContent = slot.number;
  cell.querySelector(".marks").textContent = `${SIZE_LETTER[slot.size] || "?"} ${slot.ev ? "⚡" : ""}${slot.accessible ? "♿" : ""}`;
}

function updateSlotCell(slot) {
  const cell = document.getElementById(`slot-${slot.slotId}`);
  if (cell) fillSlotCell(cell, slot);
}

function renderSessions() {
  const filter = $("#session-filter").value.trim().toUpperCase();
  const rows = [...state.sessions.values()]
    .filter((s) => !filter || (s.plate || "").toUpperCase().includes(filter))
    .sort((a, b) => String(b.entryTime).localeCompare(String(a.entryTime)));
  $("#session-count").textContent = `(${state.sessions.size})`;
  const lot = state.lots.find((l) => l.lotId === state.lotId);
  $("#lot-summary").textContent = `${lot ? lot.name : state.lotId} · ${state.sessions.size} inside`;
  $("#sessions").replaceChildren(...rows.slice(0, 200).map((s) => {
    const button = el("button", { type: "button", textContent: "Force exit", className: "force-exit" });
    button.addEventListener("click", () => forceExit(s, button));
    return el("li", { dataset: { sessionId: s.sessionId } },
      el("span", { className: "grow" }, el("b", { textContent: s.plate || s.cardId || s.ticket }),
        ` ${s.vehicleClass || ""} · slot ${s.slotId}`),
      el("span", { className: "muted", textContent: s.entryTime ? new Date(s.entryTime).toLocaleTimeString() : "" }),
      button);
  }));
}
$("#session-filter").addEventListener("input", renderSessions);

async function forceExit(session, button) {
  const reason = prompt(`Force exit ${session.plate || session.ticket}: reason?`, "operator");
  if (!reason) return;
  button.disabled = true;
  try {
    await api(`/api/lots/${encodeURIComponent(state.lotId)}/sessions/${encodeURIComponent(session.sessionId)}/force-exit`,
      { method: "POST", json: { eventId: newId(), reason } });
  } catch (e) {
    addAlert({ text: `Force exit failed: ${e.message}`, severity: "Warning", at: new Date().toISOString() });
    button.disabled = false;
  }
}

function renderGates() {
  $("#gates").replaceChildren(...[...state.gates.values()].sort((a, b) => a.gateId.localeCompare(b.gateId)).map((g) => {
    const barrier = barrierState(g.barrier);
    const open = el("button", { type: "button", textContent: "Open", className: "open-gate" });
    open.addEventListener("click", () => openGate(g.gateId, open));
    return el("li", { className: "gate", dataset: { gateId: g.gateId } },
      el("span", { className: "grow" }, el("b", { textContent: g.gateId }), ` ${g.direction || ""}`),
      el("span", { className: `pill${g.online ? " online" : ""}`, textContent: g.online ? "online" : "offline" }),
      el("span", { className: "muted", textContent: g.roundTripMilliseconds != null ? `RTT ${g.roundTripMilliseconds.toFixed(0)} ms` : "RTT –" }),
      el("span", { className: "barrier", dataset: { barrier }, textContent: barrier }),
      open);
  }));
}

async function openGate(gateId, button) {
  button.disabled = true;
  try {
    const result = await api(`/api/gates/${encodeURIComponent(gateId)}/commands`,
      { method: "POST", json: { eventId: newId(), kind: "Open", durationSeconds: 15, reason: "dashboard" } });
    const gate = state.gates.get(gateId);
    gate.barrier = barrierState(result.barrier);
    renderGates();
    if (result.openUntil) {
      // The barrier closes by itself: read the gate again when it should have.
      setTimeout(async () => {
        if (state.gates.has(gateId)) { state.gates.set(gateId, await api(`/api/gates/${encodeURIComponent(gateId)}`)); renderGates(); }
      }, Math.max(0, new Date(result.openUntil) - Date.now()) + 500);
    }
  } catch (e) {
    addAlert({ text: `Open ${gateId} failed: ${e.message}`, severity: "Warning", at: new Date().toISOString() });
    button.disabled = false;
  }
}

// Alerts with an id are the lot's (kept until acknowledged); the page's own notes (a failed click) have none.
function addAlert(m) {
  const list = $("#alerts");
  if (m.alertId && [...list.children].some((li) => li.dataset.alertId === m.alertId)) return;
  const item = el("li", { className: `alert-${m.severity}`, dataset: m.alertId ? { alertId: m.alertId } : {} },
    el("span", { className: "muted", textContent: new Date(m.at).toLocaleTimeString() }),
    el("span", { className: "grow", textContent: m.text }));
  if (m.alertId) {
    const ack = el("button", { type: "button", textContent: "Ack", className: "ack-alert", title: "Acknowledge" });
    ack.addEventListener("click", () => acknowledgeAlert(m.alertId, item, ack));
    item.append(ack);
  }
  list.prepend(item);
  while (list.children.length > 100) list.lastChild.remove();
}

async function acknowledgeAlert(alertId, item, button) {
  button.disabled = true;
  try {
    await api(`/api/lots/${encodeURIComponent(state.lotId)}/alerts/${encodeURIComponent(alertId)}/acknowledge`, { method: "POST" });
    item.remove();
  } catch (e) {
    button.disabled = false;
    addAlert({ text: `Acknowledging failed: ${e.message}`, severity: "Warning", at: new Date().toISOString() });
  }
}

// --- views ---------------------------------------------------------------------------------------------
for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view));

function showView(view) {
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.view === view);
  $("#live-view").hidden = view !== "live";
  $("#reports-view").hidden = view !== "reports";
  $("#driver-view").hidden = view !== "driver";
  $("#admin-view").hidden = view !== "admin";
  if (view === "reports") enterReports();
  if (view === "driver") enterDriver(); else leaveDriver();
  if (view === "admin") loadAdmin();
}
