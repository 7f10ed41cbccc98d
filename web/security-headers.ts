/**
 * The headers every page of the app is served with — by npm start (dev/web-app.ts) and by
 * CloudFront in AWS (infra/web-hosting.ts), from this one definition. The CSP allows nothing but
 * the app's own origin: no inline script or style (the app has none), no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self'",
  // The app talks to its own origin, and to Cognito's login domain for the tokens.
  "connect-src 'self' https://*.amazoncognito.com",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Two years, subdomains included, ready for the browsers' preload list. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=()';

export const WEB_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains; preload`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': PERMISSIONS_POLICY,
};
