// Bearer-token auth (--token-file): the header compared in constant time, by its hash, so neither
// its bytes nor its length leak through timing.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** A checker for `Authorization: Bearer <token>`; `undefined` header or a wrong token → false. */
export function bearerCheck(token: string): (header: string | undefined) => boolean {
  const want = digest(token);
  return (header) => {
    const m = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
    const got = digest(m ? m[1]!.trim() : '');
    // Always compared, even without a header: the time does not say which.
    return timingSafeEqual(want, got) && m !== null;
  };
}

/** The token in a --token-file: its first line, trimmed; empty is refused. */
export function tokenFromFile(text: string): string | undefined {
  const token = text.split(/\r?\n/)[0]!.trim();
  return token || undefined;
}
