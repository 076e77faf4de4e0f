/** The coverage table as a CSV file made in the page (semicolons and a BOM, as French spreadsheets expect). */
import type { WebCoverageExportQuery } from "../../../generated/web-client/graphql";
import type { Catalogue } from "../i18n/catalogue";

type Cell = WebCoverageExportQuery["coverage"]["cells"][number];

const quoted = (value: string | number | null | undefined) => `"${String(value ?? "").replaceAll('"', '""')}"`;

export function coverageCsv(cells: Cell[], t: Catalogue): string {
  const o = t.observatory;
  const header = [o.csvCommuneCode, o.csvCommune, o.csvNeed, o.csvReach, o.csvServicesInReach, o.csvPopulation, o.csvGap, o.csvExplanation];
  const rows = cells.map((c) => [c.communeCode, c.communeName, t.needs[c.need], o.reaches[c.reach], c.servicesInReach, c.population.value, c.gap ? o.yes : o.no, c.explanation]);
  return "\uFEFF" + [header, ...rows].map((row) => row.map(quoted).join(";")).join("\r\n") + "\r\n";
}
