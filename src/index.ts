// threadeck's library API: load a thread, lay out its cards, render SVG, export PNG/PDF, build files.
export type { Author, Card, CardSize, Deck, ImageAsset, OutputKind, Post, SourcePosition, Thread } from './model.ts';
export { OUTPUT_KINDS } from './model.ts';
export { ThreadeckError, formatDiagnostic, type Diagnostic, type ErrorCode, type Severity } from './diagnostics.ts';
export { loadThread, parseThread, type ParseOptions } from './load/load-thread.ts';
export { ThreadSchema, threadJsonSchema, MAX_POSTS, type ThreadInput } from './load/schema.ts';
export { layoutThread, deckInfo, DEFAULT_SIZE, type LayoutOptions } from './layout/paginate.ts';
export { fitBlocks, bodyMeasurer, sizeRange, type CardFit } from './layout/fit.ts';
export { splitBlocks } from './layout/split.ts';
export { parsePostText, shortenUrl } from './text/markdown.ts';
export type { Block, Span, ListItem } from './text/rich.ts';
export { renderCardSvg, renderDeckSvgs } from './render/render-svg.ts';
export { getTemplate, templateNames } from './render/templates.ts';
export type { BoxSize, DeckInfo, Template, TemplateProps, Theme } from './render/template.ts';
export { rasterize, svgToPng, type Raster } from './export/png.ts';
export { rastersToPdf, type PdfPage } from './export/pdf.ts';
export { renderThread, type RenderOptions, type RenderedThread } from './pipeline.ts';
export { build, type BuildOptions, type BuildReport, type FileReport, type ThreadReport } from './build.ts';
export { resolveInputs } from './cli/inputs.ts';
