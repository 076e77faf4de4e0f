/** The form of seed/mappings/directory-vocabularies.yaml, checked when `npm run codegen` ships it (./directory-mapping.ts reads it). */
import { z } from "zod";
import { audienceValues, needCodeValues, serviceKindValues, situationCodeValues } from "../../generated/enums";
import { knownTerritoryCodes } from "./territories";

export const directoryMappingSchema = z.strictObject({
  terms: z.array(
    z.strictObject({
      taxonomy: z.string().min(1),
      code: z.string().min(1),
      needs: z.array(z.enum(needCodeValues)).default([]),
      situations: z.array(z.enum(situationCodeValues)).default([]),
      kind: z.enum(serviceKindValues).optional(),
      audience: z.enum(audienceValues).optional(),
    }),
  ),
  areas: z.array(
    z.strictObject({
      name: z.string().min(1),
      territory: z.string().refine((code) => knownTerritoryCodes().includes(code), "must be a territory code of the referential"),
    }),
  ),
});

export type DirectoryMapping = z.infer<typeof directoryMappingSchema>;
