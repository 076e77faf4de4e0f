/**
 * The partner network drawn as a graph (cytoscape.js), for the relations the filter shows. The
 * library is fetched only when this section is drawn, so that neither the victims' pages nor the
 * rest of the observatory carry it. Pointer only: the list of relations below is its text
 * alternative, from the keyboard and for screen readers.
 */
import type { Core, ElementDefinition } from "cytoscape";
import { useEffect, useRef, useState } from "preact/hooks";
import type { NetworkRelationType, WebNetworkQuery } from "../../../generated/web-client/graphql";
import { useText } from "../i18n/text";
import { navigate } from "../router";

type Network = WebNetworkQuery["network"];

export const relationColours: Record<NetworkRelationType, string> = {
  FUNDS: "#1d6b35",
  COORDINATES: "#4b2377",
  HOLDS_PERMANENCE_AT: "#a4001d",
  MEMBER_OF: "#005a9c",
  PARTY_TO: "#7a4a00",
  REFERS_TO: "#1b1b1f",
  OFFERS: "#6b6b76",
  PART_OF: "#00696b",
};

/** The relations shown for a filter, and their ends; with no filter, every actor too (isolated ones included), and no service offered. */
export function graphElementsOf(network: Network, relationType: NetworkRelationType | ""): { nodes: Network["nodes"]; relations: Network["relations"] } {
  const known = new Set(network.nodes.map((n) => n.id));
  const relations = network.relations.filter((r) => (relationType ? r.type === relationType : r.type !== "OFFERS") && known.has(r.from) && known.has(r.to));
  const ends = new Set(relations.flatMap((r) => [r.from, r.to]));
  const nodes = network.nodes.filter((n) => ends.has(n.id) || (!relationType && n.nodeKind === "ACTOR"));
  return { nodes, relations };
}

/**
 * cytoscape.js adds an inline <style> (its container's `position: relative`) unless an element with
 * this id is already in the page. The Content-Security-Policy refuses inline styles, and styles.css
 * gives .network-graph that rule: an empty marker spares the console a refused style on every graph.
 */
function markCytoscapeStylesheetPresent(): void {
  const id = "__________cytoscape_stylesheet";
  if (document.getElementById(id)) return;
  const marker = document.createElement("meta");
  marker.id = id;
  document.head.append(marker);
}

export function NetworkGraph({ network, relationType }: { network: Network; relationType: NetworkRelationType | "" }) {
  const { t } = useText();
  const o = t.observatory;
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const { nodes, relations } = graphElementsOf(network, relationType);
  useEffect(() => {
    let graph: Core | undefined;
    let current = true;
    import("cytoscape").then(
      ({ default: cytoscape }) => {
        if (!current || !container.current) return;
        markCytoscapeStylesheetPresent();
        graph = cytoscape({
          container: container.current,
          elements: elementsOf(nodes, relations),
          // Rings by number of relations, the most connected actors in the middle: the same drawing every time, and round enough to fill the box.
          layout: { name: "concentric", animate: false, padding: 16, minNodeSpacing: 18, concentric: (node) => node.degree(false), levelWidth: () => 2 },
          style: [
            {
              selector: "node",
              style: { label: "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": "110px", "text-valign": "bottom", color: "#1b1b1f", width: 14, height: 14, "background-color": "#6b6b76" },
            },
            { selector: "node[kind = 'ACTOR']", style: { "background-color": "#4b2377", width: 20, height: 20 } },
            { selector: "node[kind = 'CONVENTION']", style: { shape: "diamond", "background-color": "#7a4a00" } },
            { selector: "edge", style: { width: 1.5, "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "data(colour)", "target-arrow-color": "data(colour)" } },
          ],
          minZoom: 0.3,
          maxZoom: 3,
          wheelSensitivity: 0.3,
        });
        graph.on("tap", "node[kind = 'ACTOR']", (event) => navigate(`/acteur/${encodeURIComponent(event.target.id())}`));
        graph.on("mouseover", "node[kind = 'ACTOR']", () => container.current?.classList.add("pointing"));
        graph.on("mouseout", "node", () => container.current?.classList.remove("pointing"));
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
      graph?.destroy();
    };
  }, [network, relationType]);
  if (failed) return <p class="error">{t.errorNetwork}</p>;
  return (
    <figure class="network-figure">
      <div
        ref={container}
        class="network-graph"
        role="img"
        aria-label={`${o.graph.label} : ${nodes.length} ${o.graph.nodes}, ${relations.length} ${o.graph.relations}. ${o.graph.alternative}`}
        data-nodes={nodes.length}
        data-relations={relations.length}
      />
      <figcaption class="hint">
        {o.graph.caption} {o.graph.alternative}
      </figcaption>
      <ul class="graph-legend" aria-label={o.graph.legend}>
        {[...new Set(relations.map((r) => r.type))].map((type) => (
          <li key={type}>
            <span class="graph-swatch" style={{ borderColor: relationColours[type] }} aria-hidden="true" /> {o.relations[type]}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function elementsOf(nodes: Network["nodes"], relations: Network["relations"]): ElementDefinition[] {
  return [
    ...nodes.map((n) => ({ group: "nodes" as const, data: { id: n.id, label: n.name, kind: n.nodeKind } })),
    ...relations.map((r, index) => ({ group: "edges" as const, data: { id: `relation-${index}`, source: r.from, target: r.to, colour: relationColours[r.type] } })),
  ];
}
