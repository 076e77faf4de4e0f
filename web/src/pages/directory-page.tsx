/** The directory: the API's full-text search, victims' services first, perpetrator programmes labelled. */
import { useEffect, useState } from "preact/hooks";
import type { WebSearchQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { shownError } from "../api-error-message";
import { useText } from "../i18n/text";
import { searchQuery } from "../queries";
import { Link } from "../router";

type Found = WebSearchQuery["search"][number];

export const isPerpetratorProgramme = (actor: Found) => actor.services.length > 0 && actor.services.every((s) => s.audience === "PERPETRATORS");

export function DirectoryPage() {
  const { t } = useText();
  const [text, setText] = useState(new URLSearchParams(location.search).get("q") ?? "");
  const [found, setFound] = useState<Found[]>();
  const [error, setError] = useState<string>();

  async function search(wanted: string) {
    if (!wanted.trim()) return;
    history.replaceState(null, "", `/annuaire?${new URLSearchParams({ q: wanted })}`);
    setError(undefined);
    try {
      setFound((await request(searchQuery, { text: wanted })).search);
    } catch (failure) {
      setFound(undefined);
      setError(shownError(failure, t).message);
    }
  }

  useEffect(() => {
    if (text) void search(text);
  }, []);

  return (
    <div>
      <h1>{t.directoryTitle}</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search(text);
        }}
      >
        <label for="search">{t.searchLabel}</label>
        <p class="hint" id="search-hint">
          {t.searchHint}
        </p>
        <div class="inline">
          <input id="search" type="search" aria-describedby="search-hint" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="primary">
            {t.searchButton}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        {found ? (
          <>
            <p>
              {found.length} {t.resultsCount}
            </p>
            {found.length === 0 ? <p>{t.noResults}</p> : null}
            <ul class="results">
              {found.map((actor) => (
                <li key={actor.id} class="result-item">
                  <Link href={`/acteur/${encodeURIComponent(actor.id)}`}>{actor.name}</Link>
                  {isPerpetratorProgramme(actor) ? <span class="tag perpetrator">{t.perpetratorLabel}</span> : null}
                  {actor.description ? <p>{actor.description}</p> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
