// ParkingGrains dashboard: plain JS over the REST API (/api) and the SignalR hub (/hubs/lots).
// This file: sign-in, tabs and the operator's Live tab; reports.js: the Reports tab; portal.js: the Driver and Admin tabs.
"use strict";

const $ = (selector) => document.querySelector(selector);
const TOKEN_KEY = "parkinggrains.token";
const REFRESH_KEY = "parkinggrains.refresh";
const EXPIRES_KEY = "parkinggrains.expires"; // when the access token expires, on this browser's clock (ms)
const LIFETIME_KEY = "parkinggrains.lifetime"; // how long it lived when issued (ms)
const SIZE_LETTER = { Motorcycle: "M", Car: "C", Van: "V", Bus: "B" };
const SLOT_STATUS = ["Free", "Held", "Occupied", "OutOfService"];
const BARRIER = ["Closed", "Open", "HeldOpen"];

const state = {
  lotId: null, lots: [], slots: new Map(), sessions: new Map(), gates: new Map(), connection: null, roles: [], opening: 0, pending: null,
  classTotals: {},
  // The live pill is green only when both hold: hub "connected" and the open lot "loaded".
  hub: "disconnected", load: "none", loadError: "",
};
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

// --- text from users and old data ---------------------------------------------------------------------
// Names, ids, plates and reasons are shown as text only (textContent, never HTML), isolated from the direction of
// the text around them (a U+202E in old data cannot reorder its neighbours), and shortened for display: the page
// shows at most SHOWN_TEXT characters (CSS ellipsis usually cuts earlier) and the tooltip the first TITLE_TEXT.
const SHOWN_TEXT = 200;
const TITLE_TEXT = 1000;
const OPTION_TEXT = 60;
const shorten = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Plain-text isolation for places that cannot hold an element (option labels, titles, prompts): FSI … PDI. */
const isolate = (value) => `\u2068${String(value ?? "")}\u2069`;
/** A user-provided string as an isolated inline element; className "clip" keeps it to one line with an ellipsis. */
function ut(value, className = "") {
  const text = String(value ?? "");
  return el("bdi", { className: `ut ${className}`.trim(), textContent: shorten(text, SHOWN_TEXT), title: shorten(text, TITLE_TEXT) });
}
/** A select option whose label is user text: short, isolated, the whole in its title. */
const option = (value, label) => el("option", { value, textContent: isolate(shorten(String(label ?? ""), OPTION_TEXT)), title: shorten(String(label ?? ""), TITLE_TEXT) });

// --- session: tokens, refresh before expiry, sign-in when it cannot be renewed ---------------------------
// The access token lives Auth:AccessTokenMinutes (30); it is renewed with the single-use refresh token before it
// expires (a quarter of its life, at most 5 minutes, before). A refresh the server refuses (401: expired, revoked,
// reused) ends the session: the page says so and shows the sign-in form; it never retries that. A refresh that did
// not reach the server (network, 5xx) is retried every 15 s while the token lasts. Tabs duplicated from this one share
// its tokens: refreshes are serialised across tabs (Web Locks, where the browser has them) and the new pair is passed
// to the other tabs (BroadcastChannel), since presenting a used refresh token ends the session for all of them.
const token = () => sessionStorage.getItem(TOKEN_KEY);
const session = { timer: null, refreshing: null, ended: false };
const tokenChannel = typeof BroadcastChannel === "function" ? new BroadcastChannel("parkinggrains.tokens") : null;

function storeTokens(tokens) {
  const lifetime = Math.max(1, Number.isFinite(tokens.expiresIn) ? tokens.expiresIn : (Date.parse(tokens.expiresAt) - Date.now()) / 1000) * 1000;
  sessionStorage.setItem(TOKEN_KEY, tokens.accessToken);
  sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + lifetime));
  sessionStorage.setItem(LIFETIME_KEY, String(lifetime));
  session.ended = false;
  scheduleRefresh();
}

function clearTokens() {
  for (const key of [TOKEN_KEY, REFRESH_KEY, EXPIRES_KEY, LIFETIME_KEY]) sessionStorage.removeItem(key);
  clearTimeout(session.timer);
  session.timer = null;
}

const expiresAt = () => Number(sessionStorage.getItem(EXPIRES_KEY) || 0);
const refreshLead = () => Math.min(5 * 60_000, Number(sessionStorage.getItem(LIFETIME_KEY) || 0) / 4);
const refreshDue = () => Date.now() >= expiresAt() - refreshLead();

