// The lane UI: one live snapshot from the agent (server-sent events), commands as JSON POSTs with the
// X-Lane-Request header (the server refuses POSTs without it: CSRF). The DOM is built without innerHTML.
const $ = (selector) => document.querySelector(selector);
const state = { source: null, frameId: null, retry: null };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.includes("-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.errors = problem?.errors || {};
  }
}

async function api(path, { method = "GET", json } = {}) {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: method === "GET" ? {} : { "Content-Type": "application/json", "X-Lane-Request": "1" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  if (response.status === 204) return null;
  const body = (response.headers.get("content-type") || "").includes("json") ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && path !== "/api/lane/login") showLogin("Your sign-in ended: sign in again.");
    throw new ApiError(response.status, body);
  }
  return body;
}

// A refused command: each field's message beside its input, the title in the form's message line.
function showProblems(form, error, messageLine) {
  clearProblems(form);
  let named = false;
  for (const [field, messages] of Object.entries(error.errors || {})) {
    const slot = form.querySelector(`.field-error[data-field="${CSS.escape(field)}"]`);
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (slot) { slot.textContent = messages.join(" "); named = true; }
    if (input) input.setAttribute("aria-invalid", "true");
  }
  if (messageLine) messageLine.textContent = named ? error.message : `${error.message}${Object.keys(error.errors || {}).length ? ": " + Object.values(error.errors).flat().join(" ") : ""}`;
}

function clearProblems(form) {
  for (const slot of form.querySelectorAll(".field-error")) slot.textContent = "";
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
}

function showLogin(message = "") {
  stopStream();
  $("#lane-view").hidden = true;
  $("#logout").hidden = true;
  $("#user").hidden = true;
  $("#login-view").hidden = false;
  $("#login-error").textContent = message;
  $("#login-name").focus();
}

function showLane(name) {
  $("#login-view").hidden = true;
  $("#lane-view").hidden = false;
  $("#logout").hidden = false;
  $("#user").hidden = false;
  $("#user").textContent = name;
  startStream();
}

function startStream() {
  stopStream();
  const source = new EventSource("/api/lane/events");
  state.source = source;
  source.onmessage = (event) => { $("#stale").hidden = true; render(JSON.parse(event.data)); };
  source.onerror = async () => {
    // EventSource retries by itself, but not after a 401: ask whether we are still signed in.
    source.close();
    if (state.source !== source) return;
    $("#stale").hidden = false;
    try {
      await api("/api/lane/me");
      state.retry = setTimeout(startStream, 2000);
    } catch (e) {
      if (!(e instanceof ApiError)) state.retry = setTimeout(startStream, 2000);
    }
  };
}

function stopStream() {
  clearTimeout(state.retry);
  state.source?.close();
  state.source = null;
}

function text(selector, value) { $(selector).textContent = value ?? "–"; }

function render(snapshot) {
  const s = snapshot.status;
  text("#gate", s.gateId);
  text("#lot", [s.lotName || s.lotId, s.direction].filter(Boolean).join(" · "));
  const link = $("#link");
  link.textContent = s.connected ? "online" : "offline";
  link.className = `pill${s.connected ? " online" : ""}`;
  text("#connected", s.connected ? "connected" : "not connected (deciding offline)");
  text("#rtt", s.roundTripMilliseconds != null ? `${s.roundTripMilliseconds.toFixed(1)} ms` : "–");
  text("#outbox", `${s.outboxLength} waiting`);
  text("#cache-age", s.cacheAgeSeconds != null ? age(s.cacheAgeSeconds) : "no cache");
  const barrier = $("#barrier");
  barrier.textContent = s.barrier;
  barrier.dataset.state = s.barrier;
  text("#vehicle", s.vehiclePresent ? "yes" : "no");
  text("#display", [s.displayLine1, s.displayLine2].filter(Boolean).join(" / ") || "–");
  renderFrame(snapshot.frame);
  renderDecision(snapshot.decisions[0]);
  renderPending(snapshot.pending);
  renderDecisions(snapshot.decisions);
}

