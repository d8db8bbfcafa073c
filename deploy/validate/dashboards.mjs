// Checks of a Grafana dashboard that Grafana itself would only show as an empty panel: the JSON parses, and every
// panel (inside rows too) has at least one target with a query.
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
  const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
  const problems = panels
    .filter((panel) => panel.type !== "row")
    .filter((panel) => !(panel.targets ?? []).some((target) => typeof target.expr === "string" && target.expr.trim()))
    .map((panel) => `panel "${panel.title ?? panel.id}" has no query`);
  return { name, problems };
}
