// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHostAccess, socketOrigin, type ConfirmHosts } from '../../../electron/hostAccess.js';
import { applySessionPolicy, cspWithConnectSrc } from '../../../electron/security.js';
import { createAppRequestHandler } from '../../../electron/protocol.js';
import { startMainProcess } from '../../../electron/app.js';
import { lanHostUnavailable } from '../../../electron/host/unavailable.js';
import { IPC } from '../../../shared/ipc.js';
import { createFakeElectron, frame } from './fakeElectron.js';

// The Electron page's CSP connect-src names exactly the allowed hosts: this machine's own LAN
// host, hosts discovered nearby and the configured hosts the person allowed in a native dialog.

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-room-hosts-'));
  dirs.push(dir);
  return join(dir, 'sub', 'allowed-hosts.json');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const connectSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src '))!.slice('connect-src '.length).split(' ');
const OWN = ['http://127.0.0.1:4444', 'http://localhost:4444', 'ws://127.0.0.1:4444', 'ws://localhost:4444'];
const HOST = 'ws://192.168.1.20:4444/signal';

function recordingConfirm(answer: boolean) {
  const asked: string[][] = [];
  const confirm: ConfirmHosts = async (origins) => {
    asked.push([...origins]);
    return answer;
  };
  return { asked, confirm };
}

describe('origins a CSP can name', () => {
  it('takes ws/wss host names and IPv4 with their ports; refuses what CSP cannot express', () => {
    expect(socketOrigin('ws://192.168.1.20:4444/signal')).toBe('ws://192.168.1.20:4444');
    expect(socketOrigin('wss://Signal.Example.org/signal')).toBe('wss://signal.example.org');
    expect(socketOrigin('ws://host.local/signal')).toBe('ws://host.local');
    for (const bad of ['ws://[::1]:4444/signal', 'ws://my_host:4444/', 'http://192.168.1.20/', 'ws://u:p@host/', 'ws://*.example.org/', 'not a url', "ws://a'b/"]) {
      expect(socketOrigin(bad), bad).toBeNull();
    }
    expect(() => cspWithConnectSrc(["'self'", 'ws://a; script-src *'])).toThrow(/not a CSP source/);
  });
});