function scheduleRefresh(delay) {
  clearTimeout(session.timer);
  session.timer = null;
  if (!sessionStorage.getItem(REFRESH_KEY)) return;
  const wait = delay ?? Math.max(0, expiresAt() - refreshLead() - Date.now());
  session.timer = setTimeout(() => refreshSession().catch(() => {}), wait);
}

// Background tabs run timers late: catch up as soon as the page is seen again.
document.addEventListener("visibilitychange", () => {
  if (!document.hidden && sessionStorage.getItem(REFRESH_KEY) && refreshDue()) refreshSession().catch(() => {});
});

tokenChannel?.addEventListener("message", (event) => {
  const { from, tokens } = event.data || {};
  if (from && tokens && from === sessionStorage.getItem(REFRESH_KEY)) storeTokens(tokens);
});

/**
 * Renews the tokens once (concurrent callers share the attempt); resolves true when the page holds a fresh token.
 * Without an argument it renews only when due; with the access token the server refused, unless that token has been
 * replaced meanwhile.
 */
function refreshSession(refused) {
  session.refreshing ??= (async () => {
    try {
      const run = () => refreshOnce(refused);
      return navigator.locks ? await navigator.locks.request("parkinggrains.refresh", run) : await run();
    } finally {
      session.refreshing = null;
    }
  })();
  return session.refreshing;
}

async function refreshOnce(refused) {
  const used = sessionStorage.getItem(REFRESH_KEY);
  if (!used) throw new SessionEnded("you are not signed in.");
  // Not due, or another tab renewed the pair we share while we waited for the lock: nothing to do.
  if (refused ? token() !== refused : !refreshDue()) return true;
  let response;
  try {
    response = await fetch("/api/auth/refresh", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ refreshToken: used }) });
  } catch (e) {
    scheduleRefresh(15_000);
    throw new Error(`could not renew the sign-in (${e.message}); retrying`);
  }
  if (response.status === 400 || response.status === 401) {
    let detail = "";
    try { detail = (await response.json()).detail || ""; } catch { /* not JSON */ }
    endSession(detail || "the sign-in could not be renewed.");
    throw new SessionEnded(detail);
  }
  if (!response.ok) {
    scheduleRefresh(15_000);
    throw new Error(`could not renew the sign-in (${response.status}); retrying`);
  }
  const tokens = await response.json();
  storeTokens(tokens);
  tokenChannel?.postMessage({ from: used, tokens });
  return true;
}

class SessionEnded extends Error {
  constructor(detail) { super(`session ended${detail ? `: ${detail}` : ""}`); this.name = "SessionEnded"; }
}

// The refresh was refused: say so plainly, stop the live connection (its retries could never succeed) and offer the
// sign-in form. The moment is in the message, so a wall display seen later tells how long it has been stale.
function endSession(detail) {
  if (session.ended) return;
  session.ended = true;
  signOut(`Signed out at ${new Date().toLocaleTimeString()}: your session has ended (${String(detail).replace(/\.$/, "")}). Sign in again to continue.`);
}

// --- API ------------------------------------------------------------------------------------------
/** fetch with the current token; a 401 renews the token once and repeats the request. */
async function authorizedFetch(path, init = {}) {
  const send = () => {
    const headers = { ...(init.headers || {}) };
    if (token()) headers.Authorization = `Bearer ${token()}`;
    return fetch(path, { ...init, headers });
  };
  if (sessionStorage.getItem(REFRESH_KEY) && refreshDue()) await refreshSession().catch((e) => { if (e instanceof SessionEnded) throw e; });
  const sent = token();
  let response = await send();
  if (response.status === 401 && sessionStorage.getItem(REFRESH_KEY)) {
    const renewed = await refreshSession(sent).catch((e) => { if (e instanceof SessionEnded) throw e; return false; });
    if (renewed) response = await send();
  }
  if (response.status === 401) {
    endSession("the server no longer accepts it.");
    throw new SessionEnded("");
  }
  return response;
}

