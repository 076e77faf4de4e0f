/**
 * Provenance of imported facts. Parcours JSON cites its own sources; a CSV or HSDS file is itself the
 * source of what it says, unless a row names a document or page of its own (the CSV `source` column).
 * Each (file, ref, date) becomes a Source record, with an id stable across re-imports of the file.
 */
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import type { Source } from "../domain/dataset-schema";

/** As in seed/: a source more than three years older than the import is flagged for re-checking. */
const YEARS_BEFORE_UNVERIFIED = 3;

export class ImportSources {
  private readonly sources = new Map<string, Source>();

  constructor(
    readonly file: string,
    readonly fileDate: string,
    private readonly importDate: string,
  ) {}

  /** The id of the source of facts that `ref` (the file itself when absent) states as true on `verifiedAt`. */
  cite(ref: string | undefined, verifiedAt: string | undefined): string {
    const sourceRef = ref ?? this.file;
    const date = verifiedAt ?? this.fileDate;
    const id = `import-${createHash("sha256").update(`${this.file}\n${sourceRef}\n${date}`).digest("hex").slice(0, 16)}`;
    if (!this.sources.has(id)) {
      this.sources.set(id, {
        id,
        ref: sourceRef,
        title: sourceRef === this.file ? `Fichier importé ${this.file}` : `${sourceRef}, cité par le fichier importé ${this.file}`,
        verifiedAt: date,
        unverified: date < DateTime.fromISO(this.importDate).minus({ years: YEARS_BEFORE_UNVERIFIED }).toISODate()!,
      });
    }
    return id;
  }

  indexOf(id: string): number {
    return [...this.sources.keys()].indexOf(id);
  }

  list(): Source[] {
    return [...this.sources.values()];
  }
}

/** The calendar day of an instant in France, where the coordinators are. */
export function parisDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: "Europe/Paris" }).toISODate()!;
}
