import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { catalogues, type Catalogue, type Locale } from "./catalogue";

export const TextContext = createContext<{ t: Catalogue; locale: Locale }>({ t: catalogues.fr, locale: "fr" });

export const useText = () => useContext(TextContext);

/** The strings index.html holds outside the app (data-t="key", data-t-label="key" for aria-label), in the chosen language. */
export function translateStaticPage(t: Catalogue, locale: Locale): void {
  document.documentElement.lang = locale;
  for (const element of document.querySelectorAll<HTMLElement>("[data-t]")) {
    const value = t[element.dataset.t as keyof Catalogue];
    if (typeof value === "string") element.textContent = value;
  }
  for (const element of document.querySelectorAll<HTMLElement>("[data-t-label]")) {
    const value = t[element.dataset.tLabel as keyof Catalogue];
    if (typeof value === "string") element.setAttribute("aria-label", value);
  }
}
