// The dashboard: lists clips (GET /api/clips) every few seconds, with progress for running ones from Durable's
// management API (customStatus). The API key is asked once and kept in sessionStorage (gone when the tab closes).
"use strict";

const keyName = "clipgen.apiKey";
const refreshMs = 2000;
let timer = null;

const $ = (id) => document.getElementById(id);

function apiKey() { return sessionStorage.getItem(keyName); }

async function api(path) {
  const response = await fetch(path, { headers: { "x-functions-key": apiKey() } });
  if (response.status === 401) { throw new Error("unauthorized"); }
  if (!response.ok && response.status !== 202) { throw new Error(`${path} answered ${response.status}`); }
  return response.json();
}

function text(value) { return value === undefined || value === null ? "" : String(value); }

function formatSize(bytes) {
  if (typeof bytes !== "number") { return ""; }
  if (bytes < 1024 * 1024) { return `${(bytes / 1024).toFixed(1)} KiB`; }
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function cell(row, content, className) {
  const td = document.createElement("td");
  if (content instanceof Node) { td.appendChild(content); } else { td.textContent = text(content); }
  if (className) { td.className = className; }
  row.appendChild(td);
  return td;
}

async function progressOf(clip) {
  if (clip.status !== "processing") { return null; }
  try {
    const status = await api(`/runtime/webhooks/durabletask/instances/${encodeURIComponent(clip.clipId)}?showInput=false`);
    return status.customStatus || null;
  } catch (error) {
    return null;
  }
}

function progressElement(clip, progress) {
  if (clip.status === "processed") { return "done"; }
  if (clip.status === "failed") { return clip.error ? `${clip.error.step}: ${clip.error.message}` : "failed"; }
  if (!progress) { return "starting"; }
  const bar = document.createElement("progress");
  bar.max = Math.max(1, progress.segmentsTotal || 1);
  bar.value = progress.segmentsDone || 0;
  const span = document.createElement("span");
  span.append(bar, ` ${text(progress.step)} ${text(progress.segmentsDone)}/${text(progress.segmentsTotal)}`);
  return span;
}

async function refresh() {
  try {
    const page = await api("/api/clips?top=100");
    const clips = page.items || [];
    const progress = await Promise.all(clips.map(progressOf));
    const body = document.querySelector("#clips tbody");
    body.replaceChildren();
    clips.forEach((clip, index) => {
      const row = document.createElement("tr");
      row.dataset.clipId = clip.clipId;
      row.dataset.status = clip.status;
      cell(row, clip.clipId);
      cell(row, clip.status, `status status-${clip.status}`);
      cell(row, progressElement(clip, progress[index]));
      cell(row, clip.output ? `${clip.output.durationSeconds.toFixed(2)} s` : "");
      cell(row, clip.output ? formatSize(clip.output.sizeBytes) : "");
      cell(row, clip.createdAt ? new Date(clip.createdAt).toLocaleString() : "");
      if (clip.file) {
        const link = document.createElement("a");
        link.href = `${clip.file.url}?code=${encodeURIComponent(apiKey())}`;
        link.textContent = "mp4";
        cell(row, link);
      } else {
        cell(row, "");
      }
      body.appendChild(row);
    });
    $("empty").hidden = clips.length > 0;
    $("state").textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    if (error.message === "unauthorized") {
      sessionStorage.removeItem(keyName);
      showKeyForm("That key was refused (401). Enter a key from ClipGeneration:ApiKeys.");
      return;
    }
    $("state").textContent = `error: ${error.message}`;
  }
}

function showKeyForm(message) {
  clearInterval(timer);
  $("board").hidden = true;
  $("key-form").hidden = false;
  $("key-error").hidden = !message;
  $("key-error").textContent = message || "";
  $("state").textContent = "not connected";
  $("key").focus();
}

function showBoard() {
  $("key-form").hidden = true;
  $("board").hidden = false;
  refresh();
  clearInterval(timer);
  timer = setInterval(refresh, refreshMs);
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(keyName, $("key").value.trim());
  showBoard();
});

$("forget").addEventListener("click", () => {
  sessionStorage.removeItem(keyName);
  showKeyForm();
});

if (apiKey()) { showBoard(); } else { showKeyForm(); }
