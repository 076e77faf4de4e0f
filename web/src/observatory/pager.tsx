/** Previous and next page of a bounded list, with where the reader is in words ("51–100 sur 389"). */
import { useText } from "../i18n/text";

export function Pager({ offset, size, total, onPage, label }: { offset: number; size: number; total: number; onPage: (offset: number) => void; label: string }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  if (total <= size) return null;
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - size))}>
        {o.previousPage}
      </button>
      <span class="pager-position" aria-live="polite">
        {number.format(offset + 1)}–{number.format(Math.min(offset + size, total))} {o.of} {number.format(total)}
      </span>
      <button type="button" disabled={offset + size >= total} onClick={() => onPage(offset + size)}>
        {o.nextPage}
      </button>
    </nav>
  );
}