async function api(path, options = {}) {
  const init = { ...options };
  if (options.json !== undefined) {
    init.headers = { ...(options.headers || {}), "Content-Type": "application/json" };
    init.body = JSON.stringify(options.json);
  }
  const response = await authorizedFetch(path, init);
  if (!response.ok) {
    let detail = response.statusText;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
    throw new Error(`${response.status} ${shorten(String(detail), SHOWN_TEXT)}`);
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
    storeTokens(await response.json());
    $("#password").value = "";
    await start();
  } catch (e) {
    $("#login-error").textContent = `Sign-in failed: ${e.message}`;
  } finally {
    $("#login-button").disabled = false;
  }
});

$("#logout").addEventListener("click", async () => {
  // End the session on the server too (best effort: the page signs out either way).
  if (token()) await fetch("/api/auth/logout", { method: "POST", headers: { Authorization: `Bearer ${token()}` } }).catch(() => {});
  signOut("");
});

function signOut(message) {
  clearTokens();
  const connection = state.connection;
  state.connection = null;
  if (connection) connection.stop();
  state.hub = "disconnected";
  state.load = "none";
  state.lotId = null;
  state.pending = null;
  state.roles = [];
  if (typeof leaveDriver === "function") leaveDriver();
  for (const id of ["#live-view", "#reports-view", "#driver-view", "#admin-view", "#tabs", "#logout", "#connection"]) $(id).hidden = true;
  $("#login-view").hidden = false;
  $("#login-error").textContent = message;
  $("#login-view").dataset.ended = session.ended ? "true" : "";
  if (message) $("#username").focus();
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
  select.replaceChildren(...state.lots.map((lot) => option(lot.lotId, lot.name)));
  const wanted = new URLSearchParams(location.search).get("lot");
  if (wanted && state.lots.some((l) => l.lotId === wanted)) select.value = wanted;
  await connect();
  await openLot(select.value);
}

$("#live-retry").addEventListener("click", () => { if (state.lotId) openLot(state.lotId); });

$("#lot-select").addEventListener("change", (e) => openLot(e.target.value));

// --- real-time ------------------------------------------------------------------------------------
// Reconnects for as long as the page is signed in (a network outage or a silo restart can last), with the state on
// the pill; every attempt asks for the current token, renewing it first when due. The server closes the connection
// when the token it opened with expires, so a renewed session reconnects then (and reloads the lot). Once the session
// has ended nothing is retried: the sign-in form says why.
const RECONNECT_DELAYS = [0, 2_000, 5_000, 10_000];
const RECONNECT_MAX = 15_000;

async function connect() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/lots", {
      accessTokenFactory: async () => {
        if (sessionStorage.getItem(REFRESH_KEY) && refreshDue()) await refreshSession().catch((e) => { if (e instanceof SessionEnded) throw e; });
        if (!token()) throw new SessionEnded("");
        return token();
      },
    })
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (context) => {
        if (session.ended || state.connection !== connection) return null;
        const delay = RECONNECT_DELAYS[context.previousRetryCount] ?? RECONNECT_MAX;
        setHub("reconnecting", `reconnecting (attempt ${context.previousRetryCount + 1}${delay ? `, next in ${Math.round(delay / 1000)} s` : ""})`);
        return delay;
      },
    })
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
  connection.onreconnecting(() => setHub("reconnecting", "reconnecting"));
  connection.onreconnected(async () => { setHub("connected"); if (state.lotId) await openLot(state.lotId); });
  connection.onclose(() => {
    if (state.connection !== connection) return; // signed out or replaced
    setHub("disconnected", "offline");
    if (!session.ended) setTimeout(() => startConnection(connection), RECONNECT_MAX);
  });
  state.connection = connection;
  await startConnection(connection);
}

// The first start (and a start after the connection closed for good) retries until it works or the session ends; a
// lot that is open is loaded again when it connects, since pushes were missed meanwhile.
async function startConnection(connection, attempt = 0) {
  if (state.connection !== connection || session.ended) return;
  setHub("connecting", "connecting");
  const sent = token();
  try {
    await connection.start();
  } catch (e) {
    if (state.connection !== connection || session.ended) return;
    // Refused with a token that is not due yet (revoked, or the server's keys changed): renewing decides.
    if (e.statusCode === 401 && !(await refreshSession(sent).catch(() => false))) return;
    const delay = e.statusCode === 401 && attempt === 0 ? 0 : RECONNECT_DELAYS[attempt + 1] ?? RECONNECT_MAX;
    setHub("disconnected", `offline: ${e.message}; retrying in ${Math.round(delay / 1000)} s`);
    setTimeout(() => startConnection(connection, attempt + 1), delay);
    return;
  }
  setHub("connected");
  if (state.lotId) openLot(state.lotId);
}

