/** A section's data: loaded when its inputs change, with the failure in the user's language. */
import { useEffect, useState } from "preact/hooks";
import { shownError } from "../api-error-message";
import { useText } from "../i18n/text";

export function useLoaded<T>(load: () => Promise<T>, inputs: unknown[]): { data?: T; error?: string; reload: () => void } {
  const { t } = useText();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => current && (setData(loaded), setError(undefined)),
      (failure) => current && setError(shownError(failure, t).message),
    );
    return () => {
      current = false;
    };
  }, [...inputs, version]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}