describe('allowed hosts', () => {
  it('start with this machine’s own LAN host only: no ws:, wss:, http: or https: wildcards', async () => {
    const access = createHostAccess({ file: tempFile(), confirm: async () => true });
    await access.load();
    expect(connectSrc(access.csp())).toEqual(["'self'", 'app://crisis-room', ...OWN]);
    expect(access.headers()['Content-Security-Policy']).toBe(access.csp());
    expect(access.csp()).toContain("script-src 'self'");
    expect(access.allowsRequest('ws://10.66.6.6:4444/signal')).toBe(false);
    expect(access.allowsRequest('http://10.66.6.6:4444/')).toBe(false);
    expect(access.allowsRequest('ws://127.0.0.1:4444/signal')).toBe(true);
    expect(access.allowsRequest('app://crisis-room/index.html')).toBe(true);
  });

  it('add a configured host only once the person allowed it; the page needs a reload; the next start has it', async () => {
    const file = tempFile();
    const access = createHostAccess({ file, confirm: async () => false });
    await access.load();
    access.documentServed();
    const yes = recordingConfirm(true);
    const result = await access.update({ hosts: [HOST], language: 'en' }, yes.confirm);
    expect(yes.asked).toEqual([['ws://192.168.1.20:4444']]);
    expect(result).toEqual({ origins: [...OWN.slice(0, 2), 'http://192.168.1.20:4444', ...OWN.slice(2), 'ws://192.168.1.20:4444'].sort(), declined: [], invalid: [], reloadNeeded: true });
    expect(connectSrc(access.csp())).toContain('ws://192.168.1.20:4444');
    expect(connectSrc(access.csp())).toContain('http://192.168.1.20:4444');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ v: 1, origins: ['ws://192.168.1.20:4444'] });
    // Asked once: the same list again asks nothing; after a reload the page has it.
    expect((await access.update({ hosts: [HOST], language: 'en' }, yes.confirm)).reloadNeeded).toBe(true);
    expect(yes.asked).toHaveLength(1);
    access.documentServed();
    expect((await access.update({ hosts: [HOST], language: 'en' }, yes.confirm)).reloadNeeded).toBe(false);

    const next = createHostAccess({ file, confirm: async () => false });
    await next.load();
    expect(next.allowsRequest(`${HOST}?x=1`)).toBe(true);
    expect(connectSrc(next.csp())).toContain('ws://192.168.1.20:4444');
  });

  it('keep a host the person did not allow out, and drop at once a host no longer configured', async () => {
    const access = createHostAccess({ file: tempFile(), confirm: async () => false });
    await access.load();
    const no = recordingConfirm(false);
    const declined = await access.update({ hosts: [HOST], language: 'zh-TW' }, no.confirm);
    expect(declined).toMatchObject({ declined: ['ws://192.168.1.20:4444'], reloadNeeded: false });
    expect(access.allowsRequest(HOST)).toBe(false);
    await access.update({ hosts: [HOST], language: 'en' }, recordingConfirm(true).confirm);
    expect(access.allowsRequest(HOST)).toBe(true);
    // Removed in the renderer: cut off without waiting for a reload (the request check applies the list now).
    await access.update({ hosts: [], language: 'en' }, no.confirm);
    expect(access.allowsRequest(HOST)).toBe(false);
    expect(access.allowsRequest('http://192.168.1.20:4444/')).toBe(false);
  });

  it('allow hosts discovered nearby and this machine’s running host without asking; report addresses a CSP cannot name', async () => {
    const access = createHostAccess({ file: tempFile(), confirm: async () => false });
    await access.load();
    access.setDiscovered(['ws://192.168.1.31:4444/signal']);
    access.setOwnHost({ running: true, port: 5000, urls: ['ws://192.168.1.20:5000/signal'] });
    expect(connectSrc(access.csp())).toEqual(expect.arrayContaining(['ws://192.168.1.31:4444', 'ws://127.0.0.1:5000', 'ws://192.168.1.20:5000', 'http://192.168.1.20:5000']));
    const never = recordingConfirm(false);
    const result = await access.update({ hosts: ['ws://192.168.1.31:4444/signal', 'ws://[fe80::1]:4444/signal'], language: 'en' }, never.confirm);
    expect(never.asked).toEqual([]);
    expect(result).toMatchObject({ declined: [], invalid: ['ws://[fe80::1]:4444/signal'] });
    access.setDiscovered([]);
    // Configured and allowed, it stays after it is no longer seen nearby.
    expect(access.allowsRequest('ws://192.168.1.31:4444/signal')).toBe(true);
  });

  it('ignore a tampered allowed-hosts file', async () => {
    const file = tempFile();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify({ v: 1, origins: ["ws://a; script-src 'unsafe-eval'", 'ws://ok.local'] }));
    const access = createHostAccess({ file, confirm: async () => false, log: () => {} });
    await access.load();
    expect(connectSrc(access.csp())).toEqual(["'self'", 'app://crisis-room', 'http://127.0.0.1:4444', 'http://localhost:4444', 'http://ok.local', 'ws://127.0.0.1:4444', 'ws://localhost:4444', 'ws://ok.local']);
    writeFileSync(file, '{"v":2}');
    const other = createHostAccess({ file, confirm: async () => false, log: () => {} });
    await other.load();
    expect(connectSrc(other.csp())).toEqual(["'self'", 'app://crisis-room', ...OWN]);
  });
});

