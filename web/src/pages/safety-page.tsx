import { useText } from "../i18n/text";

export function SafetyPage() {
  const { t } = useText();
  return (
    <article>
      <h1>{t.safetyTitle}</h1>
      {t.safetyParagraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </article>
  );
}
