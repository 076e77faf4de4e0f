import { parse } from "yaml";
import { z } from "zod";
import { needCodes, situationCodes } from "./schema";

export const taxonomySchema = z
  .strictObject({
    needs: z.array(z.strictObject({ code: z.enum(needCodes), routeOrder: z.number().int().min(1), label: z.string().min(1) })),
    situations: z.array(
      z.strictObject({ code: z.enum(situationCodes), label: z.string().min(1), typicalNeeds: z.array(z.enum(needCodes)).min(1) }),
    ),
  })
  .superRefine((taxonomy, ctx) => {
    const missing = [
      ...needCodes.filter((code) => !taxonomy.needs.some((n) => n.code === code)),
      ...situationCodes.filter((code) => !taxonomy.situations.some((s) => s.code === code)),
    ];
    if (missing.length > 0) ctx.addIssue({ code: "custom", message: `codes without a label: ${missing.join(", ")}` });
  });

export type Taxonomy = z.infer<typeof taxonomySchema>;

export function parseTaxonomy(text: string): Taxonomy {
  return taxonomySchema.parse(parse(text));
}
