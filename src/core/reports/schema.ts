import { z } from 'zod';

const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const progressQuery = z
  .object({
    format: optionalParam(z.enum(['html', 'pdf'])),
    from: optionalParam(z.iso.date()),
    to: optionalParam(z.iso.date()),
    /** The public version: only public items (for residents and the council). */
    public: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
    areaId: optionalParam(z.uuid()),
    actionLineId: optionalParam(z.uuid()),
  })
  .strict();
export type ProgressQuery = z.infer<typeof progressQuery>;
