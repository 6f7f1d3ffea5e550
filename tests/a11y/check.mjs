// Checks HTML files against WCAG 2.1 AA with axe-core, in a headless chromium.
//
//   node tests/a11y/check.mjs FILE.html…
//
// Prints each violation (rule, impact, the elements at fault) and exits 1 if there is any,
// 2 if the check could not run. The browser is $CHROMIUM, else /usr/bin/chromium.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node check.mjs FILE.html…");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

let violations = 0;
try {
  const page = await browser.newPage();
  for (const file of files) {
    await page.goto(pathToFileURL(resolve(file)).href);
    await page.addScriptTag({ content: axeSource });
    // Once as the page opens, once with every <details> open: axe skips what is hidden.
    for (const state of ["closed", "open"]) {
      if (state === "open") {
        const opened = await page.evaluate(() => {
          const all = document.querySelectorAll("details");
          for (const d of all) d.open = true;
          return all.length;
        });
        if (opened === 0) break;
      }
      const result = await page.evaluate(
        (tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }),
        TAGS,
      );
      for (const v of result.violations) {
        violations += 1;
        console.log(`${file} (details ${state}): ${v.id} (${v.impact}): ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) {
          console.log(`  ${node.target.join(" ")}: ${node.failureSummary.replace(/\s+/g, " ")}`);
        }
        if (v.nodes.length > 5) console.log(`  … and ${v.nodes.length - 5} more`);
      }
      console.log(
        `${file} (details ${state}): ${result.violations.length} violations, ${result.passes.length} rules passed`,
      );
    }
  }
} finally {
  await browser.close();
}
process.exit(violations > 0 ? 1 : 0);