describe('the session, the app protocol and IPC use the list', () => {
  it('every response carries the CSP of the moment; a main-frame document fixes what the page has; requests elsewhere are cancelled', async () => {
    const electron = createFakeElectron();
    const access = createHostAccess({ file: tempFile(), confirm: async () => true });
    await access.load();
    applySessionPolicy(electron.session.defaultSession, { headers: access.headers, documentServed: access.documentServed, allowsRequest: access.allowsRequest });
    let answer: { responseHeaders?: Record<string, string[]> } = {};
    electron.sessionHandlers.headers!({ url: 'app://crisis-room/index.html', resourceType: 'mainFrame', responseHeaders: {} }, (r) => (answer = r));
    expect(answer.responseHeaders!['Content-Security-Policy']).toEqual([access.csp()]);
    expect((await access.update({ hosts: [HOST], language: 'en' })).reloadNeeded).toBe(true);
    const cancelled: Array<boolean | undefined> = [];
    electron.sessionHandlers.beforeRequest!({ url: 'ws://10.66.6.6:4444/signal', resourceType: 'webSocket' }, (r) => cancelled.push(r.cancel));
    electron.sessionHandlers.beforeRequest!({ url: `${HOST}`, resourceType: 'webSocket' }, (r) => cancelled.push(r.cancel));
    electron.sessionHandlers.beforeRequest!({ url: 'app://crisis-room/assets/a.js' }, (r) => cancelled.push(r.cancel));
    expect(cancelled).toEqual([true, undefined, undefined]);
  });

  it('the app protocol serves the current CSP and tells when a document was served', async () => {
    const base = mkdtempSync(join(tmpdir(), 'crisis-room-hosts-dist-'));
    dirs.push(base);
    writeFileSync(join(base, 'index.html'), '<!doctype html>');
    writeFileSync(join(base, 'a.js'), '1');
    let documents = 0;
    const handle = createAppRequestHandler(base, { headers: () => ({ 'Content-Security-Policy': cspWithConnectSrc(["'self'", 'ws://x.local']) }), documentServed: () => void documents++ });
    const page = await handle(new Request('app://crisis-room/index.html'));
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' ws://x.local;");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(documents).toBe(1);
    await handle(new Request('app://crisis-room/a.js'));
    expect(documents).toBe(1);
  });

  it('allowHosts over IPC: only from the app, validated, confirmed in a native dialog on the calling window', async () => {
    const electron = createFakeElectron();
    const running = startMainProcess(electron, { distDir: '/app/dist', preloadPath: '/p.cjs', lanHost: lanHostUnavailable('test'), platform: 'linux', allowedHostsFile: tempFile() });
    electron.ready();
    await running;
    const app = frame('app://crisis-room/index.html');
    const channel = IPC.allowHosts.channel;
    await expect(electron.invoke(channel, frame('https://evil.example/'), { hosts: [HOST], language: 'en' })).rejects.toThrow(/not the app/);
    await expect(electron.invoke(channel, app, { hosts: ['http://192.168.1.20/'], language: 'en' })).rejects.toThrow(/invalid request/);
    await expect(electron.invoke(channel, app, { hosts: [HOST] })).rejects.toThrow(/language/);

    electron.dialogAnswers.message = { response: 1 };
    expect(await electron.invoke(channel, app, { hosts: [HOST], language: 'zh-TW' })).toMatchObject({ declined: ['ws://192.168.1.20:4444'] });
    const asked = electron.dialogCalls.at(-1)!;
    expect(asked.kind).toBe('message');
    expect(asked.options).toMatchObject({ type: 'warning', message: '允許 Crisis Room 連線到這些主機？', buttons: ['允許', '不允許'], defaultId: 1, cancelId: 1 });
    expect((asked.options as { detail: string }).detail).toContain('ws://192.168.1.20:4444');

    electron.dialogAnswers.message = { response: 0 };
    const allowed = (await electron.invoke(channel, app, { hosts: [HOST], language: 'en' })) as { origins: string[] };
    expect(allowed.origins).toContain('ws://192.168.1.20:4444');
    // The window's next document gets it in its CSP; requests elsewhere stay cancelled.
    let answer: { responseHeaders?: Record<string, string[]> } = {};
    electron.sessionHandlers.headers!({ url: 'app://crisis-room/', resourceType: 'mainFrame', responseHeaders: {} }, (r) => (answer = r));
    expect(connectSrc(answer.responseHeaders!['Content-Security-Policy']![0]!)).toContain('http://192.168.1.20:4444');
    const res: Array<boolean | undefined> = [];
    electron.sessionHandlers.beforeRequest!({ url: 'wss://evil.example/' }, (r) => res.push(r.cancel));
    expect(res).toEqual([true]);
  });
});
