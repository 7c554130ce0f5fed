// pptxgenjs stamps the document with the time it was written (docProps/core.xml, and every zip
// entry's date): the same deck would give other bytes each build, and the build cache would
// rewrite it every time. The times are set to the thread's date (else 2000-01-01) and the package
// zipped again with fflate, entries in their order, pictures stored, XML deflated.
import { unzipSync, zipSync, type Zippable } from 'fflate';

export function stablePptx(bytes: Uint8Array, date: string | undefined): Uint8Array {
  const stamp = `${date ?? '2000-01-01'}T00:00:00Z`;
  const files = unzipSync(bytes);
  const out: Zippable = {};
  const mtime = new Date(stamp);
  for (const [name, data] of Object.entries(files)) {
    let body = data;
    if (name === 'docProps/core.xml') {
      const xml = Buffer.from(data).toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
      body = new Uint8Array(Buffer.from(xml, 'utf8'));
    }
    out[name] = [body, { level: /\.(png|jpe?g|gif)$/i.test(name) ? 0 : 6, mtime }];
  }
  return zipSync(out);
}
