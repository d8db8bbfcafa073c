// The validator must reject what kubectl apply would reject or silently ignore: `npm test` (node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { validateYaml } from "./manifests.mjs";
import { validateDashboard } from "./dashboards.mjs";
import { differences } from "./compare.mjs";

const fixture = (name) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");
const problemsOf = (name) => validateYaml(fixture(name)).flatMap((result) => result.problems);

test("a mistyped field is an error, in a core resource and in custom resources", () => {
  assert.deepEqual(problemsOf("invalid/typo-in-container.yaml"), [
    "unknown field spec.template.spec.containers[0].imagePullPolicey",
    "unknown field spec.template.spec.containers[0].ports[0].containerport",
  ]);
  assert.deepEqual(problemsOf("invalid/typo-in-kafka-topic.yaml"), ["unknown field spec.partitons"]);
  assert.deepEqual(problemsOf("invalid/typo-in-scaled-object.yaml"), ["unknown field spec.maxReplicas"]);
});

test("a value of the wrong type is an error", () => {
  assert.deepEqual(problemsOf("invalid/wrong-type.yaml"), [
    "/spec/replicas must be integer",
    "/spec/template/spec/containers/0/ports/0/containerPort must be integer",
  ]);
});

test("a missing required field is an error", () => {
  assert.deepEqual(problemsOf("invalid/missing-required.yaml"), [
    "/spec must have required property selector",
    "/spec/template/spec/containers/0 must have required property name",
  ]);
});

test("a kind without a schema is an error, not a pass", () => {
  assert.deepEqual(problemsOf("invalid/unknown-kind.yaml"), ["unknown kind Deploymnet of apiVersion apps/v1"]);
});

test("free-form maps (labels, ConfigMap data, Strimzi config, KEDA trigger metadata) are not reported", () => {
  const results = validateYaml(fixture("valid/free-form-maps.yaml"));
  assert.equal(results.length, 3);
  assert.deepEqual(results.flatMap((result) => result.problems), []);
});

test("a dashboard panel without a query, or with one that is not PromQL, is an error, rows included", () => {
  assert.deepEqual(validateDashboard(fixture("invalid/dashboard-broken-queries.json")).problems, [
    'panel "Empty" has no query',
    'panel "Unbalanced": not PromQL: sum by (le (rate(x_bucket[$__rate_interval]))',
  ]);
  assert.deepEqual(validateDashboard("{").problems.length, 1);
});

test("the command exits 1 on a broken file and 0 on a valid one", () => {
  const run = (name) => {
    try {
      execFileSync(process.execPath, ["validate.mjs", `fixtures/${name}`], { cwd: import.meta.dirname, stdio: "pipe" });
      return 0;
    } catch (error) {
      return error.status;
    }
  };
  assert.equal(run("invalid/typo-in-kafka-topic.yaml"), 1);
  assert.equal(run("valid/free-form-maps.yaml"), 0);
});

test("two renderings compare equal whatever their order, and unequal on any value", () => {
  const topic = (name, partitions) => `apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: ${name}}\nspec: {partitions: ${partitions}}\n`;
  const rendering = topic("a", 1) + "---\n" + topic("b", 2);
  const reordered = topic("b", 2) + "---\n" + topic("a", 1);
  assert.deepEqual(differences(rendering, reordered), []);
  assert.deepEqual(differences(rendering, topic("a", 1) + "---\n" + topic("b", 3)), ["kafka.strimzi.io/v1beta2 KafkaTopic /b"]);
});
