/**
 * The observatory (issue 15) for a département's coordinator or an administrator: coverage, its map, standards,
 * freshness, records to qualify, demand and the partner network. Anyone else is told in words why there is nothing to see;
 * the API refuses them anyway.
 */
import { useText } from "../i18n/text";
import { CommuneMapSection } from "../observatory/commune-map-section";
import { CoverageSection } from "../observatory/coverage-section";
import { DemandSection } from "../observatory/demand-section";
import { FreshnessSection } from "../observatory/freshness-section";
import { InPageLink } from "../observatory/in-page-link";
import { NetworkSection } from "../observatory/network-section";
import { StandardsSection } from "../observatory/standards-section";
import { ToQualifySection } from "../observatory/to-qualify-section";
import { Link } from "../router";
import { session } from "../session";

const readers = ["COORDINATOR", "ADMIN"];
// An administrator has no département of its own; the observatory opens on the one Parcours covers.
const defaultDepartement = "92";

export function ObservatoryPage() {
  const { t } = useText();
  const o = t.observatory;
  const signedIn = session.get();
  if (!signedIn || !readers.includes(signedIn.role)) {
    return (
      <div class="observatory">
        <h1>{o.title}</h1>
        <p class="notice" role="alert">
          {signedIn ? o.wrongRole : o.signedOut}
        </p>
        <p>
          <Link href="/pro">{o.goToSignIn}</Link>
        </p>
      </div>
    );
  }
  const departement = signedIn.departement ?? defaultDepartement;
  return (
    <div class="observatory">
      <h1>
        {o.title} — {o.departement} {departement}
      </h1>
      <nav aria-label={o.sectionsLabel}>
        <ul class="sections">
          {(["coverage", "map", "standards", "freshness", "toQualify", "demand", "network"] as const).map((id) => (
            <li key={id}>
              <InPageLink to={`${id}-title`}>{o.sections[id]}</InPageLink>
            </li>
          ))}
        </ul>
      </nav>
      <CoverageSection departement={departement} />
      <CommuneMapSection departement={departement} />
      <StandardsSection departement={departement} />
      <FreshnessSection departement={departement} />
      <ToQualifySection />
      <DemandSection departement={departement} />
      <NetworkSection departement={departement} />
    </div>
  );
}
