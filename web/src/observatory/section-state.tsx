/** What a section shows while its data loads or when it could not be loaded. */
import { useText } from "../i18n/text";

export function SectionState({ error }: { error?: string }) {
  const { t } = useText();
  if (error) {
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  }
  return (
    <p class="progress" role="status">
      <span class="spinner" aria-hidden="true" />
      {t.loading}
    </p>
  );
}
