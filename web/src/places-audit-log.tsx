/** What a coordinator reads of the free-places updates in its département: the audit trail, newest first. */
import { useEffect, useState } from "preact/hooks";
import type { WebPlacesAuditQuery } from "../../generated/web-client/graphql";
import { request } from "./api";
import { shownError } from "./api-error-message";
import { useText } from "./i18n/text";
import { formatDateTime } from "./paris-time";
import { placesAuditQuery, servicesOfCapacitiesQuery } from "./queries";

const shownUpdates = 20;

interface PlacesChange {
  node: string;
  property: string;
  before: unknown;
  after: unknown;
}

interface PlacesUpdate {
  record: WebPlacesAuditQuery["auditRecords"][number];
  capacityId: string | undefined;
  change: PlacesChange | undefined;
}

function placesUpdateOf(record: PlacesUpdate["record"]): PlacesUpdate {
  const changes = JSON.parse(record.changes) as PlacesChange[];
  return { record, capacityId: changes[0]?.node, change: changes.find((c) => c.property === "placesFree") };
}

export function PlacesAuditLog() {
  const { t, locale } = useText();
  const [updates, setUpdates] = useState<PlacesUpdate[]>();
  const [serviceNames, setServiceNames] = useState(new Map<string, string>());
  const [error, setError] = useState<string>();
  useEffect(() => {
    (async () => {
      const { auditRecords } = await request(placesAuditQuery, { limit: shownUpdates });
      const read = auditRecords.map(placesUpdateOf);
      setUpdates(read);
      const capacityIds = [...new Set(read.flatMap((u) => (u.capacityId ? [u.capacityId] : [])))];
      if (capacityIds.length === 0) return;
      const { services } = await request(servicesOfCapacitiesQuery, { capacityIds });
      setServiceNames(new Map(services.flatMap((s) => (s.capacity ? [[s.capacity.id, s.name] as const] : []))));
    })().catch((failure) => setError(shownError(failure, t).message));
  }, []);
  const placesText = (value: unknown) => (typeof value === "number" ? String(value) : t.unknown);
  return (
    <section aria-labelledby="places-audit-title" class="places-audit">
      <h2 id="places-audit-title">{t.placesAuditTitle}</h2>
      <p class="hint">{t.placesAuditIntro}</p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {updates?.length === 0 ? <p>{t.placesAuditEmpty}</p> : null}
      {updates?.length ? (
        <div class="table-scroll" role="region" aria-labelledby="places-audit-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.placesAuditWhen}</th>
                <th scope="col">{t.placesAuditService}</th>
                <th scope="col">{t.placesAuditChange}</th>
                <th scope="col">{t.placesAuditWho}</th>
              </tr>
            </thead>
            <tbody>
              {updates.map(({ record, capacityId, change }) => (
                <tr key={record.id} data-audit-id={record.id}>
                  <td>{formatDateTime(record.at, locale)}</td>
                  <td>{(capacityId && serviceNames.get(capacityId)) ?? t.placesAuditUnknownService}</td>
                  <td>{change ? `${placesText(change.before)} → ${placesText(change.after)}` : "—"}</td>
                  <td>
                    {record.subject} ({t.roles[record.role as keyof typeof t.roles] ?? record.role})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
