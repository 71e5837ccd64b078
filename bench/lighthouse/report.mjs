// Reads the Lighthouse reports scripts/lighthouse.sh wrote and writes the Lighthouse section of
// docs/performance.md (between its markers, above the section scripts/bench.sh run writes).
// Usage: node report.mjs <results folder> <runs> <docs/performance.md> <command>
import { readFileSync, writeFileSync } from "node:fs";

const [folder, runsText, doc, command] = process.argv.slice(2);
const runs = Number(runsText);
const start = "<!-- Lighthouse: written by scripts/lighthouse.sh, from here to its end marker. -->";
const end = "<!-- End of the Lighthouse section. -->";
const benchMarker = "<!-- Everything below is written by scripts/bench.sh run; edit above this line. -->";

const pages = [
  { key: "claims", name: "`/claims` (search, first page)" },
  { key: "claim", name: "a claim page (`/claims/{id}`)" },
];
const score = (report, category) => Math.round(report.categories[category].score * 100);
const ms = (report, audit) => report.audits[audit].numericValue;
const seconds = (value) => `${(value / 1000).toFixed(1)} s`;

const rows = [];
const findings = [];
let meta = null;
for (const page of pages) {
  const reports = [];
  for (let run = 1; run <= runs; run++) {
    reports.push(JSON.parse(readFileSync(`${folder}/${page.key}-${run}.json`, "utf8")));
  }
  // The median run by performance score, as Lighthouse's own guidance on variability suggests.
  const sorted = [...reports].sort((a, b) => score(a, "performance") - score(b, "performance"));
  const median = sorted[Math.floor(sorted.length / 2)];
  meta ??= median;
  const all = reports.map((r) => score(r, "performance")).join(", ");
  rows.push(
    `| ${page.name} | **${score(median, "performance")}** (runs: ${all}) | ${score(median, "accessibility")} | ` +
      `${score(median, "best-practices")} | ${seconds(ms(median, "first-contentful-paint"))} | ` +
      `${seconds(ms(median, "largest-contentful-paint"))} | ${Math.round(ms(median, "total-blocking-time"))} ms | ` +
      `${ms(median, "cumulative-layout-shift").toFixed(3)} | ${Math.round(ms(median, "total-byte-weight") / 1024)} KB |`,
  );
  for (const ref of median.categories.accessibility.auditRefs) {
    const audit = median.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
      findings.push(`- ${page.name}: accessibility, ${audit.title}`);
    }
  }
}

const section = [
  start,
  "",
  "## Lighthouse: the mobile first paint",
  "",
  `Lighthouse ${meta.lighthouseVersion}, mobile (its default: a mid-range phone on slow 4G, simulated), ` +
    `against the published app with Production settings and the demo data, signed in as an analyst; ` +
    `the median of ${runs} runs per page. Measured ${meta.fetchTime.slice(0, 16).replace("T", " ")} UTC ` +
    `with \`${command}\` (full reports in artifacts/lighthouse/). Target: performance >= 90 on both pages.`,
  "",
  "| page | performance | accessibility | best practices | first contentful paint | largest contentful paint | total blocking time | layout shift | bytes |",
  "|---|---|---|---|---|---|---|---|---|",
  ...rows,
  "",
  findings.length ? "Accessibility findings:" : "No accessibility audit failed.",
  ...findings,
  "",
  end,
].join("\n");

let text = readFileSync(doc, "utf8");
const from = text.indexOf(start);
if (from >= 0) {
  const to = text.indexOf(end, from);
  text = text.slice(0, from) + section + text.slice(to + end.length);
} else {
  const at = text.indexOf(benchMarker);
  text = text.slice(0, at) + section + "\n\n" + text.slice(at);
}
writeFileSync(doc, text);
console.log(rows.join("\n"));
console.log(findings.join("\n"));
