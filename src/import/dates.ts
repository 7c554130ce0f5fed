// Dates as pages write them ("Mar 26, 2026", "26 March 2026", "2026-03-26", X's created_at) → YYYY-MM-DD.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

const MDY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
/** X's created_at: "Wed Mar 26 10:00:00 +0000 2026". */
const X_CREATED = new RegExp(`^[a-z]{3}\\s+${MONTH}\\s+(\\d{1,2})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+([+-]\\d{4})\\s+(\\d{4})$`, 'i');

/** The first date found in `text`, as YYYY-MM-DD, or undefined. Only real calendar dates. */
export function findDate(text: string): string | undefined {
  const x = X_CREATED.exec(text.trim());
  if (x) {
    const d = new Date(`${x[7]}-${pad(month(x[1]!))}-${pad(Number(x[2]))}T${x[3]}:${x[4]}:${x[5]}${x[6]!.slice(0, 3)}:${x[6]!.slice(3)}`);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  }
  const iso = ISO.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = MDY.exec(text);
  if (mdy) return valid(Number(mdy[3]), month(mdy[1]!), Number(mdy[2]));
  const dmy = DMY.exec(text);
  if (dmy) return valid(Number(dmy[3]), month(dmy[2]!), Number(dmy[1]));
  return undefined;
}

/** True when `text` is nothing but a date (and perhaps a time): "Mar 26, 2026", "10:00 AM · Mar 26, 2026". */
export function isDateLine(text: string): boolean {
  const s = text.trim();
  if (!findDate(s)) return false;
  const rest = s
    .replace(X_CREATED, '')
    .replace(ISO, '')
    .replace(MDY, '')
    .replace(DMY, '')
    .replace(/\b\d{1,2}:\d{2}(:\d{2})?\s*(am|pm)?\b/gi, '')
    .replace(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/g, '')
    .replace(/[\s·•|,-]+/g, '');
  return rest === '';
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const s = `${y}-${pad(m)}-${pad(d)}`;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s) ? s : undefined;
}

/** X status ids carry their time (a "snowflake": ms since 2010-11-04 in the bits above 22). */
const SNOWFLAKE_EPOCH = 1288834974657n;

/** The UTC date a post id was made, or undefined for an id too small to be a snowflake. */
export function dateOfStatusId(id: string): string | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  const ms = Number((BigInt(id) >> 22n) + SNOWFLAKE_EPOCH);
  const d = new Date(ms);
  return ms > Date.UTC(2010, 10, 4) && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
}

/** The status id in an x.com/twitter.com status URL or a thread-reader thread URL. */
export function statusIdOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/(?:[\w-]+\.)*(?:x|twitter)\.com\/[^/]+\/status(?:es)?\/(\d{15,20})/i.exec(url)?.[1] ?? /^https?:\/\/(?:www\.)?threadreaderapp\.com\/thread\/(\d{15,20})/i.exec(url)?.[1];
}