function age(seconds) {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function confidence(read) { return `${Math.round(read.confidence * 100)} %`; }

function renderFrame(read) {
  const frame = $("#frame");
  if (!read) { frame.dataset.empty = "true"; return; }
  if (state.frameId !== read.id) {
    state.frameId = read.id;
    showImage(frame, $("#frame-image"), $("#frame-box"), `/api/lane/frame?id=${read.id}`, read.box);
  }
  text("#read-plate", read.display || "no plate found");
  $("#read-confidence").replaceChildren(read.plate ? confidence(read) : "", read.confident ? "" : el("span", { className: "badge", textContent: "to confirm" }));
}

// The plate box is drawn over the image in percentages of the frame, so it follows the image at any width.
function showImage(frame, image, box, src, plateBox) {
  box.hidden = true;
  image.onload = () => {
    frame.dataset.empty = "false";
    if (!plateBox) return;
    const w = frame.clientWidth, h = frame.clientHeight, nw = image.naturalWidth, nh = image.naturalHeight;
    const scale = Math.min(w / nw, h / nh), left = (w - nw * scale) / 2, top = (h - nh * scale) / 2;
    Object.assign(box.style, {
      left: `${((left + plateBox.x * scale) / w) * 100}%`, top: `${((top + plateBox.y * scale) / h) * 100}%`,
      width: `${((plateBox.width * scale) / w) * 100}%`, height: `${((plateBox.height * scale) / h) * 100}%`,
    });
    box.hidden = false;
  };
  image.src = src;
}

function describe(d) {
  const parts = [d.message];
  if (d.reason) parts.push(`(${d.reason})`);
  if (d.amountDue) parts.push(`due ${d.amountDue}`);
  if (d.offline) parts.push("· decided offline");
  parts.push(`· ${d.milliseconds} ms`);
  return parts.join(" ");
}

function renderDecision(d) {
  const decision = $("#decision");
  if (!d) { decision.textContent = "No vehicle yet."; decision.dataset.open = ""; return; }
  decision.textContent = `${d.open ? "OPEN" : "REFUSED"} · ${d.kind.toLowerCase()} ${d.plate || "(card)"}`;
  decision.dataset.open = String(d.open);
  text("#decision-detail", describe(d));
}

function renderDecisions(decisions) {
  $("#decisions").replaceChildren(...decisions.map((d) => el("tr", {},
    el("td", { textContent: new Date(d.at).toLocaleTimeString(), dataset: { label: "Time" } }),
    el("td", { className: "ut", textContent: d.plate || "(card)", dataset: { label: "Plate" } }),
    el("td", { className: d.open ? "open" : "refused", textContent: `${d.open ? "open" : "refused"}${d.offline ? " · offline" : ""}`, dataset: { label: "Decision" } }),
    el("td", { className: "ut", textContent: d.reason || d.message, dataset: { label: "Reason" } }),
    el("td", { textContent: String(d.milliseconds), dataset: { label: "ms" } }))));
}

// Pending reads are kept in place across updates, so what an operator is typing is never wiped.
function renderPending(pending) {
  const list = $("#pending");
  const ids = new Set(pending.map((p) => String(p.id)));
  for (const item of [...list.children]) if (!ids.has(item.dataset.id)) item.remove();
  const present = new Set([...list.children].map((item) => item.dataset.id));
  for (const read of pending) if (!present.has(String(read.id))) list.append(pendingItem(read));
  $("#pending-empty").hidden = pending.length > 0;
  text("#pending-count", pending.length ? `(${pending.length})` : "");
}

function pendingItem(read) {
  const id = String(read.id);
  const image = el("img", { alt: `Frame of pending read ${id}` });
  const box = el("div", { className: "plate-box", hidden: true });
  const frame = el("div", { className: "frame", dataset: { empty: "true" } }, image, box);
  showImage(frame, image, box, `/api/lane/pending/${id}/frame`, read.box);
  const input = el("input", { name: "plate", value: read.display || "", maxLength: 16, autocomplete: "off", "aria-label": `Plate of pending read ${id}` });
  const error = el("p", { className: "error field-error", dataset: { field: "plate" }, role: "alert" });
  const confirm = el("button", { type: "submit", className: "big", textContent: "Confirm" });
  const reject = el("button", { type: "button", className: "big danger", textContent: "Reject" });
  const message = el("p", { className: "muted", role: "status" });
  const form = el("form", { noValidate: true }, el("label", {}, "Plate as printed", input), error, el("div", { className: "buttons" }, confirm, reject), message);
  const item = el("li", { dataset: { id } }, frame,
    el("p", {}, el("span", { className: "plate ut", textContent: read.display || "no plate found" }), " ",
      el("span", { className: "muted", textContent: read.plate ? `${confidence(read)} · ${read.format}` : "" })), form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    confirm.disabled = reject.disabled = true;
    try {
      const decision = await api(`/api/lane/pending/${id}/confirm`, { method: "POST", json: { plate: input.value } });
      item.remove();
      text("#decision-detail", describe(decision));
    } catch (e) {
      showProblems(form, e, message);
      if (e.status === 404) item.remove();
    } finally {
      confirm.disabled = reject.disabled = false;
    }
  });
  reject.addEventListener("click", async () => {
    confirm.disabled = reject.disabled = true;
    try {
      await api(`/api/lane/pending/${id}/reject`, { method: "POST", json: {} });
      item.remove();
    } catch (e) {
      showProblems(form, e, message);
      if (e.status === 404) item.remove();
      confirm.disabled = reject.disabled = false;
    }
  });
  return item;
}

async function barrierCommand(path, json) {
  const form = $("#open");
  const result = $("#open-result");
  clearProblems(form);
  result.textContent = "";
  for (const button of form.querySelectorAll("button")) button.disabled = true;
  try {
    const done = await api(path, { method: "POST", json });
    result.textContent = `Barrier ${done.barrier}. ${done.cluster}`;
    if (path !== "/api/lane/release") $("#open-reason").value = "";
  } catch (e) {
    showProblems(form, e, result);
  } finally {
    for (const button of form.querySelectorAll("button")) button.disabled = false;
  }
}

$("#open").addEventListener("submit", (event) => {
  event.preventDefault();
  barrierCommand("/api/lane/open", { reason: $("#open-reason").value });
});
$("#hold").addEventListener("click", () => barrierCommand("/api/lane/hold", { reason: $("#open-reason").value }));
$("#release").addEventListener("click", () => barrierCommand("/api/lane/release", {}));

$("#card").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = $("#card-result");
  clearProblems(form);
  result.textContent = "";
  try {
    const d = await api("/api/lane/card", { method: "POST", json: { cardId: $("#card-id").value } });
    result.textContent = `${d.open ? "Opened" : "Refused"}: ${describe(d)}`;
  } catch (e) {
    showProblems(form, e, result);
  }
});

$("#login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  clearProblems(form);
  $("#login-error").textContent = "";
  try {
    const me = await api("/api/lane/login", { method: "POST", json: { name: $("#login-name").value, password: $("#login-password").value } });
    $("#login-password").value = "";
    showLane(me.name);
  } catch (e) {
    showProblems(form, e, $("#login-error"));
  }
});

$("#logout").addEventListener("click", async () => {
  try { await api("/api/lane/logout", { method: "POST", json: {} }); } catch { /* signed out either way */ }
  showLogin();
});

try {
  const me = await api("/api/lane/me");
  showLane(me.name);
} catch {
  showLogin();
}
