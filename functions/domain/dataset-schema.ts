/**
 * The dataset format: what a seed file (seed/*.yaml), an import file and a coordinator's mutation
 * must look like before anything reaches Neo4j. One schema for all three, so a fact is checked the
 * same way whoever brings it.
 */
// The enums are schema/'s (generated/enums.ts): the dataset format and the API cannot disagree.
import { z } from "zod";
import {
  accessModeValues,
  actorKindValues,
  actorLinkTypeValues,
  audienceValues,
  childrenPolicyValues,
  contactChannelValues,
  costValues,
  genderValues,
  needCodeValues,
  serviceKindValues,
  situationCodeValues,
  territoryLevelValues,
} from "../../generated/enums";
import type { ContactChannel } from "../../generated/graphql";
import { isValidOpeningHours } from "./opening-hours";


/** How every record's id is written: a string written otherwise names no record. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z.string().regex(idPattern, "must be kebab-case: lowercase letters, digits and dashes");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const isoDate = z.iso.date({ message: "must be a date written YYYY-MM-DD" });
const sourceRef = id.describe("the id of an entry of seed/sources.yaml");
const hsdsId = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100)
  .optional()
  .describe("the record's id in the Open Referral (HSDS) directory it was imported from");

/** French numbers as users dial them: 10 digits in pairs, 4-digit short numbers, 116 xxx, 3-digit emergency numbers. */
export const frenchPhone = z
  .string()
  .regex(
    /^(?:0[1-9](?: \d{2}){4}|0 [89]\d{2} \d{2} \d{2} \d{2}|1\d{1,2}|116 \d{3}|3\d{3})$/,
    'must be a French number written as dialled: "01 47 91 48 44", "0 806 00 00 92", "3919", "17", "116 006"',
  );

/**
 * A SIRET as the Sirene register writes it: 14 digits passing the Luhn check, except La Poste's
 * establishments (SIREN 356000000), whose digits add up to a multiple of 5 instead.
 */
export const siret = z
  .string()
  .regex(/^\d{14}$/, { message: "must be a SIRET: 14 digits, without spaces", abort: true })
  .refine(isValidSiret, "is not a valid SIRET: its check digit does not match (Luhn)");

/** An association's number in the Répertoire national des associations. */
export const rna = z.string().regex(/^W\d{9}$/, "must be an RNA number: W followed by 9 digits, such as W922000123");

function isValidSiret(value: string): boolean {
  const digits = [...value].map(Number);
  const laPoste = value.startsWith("356000000") && digits.reduce((sum, d) => sum + d, 0) % 5 === 0;
  const luhn = digits.reduceRight((sum, digit, i) => {
    const doubled = (digits.length - 1 - i) % 2 === 1 ? digit * 2 : digit;
    return sum + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return luhn % 10 === 0 || laPoste;
}

export const inseeCode = z
  .string()
  .regex(/^(?:\d{5}|2[AB]\d{3})$/, "must be a 5-character INSEE commune code such as 92050");

/** Where a fact comes from. Every record and every fact-bearing sub-record names one. */
const provenance = {
  source: sourceRef,
  note: text(500).optional(),
};

export const sourceSchema = z.strictObject({
  id,
  ref: text(500).describe("the seed file name (seeds/…) or the public page's URL"),
  title: text(300),
  publishedOn: isoDate.optional().describe("the page's own date when it states one"),
  verifiedAt: isoDate.describe("the date the facts are known to hold: the page's date, else when it was read"),
  dateNote: text(300).optional().describe("how verifiedAt was chosen when the source has no exact date"),
  unverified: z.boolean().default(false).describe("true when the source is old enough that its facts need re-checking"),
});

const webAddress = z.url({ protocol: /^https?$/ });
const contactValueChecks: Record<ContactChannel, z.ZodType> = {
  PHONE: frenchPhone,
  SMS: frenchPhone,
  EMAIL: z.email(),
  WEB: webAddress,
  CHAT: webAddress,
};

export const contactSchema = z
  .strictObject({
    channel: z.enum(contactChannelValues),
    value: text(300),
    label: text(200).optional(),
    free: z.boolean().optional(),
    referralOnly: z.boolean().default(false).describe("true when the channel is for professionals who refer a woman, not for the public"),
    ...provenance,
  })
  .superRefine((contact, ctx) => {
    const result = contactValueChecks[contact.channel].safeParse(contact.value);
    if (!result.success) {
      ctx.addIssue({ code: "custom", path: ["value"], message: result.error.issues[0]?.message ?? "invalid" });
    }
  });

export const scheduleSchema = z
  .strictObject({
    openingHours: z
      .string()
      .refine(isValidOpeningHours, "must be an OpenStreetMap opening_hours value such as \"Mo-Fr 09:30-17:30\" or \"24/7\"")
      .nullable()
      .describe("null when the source gives no usable hours"),
    description: text(300).optional().describe("the hours as the source words them, in French"),
    ...provenance,
  });

export const capacitySchema = z.strictObject({
  placesTotal: z.number().int().min(0).nullable(),
  placesFree: z.number().int().min(0).nullable().default(null),
  updatedAt: isoDate.nullable().default(null),
  description: text(300).optional(),
  ...provenance,
});

export const eligibilitySchema = z.strictObject({
  gender: z.enum(genderValues).nullable().default(null),
  minAge: z.number().int().min(0).max(120).nullable().default(null),
  maxAge: z.number().int().min(0).max(120).nullable().default(null),
  children: z.enum(childrenPolicyValues).nullable().default(null),
  residenceRequired: z.boolean().nullable().default(null),
  referralRequired: z.boolean().default(false),
  referredBy: text(300).optional().describe("who can refer, in French, when referral is required"),
});

export const locationSchema = z.strictObject({
  id,
  name: text(200),
  address: text(300).nullable().default(null),
  postalCode: z.string().regex(/^\d{5}$/, "must be a 5-digit postal code").nullable().default(null),
  commune: inseeCode,
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  confidential: z.boolean().default(false),
  hsdsId,
  ...provenance,
});

export const serviceSchema = z
  .strictObject({
    id,
    name: text(200),
    kind: z.enum(serviceKindValues),
    description: text(2000).optional(),
    audience: z.enum(audienceValues),
    situations: z.array(z.enum(situationCodeValues)).default([]),
    needs: z.array(z.enum(needCodeValues)).min(1, "a service answers at least one need"),
    access: z.array(z.enum(accessModeValues)).default([]),
    eligibility: eligibilitySchema.default(eligibilitySchema.parse({})),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/, "must be an ISO 639 language code")).default([]),
    accessibility: text(500).optional(),
    cost: z.enum(costValues).nullable().default(null),
    actsTonight: z.boolean().default(false).describe("can act the same evening or night (emergency teams, 24/7 lines, police)"),
    area: z.array(z.string()).min(1, "a service serves at least one territory code"),
    at: z.array(id).default([]).describe("ids of locations"),
    contacts: z.array(contactSchema).default([]),
    schedule: scheduleSchema.nullable().default(null),
    capacity: capacitySchema.nullable().default(null),
    hsdsId,
    ...provenance,
  })
  .superRefine((service, ctx) => {
    const { minAge, maxAge } = service.eligibility;
    if (minAge !== null && maxAge !== null && minAge > maxAge) {
      ctx.addIssue({ code: "custom", path: ["eligibility", "maxAge"], message: "must not be below minAge" });
    }
    const perpetratorOnly = service.needs.includes("PERPETRATOR_FOLLOW_UP");
    if (perpetratorOnly !== (service.audience === "PERPETRATORS")) {
      ctx.addIssue({
        code: "custom",
        path: ["audience"],
        message: "PERPETRATOR_FOLLOW_UP services, and only they, have the PERPETRATORS audience",
      });
    }
  });

