// ParkingGrains dashboard, Driver and Admin tabs (loaded after dashboard.js, whose $, el, api, newId and state it uses).
// The Admin tab's lot editor and cards are in admin.js, which also has adminFetch and showProblems used here.
"use strict";

const DRIVER_REFRESH_MS = 10_000;
const CLASSES = ["Motorcycle", "Car", "Van", "Bus"];
const driver = { timer: null, lots: [] };

// "YYYY-MM-DDTHH:mm" in local time, the value format of <input type="datetime-local">.
const localInputValue = (date) => {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

// --- driver ---------------------------------------------------------------------------------------
async function enterDriver() {
  if (!$("#reserve-from").value) {
    const start = new Date(Date.now() + 3600_000);
    start.setMinutes(0, 0, 0);
    $("#reserve-from").value = localInputValue(start);
    $("#reserve-to").value = localInputValue(new Date(start.getTime() + 2 * 3600_000));
  }
  if (driver.timer === null) driver.timer = setInterval(() => refreshDriverLots().catch(() => {}), DRIVER_REFRESH_MS);
  await refreshDriverLots();
}

function leaveDriver() {
  if (driver.timer !== null) clearInterval(driver.timer);
  driver.timer = null;
}

// Public endpoints: the lot list and each lot's free counts per vehicle class.
async function refreshDriverLots() {
  const lots = await api("/api/lots");
  const statuses = await Promise.all(lots.map((lot) => api(`/api/lots/${encodeURIComponent(lot.lotId)}`).catch(() => null)));
  driver.lots = lots;
  $("#driver-lots").replaceChildren(...lots.map((lot, i) => {
    const classes = statuses[i] ? statuses[i].classes : {};
    return el("section", { className: "card driver-lot", dataset: { lotId: lot.lotId } },
      el("h3", {}, ut(lot.name, "clip")),
      el("div", { className: "counts" }, ...CLASSES.filter((cls) => classes[cls] && classes[cls].total > 0).map((cls) =>
        el("span", { className: "count", dataset: { class: cls }, title: `${classes[cls].total} slots` },
          el("b", { textContent: classes[cls].free }), `${cls} free`))),
      el("p", { className: "muted", textContent: statuses[i] ? `${statuses[i].activeSessions} inside · updated ${new Date().toLocaleTimeString()}` : "status unavailable" }));
  }));
  const select = $("#reserve-lot");
  const chosen = select.value;
  select.replaceChildren(...lots.map((lot) => option(lot.lotId, lot.name)));
  if (lots.some((l) => l.lotId === chosen)) select.value = chosen;
}

$("#reserve-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = $("#reserve-result");
  result.className = ""; result.textContent = "…"; delete result.dataset.reservationId;
  $("#reserve-button").disabled = true;
  try {
    const lotId = $("#reserve-lot").value;
    const reservation = await api(`/api/lots/${encodeURIComponent(lotId)}/reservations`, {
      method: "POST",
      json: {
        eventId: newId(), plate: $("#reserve-plate").value.trim(), cardId: null, vehicleClass: $("#reserve-class").value, slotId: null,
        from: new Date($("#reserve-from").value).toISOString(), to: new Date($("#reserve-to").value).toISOString(),
      },
    });
    result.dataset.reservationId = reservation.reservationId;
    result.replaceChildren("Reserved: ", el("b", {}, ut(reservation.reservationId)), " · slot ", ut(reservation.slotId));
    await refreshDriverLots();
  } catch (e) {
    result.className = "error";
    result.textContent = `Refused: ${e.message}`;
  } finally {
    $("#reserve-button").disabled = false;
  }
});

$("#qr-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("#qr-error").textContent = "";
  $("#qr-button").disabled = true;
  try {
    const amount = $("#qr-amount").value;
    const code = await api("/api/payments/vietqr", {
      method: "POST",
      json: { bankBin: $("#qr-bin").value.trim(), accountNumber: $("#qr-account").value.trim(), amount: amount ? Number(amount) : null, purpose: $("#qr-purpose").value.trim() || null },
    });
    $("#qr-image").src = `data:image/png;base64,${code.pngBase64}`;
    $("#qr-payload").textContent = code.payload;
    $("#qr-result").hidden = false;
  } catch (e) {
    $("#qr-result").hidden = true;
    $("#qr-error").textContent = `No code: ${e.message}`;
  } finally {
    $("#qr-button").disabled = false;
  }
});

// --- admin ----------------------------------------------------------------------------------------
async function loadAdmin() {
  await Promise.all([loadUsers(), loadAdminLots(), loadAudit(), loadAdminResources()].map((p) => p.catch((e) => console.warn(e))));
}

const ROLES = ["admin", "operator", "driver"];

