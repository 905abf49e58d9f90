// Drives the dashboard in real Chromium: enters the API key, waits for a clip's row to show "processed".
// Usage: node dashboard.spec.mjs BASE_URL API_KEY CLIP_ID   (env CLIPGEN_NODE_MODULES: the folder holding playwright-core)
// Exit 0 and "dashboard: <clip> processed" on success; exit 1 with the reason otherwise.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const [baseUrl, apiKey, clipId] = process.argv.slice(2);
if (!baseUrl || !apiKey || !clipId) {
  console.error("usage: node dashboard.spec.mjs BASE_URL API_KEY CLIP_ID");
  process.exit(2);
}

const modules = process.env.CLIPGEN_NODE_MODULES;
const { chromium } = createRequire(path.join(modules, "resolve-from-here.js"))("playwright-core");
const profile = mkdtempSync(path.join(tmpdir(), "clipgen-chromium-"));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const failures = [];
  page.on("pageerror", (error) => failures.push(error.message));
  await page.goto(baseUrl, { waitUntil: "load" });
  await page.locator("#key").waitFor({ state: "visible", timeout: 15000 });
  await page.fill("#key", apiKey);
  await page.click("#connect");
  const row = page.locator(`tr[data-clip-id="${clipId}"][data-status="processed"]`);
  await row.waitFor({ state: "visible", timeout: 90000 });
  const status = (await row.locator("td.status").textContent()).trim();
  const link = await row.locator("a").getAttribute("href");
  const stored = await page.evaluate(() => sessionStorage.getItem("clipgen.apiKey"));
  if (failures.length > 0) { throw new Error(`page errors: ${failures.join("; ")}`); }
  if (stored !== apiKey) { throw new Error("the key was not kept in sessionStorage"); }
  if (!link || !link.includes(`/api/clips/${clipId}/file`)) { throw new Error(`no file link in the row (href: ${link})`); }
  console.log(`dashboard: ${clipId} ${status} ${link.split("?")[0]}`);
  process.exitCode = 0;
} catch (error) {
  console.error(`dashboard: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (context) { await context.close(); }
  rmSync(profile, { recursive: true, force: true });
}
