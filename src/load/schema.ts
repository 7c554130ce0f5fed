// The thread file format as a zod schema: validation, TypeScript types and the published JSON Schema.
import { z } from 'zod';

const nonEmpty = (what: string) =>
  z.string({ error: `expected ${what} as a string` }).trim().min(1, `${what} cannot be empty`);

export const MAX_POSTS = 300;

const HandleSchema = z
  .string({ error: 'expected the handle as a string' })
  .regex(/^@?[A-Za-z0-9_.-]{1,64}$/, 'expected a handle like "@name" (letters, digits, _ . -)');

export const QuoteSchema = z
  .strictObject({
    author: z
      .strictObject({
        name: nonEmpty('the quoted author name'),
        handle: HandleSchema.optional(),
      })
      .describe('Who wrote the quoted post.'),
    text: nonEmpty('the quoted text').describe('The quoted post text (Markdown).'),
  })
  .describe('A post quoted inside this one, shown as a framed quote.');

export const PostObjectSchema = z
  .strictObject({
    text: nonEmpty('the post text').describe('The post text: Markdown (bold, italic, code, links, lists, quotes, code blocks); line breaks are kept.'),
    image: z
      .string({ error: 'expected an image path as a string' })
      .min(1)
      .optional()
      .describe('An image shown under the post text: PNG, JPEG, WebP or GIF (first frame), relative to the thread file.'),
    alt: z.string({ error: 'expected the alt text as a string' }).optional().describe('Alternative text of the image.'),
    quote: QuoteSchema.optional(),
  })
  .describe('A post with options: an image, its alt text, a quoted post.');

export const PostSchema = z.union([nonEmpty('the post').describe('The post text.'), PostObjectSchema], {
  error: 'expected a string or an object with text',
});

export const AuthorSchema = z
  .strictObject({
    name: nonEmpty('the author name').describe('Display name shown on every card.'),
    handle: HandleSchema.optional()
      .describe('Social handle, e.g. "@iximiuz".'),
    avatar: z
      .string({ error: 'expected an avatar path as a string' })
      .min(1)
      .optional()
      .describe('Avatar image (PNG, JPEG, WebP or GIF) relative to the thread file; initials are shown without one.'),
  })
  .describe('Who wrote the thread.');

export const ThreadSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference, for editors.'),
    title: nonEmpty('the title').describe('Title of the thread.'),
    author: AuthorSchema,
    date: z
      .string({ error: 'expected a date like 2026-03-26' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date like 2026-03-26', abort: true })
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date')
      .optional()
      .describe('Publication date, YYYY-MM-DD.'),
    source: z
      .url({ error: 'expected an absolute URL like https://example.com/thread' })
      .optional()
      .describe('Where the thread was published.'),
    posts: z
      .array(PostSchema, { error: 'expected a list of posts' })
      .min(1, 'a thread needs at least one post')
      .max(MAX_POSTS, `a thread can have at most ${MAX_POSTS} posts (LinkedIn's limit for a document post)`)
      .describe('The posts, in order. Each is a string or { text, image?, alt? }.'),
  })
  .describe('A threadeck thread file.');

export type ThreadInput = z.infer<typeof ThreadSchema>;
export type PostInput = z.infer<typeof PostSchema>;

/** The JSON Schema published as schema/thread.schema.json. */
export function threadJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ThreadSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'threadeck thread' };
}
