/**
 * The app: mounted into index.html's #app, under the static header, quick exit and emergency numbers
 * that work without it. Pages by path; nothing is stored on the device.
 */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { catalogues, type Locale } from "./i18n/catalogue";
import { TextContext, translateStaticPage } from "./i18n/text";
import { ActorPage } from "./pages/actor-page";
import { DirectoryPage } from "./pages/directory-page";
import { ObservatoryLoader } from "./observatory/observatory-loader";
import { OrientationPage } from "./pages/orientation-page";
import { ProfessionalsPage } from "./pages/professionals-page";
import { SafetyPage } from "./pages/safety-page";
import { installQuickExit } from "./quick-exit";
import { navigate, onNavigate } from "./router";
import { session } from "./session";
import "./styles.css";

function pageOf(path: string, t: (typeof catalogues)[Locale]) {
  const actor = /^\/acteur\/([^/]+)$/.exec(path);
  if (actor) return { title: t.navDirectory, page: <ActorPage id={decodeURIComponent(actor[1]!)} /> };
  if (path === "/annuaire") return { title: t.navDirectory, page: <DirectoryPage /> };
  if (path === "/securite") return { title: t.navSafety, page: <SafetyPage /> };
  if (path === "/pro") return { title: t.navPro, page: <ProfessionalsPage /> };
  if (path === "/observatoire") return { title: t.observatory.title, page: <ObservatoryLoader /> };
  return { title: t.navOrientation, page: <OrientationPage /> };
}

function App() {
  const [locale, setLocale] = useState<Locale>("fr");
  const [path, setPath] = useState(location.pathname);
  const t = catalogues[locale];
  useEffect(() => onNavigate(() => setPath(location.pathname)), []);
  useEffect(() => {
    const switchButton = document.getElementById("language-switch");
    const toggle = () => setLocale((current) => (current === "fr" ? "en" : "fr"));
    switchButton?.addEventListener("click", toggle);
    return () => switchButton?.removeEventListener("click", toggle);
  }, []);
  useEffect(() => translateStaticPage(t, locale), [locale]);
  const { title, page } = pageOf(path, t);
  useEffect(() => {
    // The page's kind only: a route request never goes into the title (history, tabs, screen sharing).
    document.title = `${title} — Parcours`;
    for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[data-nav]")) {
      if (new URL(link.href).pathname === path) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }, [title, path]);
  return (
    <TextContext.Provider value={{ t, locale }}>
      <div key={path}>{page}</div>
    </TextContext.Provider>
  );
}

installQuickExit(() => session.set(undefined));
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-nav]") : null;
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  navigate(new URL(link.href).pathname);
});
const root = document.getElementById("app")!;
root.replaceChildren();
render(<App />, root);
