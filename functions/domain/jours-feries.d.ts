declare module "@socialgouv/jours-feries" {
  /** The public holidays of a year, by French name, as local midnights. */
  export default function joursFeries(year: number, options?: { alsace: boolean }): Record<string, Date>;
}
