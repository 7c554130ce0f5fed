// The thread file format as a zod schema: validation, TypeScript types and the published JSON Schema.
import { z } from 'zod';

const nonEmpty = (what: string) =>
  z.string({ error: `expected ${what} as a string` }).trim().min(1, `${what} cannot be empty`);

export const MAX_POSTS = 300;
/** X's longest posts are 25,000 characters; beyond that a "post" is an article, and laying it out would take minutes. */
export const MAX_POST_CHARS = 25_000;

const postText = (what: string) =>
  nonEmpty(what).max(MAX_POST_CHARS, `${what} is longer than ${MAX_POST_CHARS.toLocaleString('en-US')} characters (the longest an X post can be); split it into several posts`);

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
    text: postText('the quoted text').describe('The quoted post text (Markdown).'),
  })
  .describe('A post quoted inside this one, shown as a framed quote.');

export const PostObjectSchema = z
  .strictObject({
    text: postText('the post text').describe('The post text: Markdown (bold, italic, code, links, lists, quotes, code blocks); line breaks are kept.'),
    image: z
      .string({ error: 'expected an image path as a string' })
      .min(1)
      .optional()
      .describe('An image shown under the post text: PNG, JPEG, WebP or GIF (first frame), relative to the thread file.'),
    alt: z.string({ error: 'expected the alt text as a string' }).optional().describe('Alternative text of the image.'),
    quote: QuoteSchema.optional(),
  })
  .describe('A post with options: an image, its alt text, a quoted post.');

export const PostSchema = z.union([postText('the post').describe('The post text.'), PostObjectSchema], {
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

const colour = (what: string) =>
  z
    .string({ error: `expected ${what} as a colour like "#1F2937"` })
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, `expected ${what} as a hex colour like "#1F2937"`);

const FontFilesSchema = z.union(
  [
    z.string().min(1).describe('One font file (TTF, OTF or WOFF) used for every weight.'),
    z
      .strictObject({
        regular: z.string().min(1).describe('Regular (400) font file.'),
        bold: z.string().min(1).optional().describe('Bold (700) font file.'),
        italic: z.string().min(1).optional().describe('Italic (400) font file.'),
        boldItalic: z.string().min(1).optional().describe('Bold italic (700) font file.'),
      })
      .describe('Font files per style (TTF, OTF or WOFF).'),
  ],
  { error: 'expected a font file path or { regular, bold?, italic?, boldItalic? }' },
);

export const ThemeSchema = z
  .strictObject({
    background: colour('the background').optional().describe('Card background colour.'),
    surface: colour('the surface colour').optional().describe('Colour of badges, tracks and framed quotes.'),
    text: colour('the text colour').optional().describe('Body text colour.'),
    muted: colour('the muted colour').optional().describe('Secondary text (handle, footer).'),
    accent: colour('the accent colour').optional().describe('Links, @mentions, #hashtags, numbers, cues.'),
    onAccent: colour('the colour on the accent').optional().describe('Text drawn on the accent colour.'),
    font: FontFilesSchema.optional().describe('Body font files, relative to the file that names them.'),
    headingFont: FontFilesSchema.optional().describe('Font files for titles and names.'),
    logo: z.string().min(1).optional().describe('Logo image (PNG, JPEG, WebP, GIF), shown by templates that have a logo spot.'),
    footer: z.string().optional().describe('Footer text (default: the thread title).'),
  })
  .describe('Branding: colours, fonts, logo and footer text; each overrides the template default.');

export const CoverSchema = z.union([
  z.boolean().describe('true: a cover with the title; false: no cover.'),
  z
    .strictObject({
      title: z.string().min(1).optional().describe('Cover title (default: the thread title).'),
      hook: z.string().min(1).optional().describe('A hook line under the title.'),
    })
    .describe('Cover card options.'),
]);

export const OutroSchema = z.union([
  z.boolean().describe('true: the default call to action; false: no outro.'),
  z
    .strictObject({
      title: z.string().min(1).optional().describe('Big line (default: "Found this useful?").'),
      text: z.string().min(1).optional().describe('Call to action (default: follow and repost).'),
      link: z.url().optional().describe('A link to show (default: the thread source).'),
    })
    .describe('Outro card options.'),
]);

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
    template: z.string().min(1).optional().describe('Template name (see `threadeck templates`) or path to a template file.'),
    size: z
      .string({ error: 'expected a size like "linkedin", "square", "story", "slides" or "1200x1500"' })
      .optional()
      .describe('Card size: linkedin (1080×1350, default), square, story, slides, or WIDTHxHEIGHT.'),
    theme: ThemeSchema.optional(),
    cover: CoverSchema.optional().describe('The cover card: on by default.'),
    outro: OutroSchema.optional().describe('The closing call-to-action card: on by default.'),
    posts: z
      .array(PostSchema, { error: 'expected a list of posts' })
      .min(1, 'a thread needs at least one post')
      .max(MAX_POSTS, `a thread can have at most ${MAX_POSTS} posts (LinkedIn's limit for a document post)`)
      .describe('The posts, in order. Each is a string or { text, image?, alt? }.'),
  })
  .describe('A threadeck thread file.');

export type ThreadInput = z.infer<typeof ThreadSchema>;
export type ThemeInput = z.infer<typeof ThemeSchema>;
export type FontFilesInput = z.infer<typeof FontFilesSchema>;

/** A separate theme file (--theme FILE): the `theme` object at top level. */
export const ThemeFileSchema = ThemeSchema.extend({ $schema: z.string().optional() });
export type PostInput = z.infer<typeof PostSchema>;

/** A project config file, `threadeck.config.{yaml,yml,json}`: a team's defaults, paths relative to it. */
export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference, for editors.'),
    template: z.string().min(1).optional().describe('Template name or path to a template file (relative to this file); a thread file or --template wins.'),
    size: z
      .string({ error: 'expected a size like "linkedin", "square", "story", "slides" or "1200x1500"' })
      .optional()
      .describe('Card size: a preset or WIDTHxHEIGHT; a thread file or --size wins.'),
    theme: z
      .union([z.string().min(1), ThemeSchema], { error: 'expected a theme file path or the theme keys (background, accent, font, logo, …)' })
      .optional()
      .describe('Branding for every thread: the theme keys, or a theme file (relative to this file). A thread\'s own theme: and --theme override it key by key.'),
    out: z.string().min(1).optional().describe('Output folder (relative to this file); --out wins.'),
    formats: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'expected a list of formats like [png, pdf] or "png,pdf"' })
      .optional()
      .describe('Output formats (png, pdf, svg, md, handout); --format wins.'),
  })
  .describe('A threadeck project config file: defaults for every thread built from this folder down.');
export type ConfigInput = z.infer<typeof ConfigSchema>;

/** The JSON Schema published as schema/config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'threadeck project config' };
}

/** The JSON Schema published as schema/thread.schema.json. */
export function threadJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ThreadSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'threadeck thread' };
}
