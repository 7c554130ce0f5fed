// A rendered thread → the answer's bytes and type, by the requested format.
import { zipSync } from 'fflate';
import type { RenderResult } from '../batch/render-task.ts';
import { HttpError } from './http-error.ts';
import type { RenderJob } from './render-request.ts';

export interface Answer {
  type: string;
  body: Buffer | string | object;
}

const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export function answerOf(job: RenderJob, result: RenderResult): Answer {
  const out = result.outputs!;
  const slug = job.thread.slug;
  switch (job.format) {
    case 'pdf':
      return { type: 'application/pdf', body: buf(out.pdf!) };
    case 'handout':
      return { type: 'application/pdf', body: buf(out.handout!.bytes) };
    case 'md':
      return { type: 'text/markdown; charset=utf-8', body: out.md ?? '' };
    case 'png': {
      // A one-card slice: its index list says which card the PNG is (none past the last card).
      const at = result.indices ? result.indices.indexOf(job.card - 1) : job.card - 1;
      const png = at >= 0 ? out.png[at] : undefined;
      if (!png) {
        throw new HttpError(422, `card ${job.card} does not exist`, [
          { severity: 'error', rule: 'usage', file: job.name, message: `card=${job.card}: the thread has ${result.cards} card${result.cards === 1 ? '' : 's'}` },
        ]);
      }
      return { type: 'image/png', body: buf(png) };
    }
    case 'zip': {
      const files: Record<string, Uint8Array> = {};
      const width = String(out.png.length).length;
      out.png.forEach((p, i) => (files[`${slug}/${slug}-${String(i + 1).padStart(Math.max(2, width), '0')}.png`] = p));
      if (out.pdf) files[`${slug}/${slug}.pdf`] = out.pdf;
      return { type: 'application/zip', body: buf(zipSync(files, { level: 0 })) };
    }
    case 'json':
      return {
        type: 'application/json; charset=utf-8',
        body: { key: job.key, slug, title: job.thread.title, cards: result.cards, width: result.size?.width, height: result.size?.height, pdfBytes: out.pdf?.byteLength, warnings: [...job.warnings, ...result.warnings] },
      };
  }
}
