import { CATEGORIES, INDUSTRIES, INTERESTS, PROFILE_CATEGORY_LIST, PROVINCES } from '@dd/categories';
import { z } from 'zod';
import { industryDtoSchema, operatorDetailsSchema, referenceDataSchema, segmentOptionsSchema } from '@dd/contract';
import { segmentOptions } from '@dd/segments';
import { publicProcedure, signedInProcedure } from '../procedures';
import { router } from '../trpc';

// Labels live with the catalogue on the server; the portal gets them here in both languages.
const referenceData = {
  categories: [...PROFILE_CATEGORY_LIST, ...CATEGORIES].map((c) => ({ code: c.code, kind: c.kind, label: c.label, description: c.explanation })),
  industries: INDUSTRIES.map((i) => ({ code: i.code, sensitive: i.sensitive, label: i.label })),
  interests: Object.entries(INTERESTS).map(([code, label]) => ({ code, label })),
  provinces: Object.entries(PROVINCES).map(([code, label]) => ({ code, label })),
};

export const referenceRouter = router({
  all: signedInProcedure.output(referenceDataSchema).query(() => referenceData),
  /** The industries alone, public: an advertiser picks one on the sign-up form, before having an account. */
  industries: publicProcedure.output(z.array(industryDtoSchema)).query(() => referenceData.industries),
  /** Who runs the platform and how to reach them, public: the legal pages and the footer are shown to everyone. */
  operator: publicProcedure.output(operatorDetailsSchema).query(({ ctx }) => ctx.services.operator),
  /** What the segment builder offers besides the labels above: adult age bands, households, municipalities, spend bands. */
  segmentOptions: signedInProcedure.output(segmentOptionsSchema).query(() => segmentOptions()),
});
