// The page's Content-Security-Policy: it loads nothing from anywhere but its own server (its
// script and style, card images, its API), runs no inline script, and cannot be framed.
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
