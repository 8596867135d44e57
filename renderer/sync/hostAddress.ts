import { DEFAULT_LAN_PORT, SignalingUrlSchema } from '../../shared/sync/settings';

/**
 * Turns what a person types as a host address into a signaling URL:
 * `192.168.1.20` → `ws://192.168.1.20:4444/signal`, `host:5000` → `ws://host:5000/signal`,
 * a full `ws://` or `wss://` URL is kept (with `/signal` added when it has no path).
 * Returns null when it cannot be a host address.
 */
export function normalizeHostAddress(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  // Another scheme (http://, https://…) is not a signaling address.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^wss?:\/\//i.test(text)) return null;
  let candidate = /^wss?:\/\//i.test(text) ? text : `ws://${text}`;
  try {
    const url = new URL(candidate);
    if (!url.port && !/^wss?:\/\/[^/]+:\d+/i.test(text) && !/^wss:/i.test(text)) url.port = String(DEFAULT_LAN_PORT);
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/signal';
    candidate = url.toString();
  } catch {
    return null;
  }
  return SignalingUrlSchema.safeParse(candidate).success ? candidate : null;
}
