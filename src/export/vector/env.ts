// What drawing an element needs to know about where it is drawn.
import type { Canvas } from './canvas.ts';
import type { Rgba } from './color.ts';
import type { VectorDoc } from './doc-context.ts';
import type { Box } from './shapes.ts';
import type { Style } from './style.ts';
import type { Element, SvgDoc } from './svg-dom.ts';

export interface Env {
  doc: SvgDoc;
  vdoc: VectorDoc;
  /** Inherited presentation attributes. */
  style: Style;
  /** Opacity multiplied down from the ancestors. */
  alpha: number;
  /** Paint every fill and stroke in this colour (a flood filter: satori's unblurred shadows). */
  flood?: Rgba;
  /** The viewport of the current coordinate system, generously bounding transparency groups. */
  box: Box;
}

/** Draws an element's children (draw.ts), handed to image.ts for SVG images so the two modules do not import each other. */
export type DrawChildren = (parent: Element, canvas: Canvas, env: Env) => Promise<void>;
