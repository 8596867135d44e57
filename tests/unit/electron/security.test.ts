// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  applySessionPolicy,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  hardenWebContents,
  isAllowedNavigation,
  isAppUrl,
  isPermissionGranted,
  isSafeExternalUrl,
} from '../../../electron/security.js';
import { createFakeElectron, FakeWebContents } from './fakeElectron.js';

const TRICKY_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'jAvAsCrIpT:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'FILE:///C:/Windows/win.ini',
  'about:blank',
  'about:srcdoc',
  'blob:app://crisis-room/5c1e6f5a-0000-4000-8000-000000000000',
  'blob:https://evil.example/uuid',
  'app://evil-host/index.html',
  'app://crisis-room.evil.com/index.html',
  'app://crisis-room@evil/index.html',
  'app://user:pass@crisis-room/index.html',
  'app://crisis-room:8080/index.html',
  'APP://CRISIS-ROOM/index.html',
  'App://crisis-room/index.html',
  'app:crisis-room/index.html',
  'app:/crisis-room/index.html',
  'app:///crisis-room/index.html',
  'app://crisis-room%2f@evil/',
  'app://crisis-room\\@evil/',
  'app://crisis-room\t/index.html',
  ' app://crisis-room/index.html',
  'app://crisis-room\n.evil/',
  'http://127.0.0.1.evil.com/',
  'http://127.0.0.1:5178/',
  'http://localhost/',
  'https://example.com/',
  'https://crisis-room/',
  'ws://127.0.0.1/signal',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://crisis-room/index.html',
  'filesystem:app://crisis-room/temporary/x',
  '//crisis-room/index.html',
  '/index.html',
  'index.html',
  '',
  'app://',
];

describe('navigation guard', () => {
  it.each(TRICKY_URLS)('refuses %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it.each([
    'app://crisis-room/index.html',
    'app://crisis-room/',
    'app://crisis-room/index.html#/playbook',
    'app://crisis-room/index.html?workspace=abc',
    'app://crisis-room/assets/index-abc123.js',
  ])('allows the app itself: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it('treats non-strings as not allowed', () => {
    expect(isAppUrl(undefined as unknown as string)).toBe(false);
    expect(isAppUrl(42 as unknown as string)).toBe(false);
  });
});

describe('external links', () => {
  it('only opens plain https links', () => {
    expect(isSafeExternalUrl('https://www.example.com/guide')).toBe(true);
    for (const url of [
      'http://example.com/',
      'https://user:pw@example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'https:\\\\evil.example',
      'https://exa mple.com',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('web contents hardening', () => {
  function hardened() {
    const electron = createFakeElectron();
    const contents = new FakeWebContents();
    hardenWebContents(electron, contents);
    return { electron, contents };
  }

  it('prevents navigation and redirects away from the app', () => {
    const { contents } = hardened();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil-host/', 'about:blank']) {
      expect(contents.fire('will-navigate', url).defaultPrevented, url).toBe(true);
      expect(contents.fire('will-redirect', url).defaultPrevented, url).toBe(true);
    }
    expect(contents.fire('will-navigate', 'app://crisis-room/index.html').defaultPrevented).toBe(false);
  });

  it('refuses webviews', () => {
    const { contents } = hardened();
    expect(contents.fire('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('denies every new window and opens only https links in the system browser', async () => {
    const { electron, contents } = hardened();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://www.example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://crisis-room/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(electron.openedExternally).toEqual(['https://www.example.com/']);
  });
});

describe('content security policy', () => {
  it('starts from nothing and never allows eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    const script = CSP_DIRECTIVES.find(([name]) => name === 'script-src')?.[1];
    // WebAssembly only (Argon2id for the vault passphrase), never JS eval.
    expect(script).toBe("'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('lets the app reach LAN signaling over ws:/wss:, probe it over http:/https:, and its own origin', () => {
    const connect = CSP_DIRECTIVES.find(([name]) => name === 'connect-src')?.[1].split(' ');
    expect(connect).toEqual(["'self'", 'app://crisis-room', 'ws:', 'wss:', 'http:', 'https:']);
    expect(connect).not.toContain('*');
  });

  it('is put on every response and replaces a weaker one', () => {
    const electron = createFakeElectron();
    applySessionPolicy(electron.session.defaultSession);
    let answer: { responseHeaders?: Record<string, string[]> } = {};
    electron.sessionHandlers.headers!(
      { url: 'app://crisis-room/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (response) => (answer = response),
    );
    const headers = answer.responseHeaders!;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
  });
});

describe('permissions', () => {
  it('denies requests and checks by default', () => {
    const electron = createFakeElectron();
    applySessionPolicy(electron.session.defaultSession);
    const { permissionRequest, permissionCheck, device } = electron.sessionHandlers;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'unknown']) {
      const answers: boolean[] = [];
      permissionRequest!(null, permission, (granted) => answers.push(granted), { requestingUrl: 'app://crisis-room/index.html' });
      expect(answers, permission).toEqual([false]);
      expect(permissionCheck!(null, permission, 'app://crisis-room'), permission).toBe(false);
    }
    expect(device!({})).toBe(false);
  });

  it('lets only the app itself write to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://crisis-room')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://crisis-room/index.html')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://evil-host')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined)).toBe(false);
  });
});
