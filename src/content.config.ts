/**
 * Content collections. Attack patterns and docs are MDX written by us; the server catalogue is not a
 * collection: it is plain data read once by `src/data/atlas.ts` with the same loader the scripts use.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { attackFrontmatterSchema } from './attacks/schema.ts';

export const collections = {
	/** `content/attacks/<id>.mdx`: one attack pattern per file; the file name is the id and URL slug. */
	attacks: defineCollection({
		loader: glob({
			pattern: '*.mdx',
			base: './content/attacks',
			generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
		}),
		schema: attackFrontmatterSchema,
	}),
	/** `content/docs/<slug>.mdx`: methodology and reference pages. */
	docs: defineCollection({
		loader: glob({ pattern: '*.mdx', base: './content/docs', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
		schema: z.strictObject({ title: z.string().min(1), description: z.string().min(1) }),
	}),
};
