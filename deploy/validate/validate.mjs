// node validate.mjs FILE... : validates every document of each rendered multi-document YAML file (kubectl kustomize
// output) against the Kubernetes, Strimzi and KEDA schemas; a Grafana dashboard (*.json) is checked as one.
// Prints `ok` or the problems per document; exits 1 if any.
import { readFileSync } from "node:fs";
import { validateYaml } from "./manifests.mjs";
import { validateDashboard } from "./dashboards.mjs";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE...");
  process.exit(2);
}
let failed = 0;
let checked = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const results = file.endsWith(".json") ? [validateDashboard(text)] : validateYaml(text);
  if (results.length === 0) {
    console.log(`${file}: no document`);
    failed++;
  }
  for (const { name, problems } of results) {
    checked++;
    if (problems.length === 0) {
      console.log(`${file}: ${name}: ok`);
    } else {
      failed++;
      console.log(`${file}: ${name}:`);
      problems.forEach((problem) => console.log(`  - ${problem}`));
    }
  }
}
console.log(`${checked} documents, ${failed} with problems`);
process.exit(failed > 0 ? 1 : 0);