export const actorSchema = z.strictObject({
  id,
  name: text(200),
  aliases: z.array(text(100)).default([]).describe("other names users type: acronyms, former names"),
  kind: z.enum(actorKindValues),
  description: text(2000).optional(),
  departement: z.string().regex(/^(?:\d{2}|2[AB]|97\d)$/).nullable().default(null).describe("null for national actors"),
  siret: siret.optional().describe("the SIRET of the establishment the actor is, from the Sirene register"),
  rna: rna.optional().describe("the association's number in the Répertoire national des associations"),
  covers: z.array(z.string()).default([]).describe("territory codes the actor works in"),
  basedAt: id.optional().describe("id of the location of its seat"),
  contacts: z.array(contactSchema).default([]),
  services: z.array(serviceSchema).default([]),
  hsdsId,
  ...provenance,
});

export const conventionSchema = z.strictObject({
  id,
  name: text(200),
  signedOn: isoDate.nullable().default(null),
  description: text(2000).optional(),
  parties: z.array(id).min(2, "a convention has at least two parties"),
  ...provenance,
});

export const actorLinkSchema = z.strictObject({
  from: id,
  type: z.enum(actorLinkTypeValues),
  to: id.describe("an actor id; for FUNDS, an actor or a service id"),
  ...provenance,
});

export const taxonomyEntrySchema = z.strictObject({
  code: z.string(),
  label: text(200),
  description: text(1000).optional(),
});

export const zoneSchema = z.strictObject({
  code: z.string().regex(/^[0-9]{2}-[a-z0-9-]+$/, "zone codes start with the département: 92-adavip-nord"),
  name: text(200),
  partOf: z.string(),
  communes: z.array(inseeCode).default([]),
  ...provenance,
});

/** One seed file: any subset of these sections. */
export const datasetFileSchema = z.strictObject({
  sources: z.array(sourceSchema).default([]),
  zones: z.array(zoneSchema).default([]),
  locations: z.array(locationSchema).default([]),
  actors: z.array(actorSchema).default([]),
  conventions: z.array(conventionSchema).default([]),
  links: z.array(actorLinkSchema).default([]),
});

export type Source = z.infer<typeof sourceSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type Capacity = z.infer<typeof capacitySchema>;
export type LocationRecord = z.infer<typeof locationSchema>;
export type ServiceRecord = z.infer<typeof serviceSchema>;
export type ActorRecord = z.infer<typeof actorSchema>;
export type ConventionRecord = z.infer<typeof conventionSchema>;
export type ActorLink = z.infer<typeof actorLinkSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type DatasetFile = z.infer<typeof datasetFileSchema>;
