/**
 * The observatory's code, fetched only when a coordinator opens it: the victim-facing pages do not
 * carry it (a slow phone loads the Orientation page alone).
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useText } from "../i18n/text";
import { SectionState } from "./section-state";

export function ObservatoryLoader() {
  const { t } = useText();
  const [Page, setPage] = useState<ComponentType>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import("../pages/observatory-page").then(
      (loaded) => setPage(() => loaded.ObservatoryPage),
      () => setFailed(true),
    );
  }, []);
  return Page ? <Page /> : <SectionState error={failed ? t.errorNetwork : undefined} />;
}