// Each user: roles (checkboxes, saved together), a password reset and disable/enable, through PUT /api/users/{name}.
async function loadUsers() {
  const users = await api("/api/users");
  users.sort((a, b) => a.username.localeCompare(b.username));
  $("#user-count").textContent = `(${users.length})`;
  $("#users").replaceChildren(...users.map((u) => {
    const boxes = ROLES.map((role) => el("label", {},
      el("input", { type: "checkbox", name: "user-role", value: role, checked: u.roles.includes(role) }), ` ${role}`));
    const save = el("button", { type: "button", className: "save-roles", textContent: "Save roles" });
    const reset = el("button", { type: "button", className: "reset-password secondary", textContent: "Reset password" });
    const toggle = el("button", { type: "button", className: `toggle-disabled ${u.disabled ? "secondary" : "danger"}`, textContent: u.disabled ? "Enable" : "Disable" });
    const row = el("li", { dataset: { username: u.username, disabled: String(u.disabled) } },
      el("b", { className: "grow" }, ut(u.username, "clip")),
      el("span", { className: "roles", textContent: u.roles.join(", ") }),
      u.disabled ? el("span", { className: "pill", textContent: "disabled" }) : "",
      el("details", { className: "user-edit" }, el("summary", { textContent: "Edit" }),
        el("div", { className: "checks" }, ...boxes), el("div", { className: "actions" }, save, reset, toggle)));
    save.addEventListener("click", () => updateUser(u.username, {
      roles: [...row.querySelectorAll('input[name="user-role"]:checked')].map((box) => box.value),
    }, `Saved the roles of ${u.username}.`));
    reset.addEventListener("click", () => {
      const password = prompt(`New password for ${isolate(u.username)} (at least 8 characters):`);
      if (password) updateUser(u.username, { password }, `Reset the password of ${u.username}.`);
    });
    toggle.addEventListener("click", () => updateUser(u.username, { disabled: !u.disabled }, `${u.disabled ? "Enabled" : "Disabled"} ${u.username}.`));
    return row;
  }));
}

async function updateUser(username, change, done) {
  const box = $("#users-problems");
  try {
    await adminFetch(`/api/users/${encodeURIComponent(username)}`, { method: "PUT", json: change });
    showProblems(box, null);
    $("#user-result").className = "";
    $("#user-result").textContent = done;
    await Promise.all([loadUsers(), loadAudit()]);
  } catch (e) {
    showProblems(box, e);
  }
}

async function loadAdminLots() {
  const lots = await api("/api/lots");
  const layouts = await Promise.all(lots.map((lot) => api(`/api/lots/${encodeURIComponent(lot.lotId)}/layout`).catch(() => null)));
  $("#admin-lots").replaceChildren(...lots.map((lot, i) => {
    const layout = layouts[i];
    const bySize = layout ? CLASSES.map((cls) => [cls, layout.slots.filter((s) => s.size === cls).length]).filter(([, n]) => n > 0) : [];
    const edit = el("button", { type: "button", className: "edit-lot secondary", textContent: "Edit" });
    edit.addEventListener("click", () => openLotEditor(lot.lotId));
    return el("li", { dataset: { lotId: lot.lotId, slots: layout ? layout.slots.length : 0 } },
      el("span", { className: "grow" }, el("b", {}, ut(lot.name, "clip")), " ", ut(lot.lotId, "clip muted")),
      el("span", { className: "muted", textContent: layout
        ? `${layout.slots.length} slots · ${layout.floors.length} floor(s) · ${layout.gates.length} gate(s) · ${bySize.map(([c, n]) => `${n} ${c}`).join(", ")}`
        : "no layout" }),
      edit);
  }));
  return lots;
}

async function loadAudit() {
  const day = new Date().toISOString().slice(0, 10);
  $("#audit-day").textContent = `(UTC ${day})`;
  const entries = await api(`/api/audit?day=${day}`);
  $("#audit").replaceChildren(...entries.map((a) => el("li", { dataset: { action: a.action } },
    el("span", { className: "muted", textContent: new Date(a.at).toLocaleTimeString() }),
    el("b", {}, ut(a.actor, "clip")),
    el("span", {}, ut(a.action)),
    el("span", { className: "grow" }, ut(a.target), ...(a.detail ? [" · ", ut(a.detail)] : [])))));
  if (!entries.length) $("#audit").append(el("li", { className: "muted", textContent: "nothing audited today" }));
}

$("#user-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = $("#user-result");
  result.className = ""; result.textContent = "…";
  $("#user-button").disabled = true;
  try {
    const roles = [...document.querySelectorAll('#user-form input[name="role"]:checked')].map((box) => box.value);
    const user = await api("/api/users", { method: "POST", json: { username: $("#new-username").value.trim(), password: $("#new-password").value, roles } });
    result.replaceChildren("Created ", ut(user.username), ` (${user.roles.join(", ")})`);
    $("#new-username").value = ""; $("#new-password").value = "";
    await Promise.all([loadUsers(), loadAudit()]);
  } catch (e) {
    result.className = "error";
    result.textContent = `Not created: ${e.message}`;
  } finally {
    $("#user-button").disabled = false;
  }
});

// A token from earlier in this tab's session: go straight in.
if (token()) start().catch((e) => signOut(`Could not start: ${e.message}`));
