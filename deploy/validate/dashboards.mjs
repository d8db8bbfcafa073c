// Checks of a Grafana dashboard that Grafana itself would only show as an empty or failing panel: the JSON parses,
// and every panel (inside rows too) has at least one query, each of which parses as PromQL (Prometheus' own grammar).
import { parser } from "@prometheus-io/lezer-promql";

// Grafana replaces its variables ($__rate_interval, ${datasource}, $service) before Prometheus sees the query; in the
// places a dashboard puts them (range durations, quoted label values) a duration stands in for any of them.
const GRAFANA_VARIABLE = /\$__\w+|\$\{[^}]*\}|\$\w+/g;

function promqlErrors(expr) {
  const errors = [];
  parser.parse(expr.replace(GRAFANA_VARIABLE, "5m")).iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push(node.from);
      }
    },
  });
  return errors;
}

export function validateDashboard(text) {
  let dashboard;
  try {
    dashboard = JSON.parse(text);
  } catch (error) {
    return { name: "dashboard", problems: [`not JSON: ${error.message}`] };
  }
  const name = `dashboard ${dashboard.uid ?? dashboard.title ?? "?"}`;
  if (!Array.isArray(dashboard.panels) || dashboard.panels.length === 0) {
    return { name, problems: ["no panels"] };
  }
  const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]).filter((panel) => panel.type !== "row");
  const problems = panels.flatMap((panel) => {
    const title = panel.title ?? panel.id;
    const queries = (panel.targets ?? []).map((target) => target.expr).filter((expr) => typeof expr === "string" && expr.trim());
    if (queries.length === 0) {
      return [`panel "${title}" has no query`];
    }
    return queries
      .filter((expr) => promqlErrors(expr).length > 0)
      .map((expr) => `panel "${title}": not PromQL: ${expr}`);
  });
  return { name, problems };
}
