import { parse } from "yaml";
import { z } from "zod";
import { needCodeValues, situationCodeValues } from "../../generated/enums";

export const taxonomySchema = z
  .strictObject({
    needs: z.array(z.strictObject({ code: z.enum(needCodeValues), routeOrder: z.number().int().min(1), label: z.string().min(1) })),
    situations: z.array(
      z.strictObject({ code: z.enum(situationCodeValues), label: z.string().min(1), typicalNeeds: z.array(z.enum(needCodeValues)).min(1) }),
    ),
  })
  .superRefine((taxonomy, ctx) => {
    const missing = [
      ...needCodeValues.filter((code) => !taxonomy.needs.some((n) => n.code === code)),
      ...situationCodeValues.filter((code) => !taxonomy.situations.some((s) => s.code === code)),
    ];
    if (missing.length > 0) ctx.addIssue({ code: "custom", message: `codes without a label: ${missing.join(", ")}` });
  });

export type Taxonomy = z.infer<typeof taxonomySchema>;

export function parseTaxonomy(text: string): Taxonomy {
  return taxonomySchema.parse(parse(text));
}