function setHub(hub, detail = "") {
  state.hub = hub;
  state.hubDetail = detail;
  renderPill();
}

// One pill for both halves of "live": the hub connection and the last load of the lot. Green only when both hold.
function renderPill() {
  const pill = $("#connection");
  let kind; let text; let title;
  if (session.ended) {
    [kind, text, title] = ["ended", "signed out", "The session has ended; sign in again."];
  } else if (state.hub !== "connected") {
    [kind, text, title] = [state.hub === "disconnected" ? "offline" : "connecting", state.hub === "disconnected" ? "offline" : state.hub === "reconnecting" ? "reconnecting…" : "connecting…",
      `Live updates are not arriving: ${state.hubDetail || state.hub}. What is shown may be out of date.`];
  } else if (state.load === "failed") {
    [kind, text, title] = ["error", "load failed", `The lot could not be loaded: ${state.loadError}`];
  } else if (state.load !== "loaded") {
    [kind, text, title] = ["connecting", "loading…", "Loading the lot."];
  } else {
    [kind, text, title] = ["online", "live", "Connected; the lot is up to date."];
  }
  pill.textContent = text;
  pill.title = title;
  pill.className = `pill ${kind}`;
  pill.dataset.state = kind;
  // What is on screen is stale unless the pill is green: dim it so nobody mistakes it for live.
  $("#live-view").dataset.stale = kind === "online" ? "" : "true";
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
  state.load = "loading";
  renderPill();
  try {
    if (!state.connection || state.hub !== "connected") throw new Error("the live connection is not open");
    if (previous && previous !== lotId) await state.connection.invoke("UnsubscribeLot", previous).catch(() => {});
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
    state.classTotals = Object.fromEntries(Object.entries(status.classes).map(([cls, c]) => [cls, c.total]));
    renderFree(Object.fromEntries(Object.entries(status.classes).map(([cls, c]) => [cls, c.free])));
    renderSlots();
    renderSessions();
    renderGates();
    // The lot keeps its open alerts, so what happened before this page opened is still there (oldest first, so the newest ends on top).
    $("#alerts").replaceChildren();
    for (const alert of [...alerts].reverse()) addAlert(alert);
    state.load = "loaded";
    $("#live-error").hidden = true;
  } catch (e) {
    if (opening !== state.opening || e instanceof SessionEnded) return;
    // Never an old or empty map under a "live" pill: clear what belonged to another lot, say what failed, offer a retry.
    state.load = "failed";
    state.loadError = e.message;
    if (previous !== lotId) clearLot();
    const lot = state.lots.find((l) => l.lotId === lotId);
    $("#live-error-text").replaceChildren("Could not load ", ut(lot ? lot.name : lotId, "clip"), `: ${e.message}`);
    $("#live-error").hidden = false;
  } finally {
    // The newest opening replays what waited, also when it failed (the page then shows what it has).
    if (opening === state.opening) {
      const pending = state.pending || [];
      state.pending = null;
      for (const apply of pending) apply();
      renderPill();
    }
  }
}

function clearLot() {
  state.slots = new Map();
  state.sessions = new Map();
  state.gates = new Map();
  state.classTotals = {};
  for (const id of ["#counts", "#floors", "#gates", "#sessions", "#alerts", "#lot-summary", "#session-count"]) $(id).replaceChildren();
}

// Only the classes the lot has slots for (a class with free slots but no total yet is shown too).
function renderFree(free) {
  const totals = state.classTotals;
  $("#counts").replaceChildren(...Object.keys(SIZE_LETTER).filter((cls) => (totals[cls] || 0) > 0 || (free[cls] || 0) > 0).map((cls) => el("span",
    { className: "count", dataset: { class: cls }, title: totals[cls] ? `${totals[cls]} slots` : "" },
    el("b", { textContent: free[cls] ?? 0 }), `${cls} free`)));
}

function renderSlots() {
  const floors = new Map();
  for (const slot of state.slots.values()) {
    if (!floors.has(slot.floorId)) floors.set(slot.floorId, []);
    floors.get(slot.floorId).push(slot);
  }
  $("#floors").replaceChildren(...[...floors].map(([floorId, slots]) => el("div", { className: "floor" },
    el("h3", {}, "Floor ", ut(floorId)),
    el("div", { className: "slots" }, ...slots.map(slotCell)))));
}

