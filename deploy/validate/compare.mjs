// node compare.mjs A.yaml B.yaml : whether two renderings hold the same objects, whatever their order and key order
// (kustomize v2.0.3 and v5 sort some kinds differently). Prints the objects that differ; exits 1 if any.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

function sortedKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortedKeys);
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys(value[key])]));
  }
  return value;
}

/** The objects of a multi-document YAML text by "apiVersion kind namespace/name", each as canonical JSON. */
export function objectsOf(text) {
  const objects = new Map();
  for (const manifest of parseAllDocuments(text).map((document) => document.toJS()).filter(Boolean)) {
    const id = `${manifest.apiVersion} ${manifest.kind} ${manifest.metadata?.namespace ?? ""}/${manifest.metadata?.name}`;
    objects.set(id, JSON.stringify(sortedKeys(manifest)));
  }
  return objects;
}

/** The ids of the objects that are in one text only or differ between the two. */
export function differences(textA, textB) {
  const [a, b] = [objectsOf(textA), objectsOf(textB)];
  const ids = new Set([...a.keys(), ...b.keys()]);
  return [...ids].filter((id) => a.get(id) !== b.get(id)).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [fileA, fileB] = process.argv.slice(2);
  const different = differences(readFileSync(fileA, "utf8"), readFileSync(fileB, "utf8"));
  different.forEach((id) => console.log(`differs: ${id}`));
  console.log(different.length === 0 ? `${fileA} and ${fileB} hold the same objects` : `${different.length} objects differ`);
  process.exit(different.length === 0 ? 0 : 1);
}
