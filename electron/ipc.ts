import { z } from 'zod';
import { IPC, type IpcParsedRequest, type IpcResponse, type IpcRoute } from '../shared/ipc.js';
import type { BrowserWindowLike, ElectronFacade, InvokeEventLike, WebContentsLike } from './facade.js';
import { isAppUrl } from './security.js';

/** Who called: the web contents and, when it has one, its window (dialogs attach to it). */
export interface IpcCaller {
  contents: WebContentsLike;
  window: BrowserWindowLike | null;
}

/** One handler per route of the contract in shared/ipc.ts. */
export type IpcHandlers = {
  [K in IpcRoute]: (request: IpcParsedRequest<K>, caller: IpcCaller) => Promise<IpcResponse<K>> | IpcResponse<K>;
};

/** A request refused before any handler ran: foreign sender or invalid payload. */
export class IpcRejection extends Error {
  override name = 'IpcRejection';
}

/** Only the app's own top-level page may call main; not iframes, not other origins. */
export function assertTrustedSender(channel: string, event: InvokeEventLike): void {
  const frame = event.senderFrame;
  if (frame === null) throw new IpcRejection(`${channel} refused: the sending frame is gone`);
  if (frame.parent !== null) throw new IpcRejection(`${channel} refused: only the app's top frame may call it`);
  if (!isAppUrl(frame.url)) throw new IpcRejection(`${channel} refused: sender ${JSON.stringify(frame.url)} is not the app`);
}

/** Validates one request against its route's schema; the error names every bad field. */
export function parseRequest<K extends IpcRoute>(route: K, args: unknown[]): IpcParsedRequest<K> {
  const { channel, request } = IPC[route];
  if (args.length > 1) throw new IpcRejection(`${channel} refused: expected one argument, got ${args.length}`);
  const parsed = request.safeParse(args[0]);
  if (!parsed.success) throw new IpcRejection(`${channel} refused: invalid request\n${z.prettifyError(parsed.error)}`);
  return parsed.data as IpcParsedRequest<K>;
}

/**
 * Registers a handler for every route. Each call is checked (sender, then payload) before the
 * handler runs, and the handler's answer is checked against the response schema before it
 * leaves main. Returns a function that removes the handlers.
 */
export function registerIpc(
  electron: Pick<ElectronFacade, 'ipcMain' | 'BrowserWindow'>,
  handlers: IpcHandlers,
): () => void {
  const routes = Object.keys(IPC) as IpcRoute[];
  for (const route of routes) {
    const { channel, response } = IPC[route];
    const handler = handlers[route] as (request: unknown, caller: IpcCaller) => unknown;
    electron.ipcMain.handle(channel, async (event, ...args) => {
      assertTrustedSender(channel, event);
      const request = parseRequest(route, args);
      const caller = { contents: event.sender, window: electron.BrowserWindow.fromWebContents(event.sender) };
      return response.parse(await handler(request, caller));
    });
  }
  return () => routes.forEach((route) => electron.ipcMain.removeHandler(IPC[route].channel));
}
