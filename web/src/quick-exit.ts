/**
 * Quick exit, as GOV.UK's "Exit this page" does it: the button, Échap, or Shift pressed three times
 * replace the page with a neutral site through location.replace, so Back does not return here; the
 * app's state (a professional's token, the form) goes first.
 */
export const neutralSite = "https://www.google.fr/search?q=meteo";

const shiftPresses = 3;
const shiftWindowMs = 2000;

export function leave(): void {
  document.body.replaceChildren();
  document.title = "";
  window.location.replace(neutralSite);
}

export function installQuickExit(onLeave: () => void): void {
  const exit = () => {
    onLeave();
    leave();
  };
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-quick-exit]") : null;
    if (!target) return;
    event.preventDefault();
    exit();
  });
  let presses: number[] = [];
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      exit();
      return;
    }
    if (event.key !== "Shift" || event.repeat) {
      presses = [];
      return;
    }
    presses = [...presses.filter((t) => event.timeStamp - t < shiftWindowMs), event.timeStamp];
    if (presses.length >= shiftPresses) exit();
  });
}
