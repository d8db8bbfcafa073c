// Validation of Kubernetes manifests against the schemas that kubernetes-models, @kubernetes-models/keda and
// @kubernetes-models/strimzi-kafka-operator generate from the Kubernetes OpenAPI document and the operators' CRDs.
import * as core from "kubernetes-models";
import * as keda from "@kubernetes-models/keda";
import * as strimzi from "@kubernetes-models/strimzi-kafka-operator";
import { parseAllDocuments } from "yaml";

/** Model classes by "apiVersion/kind", collected from the packages' namespaces (apps.v1.Deployment, ...). */
const MODELS = new Map();
function collectModels(namespace) {
  for (const value of Object.values(namespace)) {
    if (typeof value === "function" && value.apiVersion && value.kind) {
      MODELS.set(`${value.apiVersion}/${value.kind}`, value);
    } else if (value && typeof value === "object") {
      collectModels(value);
    }
  }
}
[core, keda, strimzi].forEach(collectModels);

/**
 * The schemas accept fields they do not declare (the Kubernetes OpenAPI document has no additionalProperties: false),
 * so `containerport` for `containerPort` would pass. The validators are precompiled code, not schemas that could be
 * made strict, so we watch them work instead: each object is handed to them behind a Proxy that records which
 * properties they look up. An object whose schema declares properties has every one of them looked up (present or
 * not); a key of it that was never looked up is not in its schema. An object they never look into at all is
 * free-form in its schema (Strimzi's `config`, x-kubernetes-preserve-unknown-fields) and is left alone; maps
 * (labels, annotations, ConfigMap data) are iterated, which looks up every key.
 */
function watched(value, path, records) {
  if (Array.isArray(value)) {
    return value.map((item, index) => watched(item, `${path}[${index}]`, records));
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const record = { path, keys: Object.keys(value), lookedUp: new Set(), lookedInto: false };
  records.push(record);
  const copy = {};
  for (const key of record.keys) {
    copy[key] = watched(value[key], `${path}.${key}`, records);
  }
  const note = (key) => {
    if (typeof key === "string") {
      record.lookedInto = true;
      record.lookedUp.add(key);
    }
  };
  return new Proxy(copy, {
    get(target, key, receiver) {
      note(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      note(key);
      return Reflect.has(target, key);
    },
  });
}

function unknownFields(records) {
  return records
    .filter((record) => record.lookedInto)
    .flatMap((record) => record.keys.filter((key) => !record.lookedUp.has(key)).map((key) => `${record.path}.${key}`))
    .map((path) => `unknown field ${path.replace(/^\./, "")}`);
}

function schemaErrors(error) {
  if (Array.isArray(error.errors)) {
    return error.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  }
  return [error.message];
}

/** Problems of one manifest: none when it is valid for the model of its apiVersion and kind. */
export function validateManifest(manifest) {
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) {
    return ["not a Kubernetes object"];
  }
  const model = MODELS.get(`${manifest.apiVersion}/${manifest.kind}`);
  if (!model) {
    return [`unknown kind ${manifest.kind} of apiVersion ${manifest.apiVersion}`];
  }
  const records = [];
  const subject = watched(manifest, "", records);
  let errors = [];
  try {
    model.prototype.validate.call(subject);
  } catch (error) {
    errors = schemaErrors(error);
  }
  return [...errors, ...unknownFields(records)];
}

function describe(manifest) {
  if (manifest === null || typeof manifest !== "object") {
    return String(manifest);
  }
  const namespace = manifest.metadata?.namespace ? `${manifest.metadata.namespace}/` : "";
  return `${manifest.kind ?? "?"} ${namespace}${manifest.metadata?.name ?? "?"}`;
}

/** One result per document of a multi-document YAML text: { name, problems }. Empty documents are skipped. */
export function validateYaml(text) {
  return parseAllDocuments(text)
    .filter((document) => document.contents !== null)
    .map((document) => {
      if (document.errors.length > 0) {
        return { name: "unparsable document", problems: document.errors.map((e) => e.message) };
      }
      const manifest = document.toJS();
      return { name: describe(manifest), problems: validateManifest(manifest) };
    });
}
