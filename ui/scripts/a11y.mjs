// Runs axe-core (WCAG 2.1 A and AA) on every view of the app with mocked IPC, in headless
// Chromium through playwright-core, in the light and the dark theme; fails on any violation.
// `--screenshots` also writes a PNG of each view at 1280×800 to $SCREENSHOT_DIR (default /tmp).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { chromium } from "playwright-core";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const shots = process.argv.includes("--screenshots");
const shotDir = process.env.SCREENSHOT_DIR ?? "/tmp";
const browserPath = process.env.CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
if (!browserPath) {
  console.error("Chromium not found: install Debian's chromium package or set CHROMIUM.");
  process.exit(1);
}

await build({ root, mode: "mock", logLevel: "warn" });
const dist = join(root, "dist-mock");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  const file = join(dist, path === "/" ? "mock.html" : path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;
const axeSource = await readFile(join(root, "node_modules/axe-core/axe.min.js"), "utf8");

const browser = await chromium.launch({
  executablePath: browserPath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

/** Each view: a name and the steps that reach it from a fresh start. */
const views = [
  ["portfolio", async () => {}],
  ["portfolio-empty", async () => {}, "?store=empty"],
  ["portfolio-new-dialog", async (p) => { await p.getByTestId("new-initiative").click(); await p.getByTestId("new-title").waitFor(); }],
  ["portfolio-delete-dialog", async (p) => { await p.getByRole("button", { name: /^Ta bort: / }).first().click(); await p.getByTestId("confirm").waitFor(); }],
  ["initiative-valuation", openSample("Digitala examinationer")],
  ["initiative-needs", openSample("Digitala examinationer", "tab-needs")],
  ["initiative-sensitivity", openSample("Läkemedelsrobotar", "tab-sensitivity")],
  ["initiative-simulation", async (p) => {
    await openSample("Digitala examinationer", "tab-sensitivity")(p);
    await p.getByTestId("sim-in-report").check();
    await p.getByTestId("sim-run").click();
    await p.getByTestId("sim-sentence").waitFor();
    await p.getByTestId("chart-s-curve").waitFor();
  }],
  ["initiative-goals", openSample("Digital signering", "tab-goals")],
  ["initiative-case", async (p) => {
    await openSample("Digitala examinationer", "tab-case")(p);
    await p.getByTestId("case-proposal").fill("Nämnden beslutar att införa digitala examinationer från 2025.");
    for (const add of ["case-option-add", "case-funding-add", "case-milestone-add", "case-plan-add"]) await p.getByTestId(add).click();
    await p.getByTestId("case-option-yearly-cost").fill("-5");
    await p.getByTestId("case-problems").waitFor();
  }],
  ["initiative-case-decided", openSample("Läkemedelsrobotar", "tab-case")],
  ["initiative-follow-up", openSample("Läkemedelsrobotar", "tab-follow-up")],
  ["initiative-decided", openSample("Läkemedelsrobotar")],
  ["initiative-formula-error", async (p) => {
    await openSample("Digitala examinationer")(p);
    const first = p.getByTestId("line").filter({ has: p.getByRole("button", { name: "Visa formel" }) }).first();
    const line = p.locator(`[data-line-id="${await first.getAttribute("data-line-id")}"]`);
    await line.getByRole("button", { name: "Visa formel" }).click();
    const amount = line.getByTestId("line-amount");
    await amount.fill("participants * exams_per_participant * okand_faktor");
    await p.getByTestId("formula-error").waitFor();
    await amount.blur();
  }],
  ["initiative-new", async (p) => {
    await p.getByTestId("new-initiative").click();
    await p.getByTestId("new-title").fill("E-tjänst för färdtjänst");
    await p.getByTestId("new-create").click();
    await p.getByTestId("add-benefit-time").click();
    await p.getByTestId("add-cost-once").click();
    await p.getByTestId("save-status").getByText("Sparat").waitFor();
  }],
  ["initiative-report", async (p) => { await openSample("Läkemedelsrobotar", "tab-report")(p); await p.getByTestId("case-figure").first().waitFor(); }],
  ["lessons", async (p) => { await p.getByTestId("nav-lessons").click(); await p.getByTestId("lesson").first().waitFor(); await p.getByTestId("calibration-by_category").waitFor(); }],
  ["sync", async (p) => { await p.getByTestId("nav-sync").click(); await p.getByTestId("sync-waiting").waitFor(); }],
  ["sync-done", async (p) => { await p.getByTestId("nav-sync").click(); await p.getByTestId("sync-run").click(); await p.getByTestId("sync-conflict").waitFor(); await p.getByTestId("sync-refused").waitFor(); }, "?sync=sample"],
  ["sync-en", async (p) => { await p.getByTestId("lang-switch").selectOption("en"); await p.getByTestId("nav-sync").click(); await p.getByTestId("sync-waiting").waitFor(); }],
  ["settings", async (p) => { await p.getByTestId("nav-settings").click(); await p.getByTestId("settings-save").waitFor(); }],
  ["settings-en", async (p) => { await p.getByTestId("lang-switch").selectOption("en"); await p.getByTestId("nav-settings").click(); await p.getByTestId("settings-save").waitFor(); }],
];

function openSample(title, tab) {
  return async (p) => {
    await p.getByRole("button", { name: new RegExp(`^${title}`) }).click();
    await p.getByTestId("npv-economic").waitFor();
    if (tab) {
      await p.getByTestId(tab).click();
      await p.waitForTimeout(150);
    }
  };
}

let failures = 0;
let checked = 0;
for (const scheme of ["light", "dark"]) {
  for (const [name, steps, query = ""] of views) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme, reducedMotion: "reduce" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(base + query);
    await page.getByTestId("nav-portfolio").waitFor();
    await page.waitForTimeout(200);
    await steps(page);
    await page.waitForTimeout(250);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    );
    checked++;
    const label = `${name} (${scheme})`;
    if (result.violations.length > 0 || errors.length > 0) {
      failures++;
      console.log(`FAIL ${label}`);
      for (const v of result.violations) {
        console.log(`  ${v.id}: ${v.help}`);
        for (const n of v.nodes.slice(0, 5)) console.log(`    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ")}`);
      }
      for (const e of errors) console.log(`  page error: ${e}`);
    } else {
      console.log(`ok   ${label}`);
    }
    if (shots) await page.screenshot({ path: join(shotDir, `nytta-${name}-${scheme}.png`) });
    await context.close();
  }
}
await browser.close();
server.close();
console.log(`${checked - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