function slotCell(slot) {
  const cell = el("div", { className: "slot", id: `slot-${slot.slotId}` });
  cell.dataset.slotId = slot.slotId;
  cell.append(el("bdi", { className: "num" }), el("span", { className: "marks" }));
  fillSlotCell(cell, slot);
  return cell;
}

function fillSlotCell(cell, slot) {
  cell.dataset.status = slot.status;
  cell.title = `${isolate(shorten(String(slot.number), OPTION_TEXT))} · ${slot.size}${slot.ev ? " · EV" : ""}${slot.accessible ? " · accessible" : ""} · ${slot.status}` +
    (slot.overrideReason ? ` (${isolate(shorten(slot.overrideReason, SHOWN_TEXT))})` : "");
  cell.querySelector(".num").textContent = shorten(String(slot.number), OPTION_TEXT);
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
  $("#lot-summary").replaceChildren(ut(lot ? lot.name : state.lotId, "clip"), ` · ${state.sessions.size} inside`);
  $("#sessions").replaceChildren(...rows.slice(0, 200).map((s) => {
    const button = el("button", { type: "button", textContent: "Force exit", className: "force-exit" });
    button.addEventListener("click", () => forceExit(s, button));
    return el("li", { dataset: { sessionId: s.sessionId } },
      el("span", { className: "grow" }, el("b", {}, ut(s.plate || s.cardId || s.ticket, "clip")),
        ` ${s.vehicleClass || ""} · slot `, ut(s.slotId)),
      el("span", { className: "muted", textContent: s.entryTime ? new Date(s.entryTime).toLocaleTimeString() : "" }),
      button);
  }));
}
$("#session-filter").addEventListener("input", renderSessions);

async function forceExit(session, button) {
  const reason = prompt(`Force exit ${isolate(shorten(String(session.plate || session.ticket), OPTION_TEXT))}: reason?`, "operator");
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
    const lane = laneLink(g);
    return el("li", { className: "gate", dataset: { gateId: g.gateId } },
      el("span", { className: "grow" }, el("b", {}, ut(g.gateId, "clip")), ` ${g.direction || ""}`),
      el("span", { className: `pill${g.online ? " online" : ""}`, textContent: g.online ? "online" : "offline" }),
      el("span", { className: "muted", textContent: g.roundTripMilliseconds != null ? `RTT ${g.roundTripMilliseconds.toFixed(0)} ms` : "RTT –" }),
      el("span", { className: "barrier", dataset: { barrier }, textContent: barrier }),
      ...(lane ? [lane] : []),
      open);
  }));
}

// The lane UI its agent announced (camera, pending reads, manual open at the lane); only an http(s) URL is a link.
function laneLink(gate) {
  let url;
  try { url = gate.laneUiUrl ? new URL(gate.laneUiUrl) : null; } catch { url = null; }
  if (!url || !["http:", "https:"].includes(url.protocol)) return null;
  return el("a", { className: "lane-link", href: url.href, target: "_blank", rel: "noopener noreferrer", textContent: "lane view", title: `Lane UI of ${gate.gateId}` });
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
      // By then the page may show another lot or another user (a driver may not read gates): a failed read changes nothing.
      setTimeout(async () => {
        try {
          if (state.gates.has(gateId)) { state.gates.set(gateId, await api(`/api/gates/${encodeURIComponent(gateId)}`)); renderGates(); }
        } catch { /* the next gate status push brings the panel up to date */ }
      }, Math.max(0, new Date(result.openUntil) - Date.now()) + 500);
    }
  } catch (e) {
    addAlert({ text: `Open ${isolate(gateId)} failed: ${e.message}`, severity: "Warning", at: new Date().toISOString() });
    button.disabled = false;
  }
}

// Alerts with an id are the lot's (kept until acknowledged); the page's own notes (a failed click) have none.
function addAlert(m) {
  const list = $("#alerts");
  if (m.alertId && [...list.children].some((li) => li.dataset.alertId === m.alertId)) return;
  const item = el("li", { className: `alert-${m.severity}`, dataset: m.alertId ? { alertId: m.alertId } : {} },
    el("span", { className: "muted", textContent: new Date(m.at).toLocaleTimeString() }),
    el("span", { className: "grow" }, ut(m.text)));
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
