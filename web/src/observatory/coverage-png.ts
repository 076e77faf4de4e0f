/**
 * The coverage table as a PNG drawn on a canvas in the page: no library, nothing sent anywhere. Each
 * cell carries its reach letter and count as well as its colour, as on the page.
 */
import type { CoverageReach, WebCoverageQuery } from "../../../generated/web-client/graphql";
import type { Catalogue } from "../i18n/catalogue";

type Cell = WebCoverageQuery["coverage"]["cells"][number];
type Commune = WebCoverageQuery["coverage"]["communes"][number];

const colours: Record<CoverageReach, { fill: string; ink: string }> = {
  IN_COMMUNE: { fill: "#1d6b35", ink: "#ffffff" },
  IN_ZONE: { fill: "#c8e6c9", ink: "#1b1b1f" },
  DEPARTEMENT: { fill: "#fff3bf", ink: "#1b1b1f" },
  NATIONAL_ONLY: { fill: "#fde2e4", ink: "#1b1b1f" },
  NONE: { fill: "#a4001d", ink: "#ffffff" },
};

// The need names are drawn slanted up to the right: the header and the right margin hold the longest.
export const coveragePngLayout = { nameWidth: 200, headerHeight: 240, cellWidth: 44, cellHeight: 24, titleHeight: 30, rightMargin: 150, legendHeight: 30 };

export function coveragePng(cells: Cell[], communes: Commune[], title: string, t: Catalogue): Promise<Blob> {
  const { nameWidth, headerHeight, cellWidth, cellHeight, titleHeight, rightMargin, legendHeight } = coveragePngLayout;
  const needs = [...new Set(cells.map((c) => c.need))];
  const canvas = document.createElement("canvas");
  canvas.width = nameWidth + needs.length * cellWidth + rightMargin;
  canvas.height = titleHeight + headerHeight + communes.length * cellHeight + legendHeight;
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = "#1b1b1f";
  context.font = "bold 14px system-ui, sans-serif";
  context.textBaseline = "middle";
  context.fillText(title, 6, titleHeight / 2);
  context.font = "12px system-ui, sans-serif";
  needs.forEach((need, column) => {
    context.save();
    context.translate(nameWidth + column * cellWidth + cellWidth / 2, titleHeight + headerHeight - 6);
    context.rotate(-Math.PI / 3);
    context.fillText(t.needs[need], 0, 0);
    context.restore();
  });
  const cellOf = new Map(cells.map((c) => [`${c.communeCode} ${c.need}`, c]));
  communes.forEach(({ code, name }, row) => {
    const y = titleHeight + headerHeight + row * cellHeight;
    context.fillStyle = "#1b1b1f";
    context.textAlign = "left";
    context.fillText(name, 6, y + cellHeight / 2, nameWidth - 10);
    needs.forEach((need, column) => {
      const cell = cellOf.get(`${code} ${need}`);
      if (!cell) return;
      const x = nameWidth + column * cellWidth;
      context.fillStyle = colours[cell.reach].fill;
      context.fillRect(x + 1, y + 1, cellWidth - 2, cellHeight - 2);
      context.fillStyle = colours[cell.reach].ink;
      context.textAlign = "center";
      context.fillText(`${t.observatory.reachLetters[cell.reach]} ${cell.servicesInReach}`, x + cellWidth / 2, y + cellHeight / 2);
    });
  });
  const reaches = Object.keys(colours) as CoverageReach[];
  context.fillStyle = "#1b1b1f";
  context.textAlign = "left";
  context.fillText(reaches.map((r) => `${t.observatory.reachLetters[r]} : ${t.observatory.reaches[r]}`).join(" · "), 6, canvas.height - legendHeight / 2, canvas.width - 12);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("canvas.toBlob gave nothing"))), "image/png"));
}
