import { LAN_HOST_STOPPED, type LanHostService, type LanHostStatus } from '../../shared/ipc.js';

/**
 * A LAN host that never runs, for builds or modes without one. Starting it reports `reason`
 * in the status instead of failing, so the UI can show why.
 */
export function lanHostUnavailable(reason: string): LanHostService {
  const status = async (): Promise<LanHostStatus> => ({ ...LAN_HOST_STOPPED, error: reason });
  return {
    start: status,
    stop: async () => LAN_HOST_STOPPED,
    status,
    nearby: async () => [],
  };
}
