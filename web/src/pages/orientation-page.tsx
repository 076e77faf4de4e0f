/** The route finder: the form, the route, and the share and print actions. The page title never names the request. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { WebReferralRouteQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { shownError, type ShownError } from "../api-error-message";
import { closeCommunes, communeLabel, type CommuneOption } from "../commune-names";
import { useText } from "../i18n/text";
import { communesQuery, routeQuery } from "../queries";
import { emptyForm, fromSearchParams, languageCodes, situationCodes, toRouteRequest, toSearchParams, urgencies, type RouteForm } from "../route-request";
import { RouteView } from "../route-view";

type Route = WebReferralRouteQuery["referralRoute"];

export function OrientationPage() {
  const { t } = useText();
  const initial = fromSearchParams(new URLSearchParams(location.search));
  const [form, setForm] = useState<RouteForm>(initial ?? emptyForm);
  const [communes, setCommunes] = useState<CommuneOption[]>([]);
  const [route, setRoute] = useState<Route>();
  const [error, setError] = useState<ShownError>();
  const [formProblem, setFormProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    request(communesQuery, {}).then((data) => setCommunes(data.territories), () => setCommunes([]));
    if (initial) void findRoute(initial);
  }, []);

  async function findRoute(wanted: RouteForm) {
    setBusy(true);
    setError(undefined);
    setRoute(undefined);
    setCopied(false);
    history.replaceState(null, "", `/?${toSearchParams(wanted)}`);
    try {
      const data = await request(routeQuery, { input: toRouteRequest(wanted) });
      setRoute(data.referralRoute);
    } catch (failure) {
      setError(shownError(failure, t, wanted.commune));
    } finally {
      setBusy(false);
    }
  }

  // The answer takes the focus (the emergency numbers first when there are some), so that keyboard and screen-reader users land on it.
  useEffect(() => {
    if (route || error) resultRef.current?.querySelector<HTMLElement>("h2[tabindex]")?.focus();
  }, [route, error]);

  function submit(event: Event) {
    event.preventDefault();
    if (!form.commune.trim()) return setFormProblem(t.communeMissing);
    if (form.situations.length === 0) return setFormProblem(t.situationsMissing);
    setFormProblem(undefined);
    void findRoute(form);
  }

  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const suggestions = error?.communes ?? (error?.unknownCommune ? closeCommunes(error.unknownCommune, communes) : []);
  const shareUrl = `${location.origin}/?${toSearchParams(form)}`;

  return (
    <div class="orientation">
      <h1>{t.formTitle}</h1>
      <p>{t.formIntro}</p>
      <form class="route-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="commune">{t.communeLabel}</label>
          <p class="hint" id="commune-hint">
            {t.communeHint}
          </p>
          <input
            id="commune"
            name="commune"
            list="communes"
            autocomplete="off"
            aria-describedby="commune-hint"
            value={form.commune}
            onInput={(e) => setForm({ ...form, commune: e.currentTarget.value })}
          />
          <datalist id="communes">
            {communes.map((c) => (
              <option key={c.code} value={communeLabel(c)} />
            ))}
          </datalist>
        </div>
        <fieldset>
          <legend>{t.situationsLegend}</legend>
          {situationCodes.map((code) => (
            <div class="choice" key={code}>
              <input
                type="checkbox"
                id={`situation-${code}`}
                name="situation"
                value={code}
                checked={form.situations.includes(code)}
                onChange={(e) => setForm({ ...form, situations: toggle(form.situations, code, e.currentTarget.checked) })}
              />
              <label for={`situation-${code}`}>{t.situations[code]}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.urgencyLegend}</legend>
          {urgencies.map((code) => (
            <div class="choice" key={code}>
              <input type="radio" id={`urgency-${code}`} name="urgency" value={code} checked={form.urgency === code} onChange={() => setForm({ ...form, urgency: code })} />
              <label for={`urgency-${code}`}>{t.urgencies[code]}</label>
            </div>
          ))}
        </fieldset>
        <div class="choice">
          <input type="checkbox" id="with-children" checked={form.withChildren} onChange={(e) => setForm({ ...form, withChildren: e.currentTarget.checked })} />
          <label for="with-children">{t.withChildrenLabel}</label>
        </div>
        <div class="field">
          <label for="age">{t.ageLabel}</label>
          <input id="age" type="number" inputMode="numeric" min={0} max={120} class="short" value={form.age} onInput={(e) => setForm({ ...form, age: e.currentTarget.value })} />
        </div>
        <details class="more">
          <summary>{t.languagesLegend}</summary>
          <fieldset>
            <legend class="visually-hidden">{t.languagesLegend}</legend>
            {languageCodes.map((code) => (
              <div class="choice" key={code}>
                <input
                  type="checkbox"
                  id={`language-${code}`}
                  checked={form.languages.includes(code)}
                  onChange={(e) => setForm({ ...form, languages: toggle(form.languages, code, e.currentTarget.checked) })}
                />
                <label for={`language-${code}`}>{t.languageNames[code as keyof typeof t.languageNames]}</label>
              </div>
            ))}
          </fieldset>
        </details>
        <div class="field">
          <label for="at">{t.atLabel}</label>
          <input id="at" type="datetime-local" value={form.at} onInput={(e) => setForm({ ...form, at: e.currentTarget.value })} />
        </div>
        {formProblem ? (
          <p class="error" role="alert">
            {formProblem}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {t.submit}
        </button>
      </form>
      <div class="result" ref={resultRef} aria-live="polite" aria-busy={busy}>
        {busy ? (
          <p class="progress" role="status">
            <span class="spinner" aria-hidden="true" /> {t.searching}
          </p>
        ) : null}
        {error ? (
          <div class="error" role="alert">
            <h2 tabIndex={-1}>{error.message}</h2>
            {suggestions.length ? (
              <>
                <p>{t.closeNames}</p>
                <ul class="suggestions">
                  {suggestions.map((c) => (
                    <li key={c}>
                      <button
                        type="button"
                        class="link-button"
                        onClick={() => {
                          const next = { ...form, commune: c };
                          setForm(next);
                          void findRoute(next);
                        }}
                      >
                        {c}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        {route ? (
          <>
            <RouteView route={route} />
            <section class="share no-print" aria-labelledby="share-title">
              <h2 id="share-title">{t.shareTitle}</h2>
              <p class="hint">{t.shareHint}</p>
              <div class="actions">
                <button
                  type="button"
                  onClick={() => {
                    void navigator.clipboard?.writeText(shareUrl).then(() => setCopied(true));
                  }}
                >
                  {t.copyLink}
                </button>
                <a class="button" href={`sms:?&body=${encodeURIComponent(shareUrl)}`}>
                  {t.sendSms}
                </a>
                <button type="button" onClick={() => window.print()}>
                  {t.print}
                </button>
              </div>
              <p role="status">{copied ? t.linkCopied : ""}</p>
            </section>
          </>
        ) : null}
      </div>
    </div>
  );
}
