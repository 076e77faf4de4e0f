/**
 * The published SDL (published/schema.graphql, the API as last released to partners) against the
 * API as served now (generated/schema.graphql, from `npm run codegen`): graphql-inspector's changes,
 * by criticality. A breaking change needs a new major version (`npm run schema:release`).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export const root = join(import.meta.dirname, "..");
export const publishedSchemaFile = join(root, "published", "schema.graphql");
export const currentSchemaFile = join(root, "generated", "schema.graphql");
export const changelogFile = join(root, "published", "CHANGELOG.md");

const versionLine = /^# Parcours API (\d+)\.(\d+)\.(\d+)\b/;

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

export function versionOf(publishedSdl: string): Version {
  const match = versionLine.exec(publishedSdl);
  if (!match) throw new Error(`${publishedSchemaFile} must start with "# Parcours API <major>.<minor>.<patch>"`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export const formatVersion = ({ major, minor, patch }: Version) => `${major}.${minor}.${patch}`;

export async function schemaChanges(publishedSdl: string, currentSdl: string): Promise<Record<"breaking" | "dangerous" | "safe", Change[]>> {
  const changes = await diff(buildSchema(publishedSdl), buildSchema(currentSdl));
  const at = (level: CriticalityLevel) => changes.filter((change) => change.criticality.level === level);
  return { breaking: at(CriticalityLevel.Breaking), dangerous: at(CriticalityLevel.Dangerous), safe: at(CriticalityLevel.NonBreaking) };
}

export async function readSchemas(): Promise<{ published: string; current: string; changelog: string }> {
  const [published, current, changelog] = await Promise.all([publishedSchemaFile, currentSchemaFile, changelogFile].map((file) => readFile(file, "utf8")));
  return { published: published!, current: current!, changelog: changelog! };
}

/** The changelog has a section per release: "## 1.2.0 (2026-11-28)". */
export function hasChangelogEntry(changelog: string, version: Version): boolean {
  return new RegExp(`^## ${formatVersion(version).replaceAll(".", "\\.")}\\b`, "m").test(changelog);
}
