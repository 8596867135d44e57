import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { structsOf } from '../../../shared/doc/yjsInternals';

/**
 * A V1 update of `doc`'s structs from the given clock of each client on (up to `end`, whole
 * structs, when given), clients in the order given: what the join slices of an earlier build
 * looked like (clients in the order picked).
 */
export function updateInOrder(doc: Y.Doc, from: Array<[client: number, clock: number, end?: number]>): Uint8Array {
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, from.length);
  for (const [client, clock, end = Infinity] of from) {
    const structs = structsOf(doc, client).filter((s) => s.id.clock + s.length > clock && s.id.clock < end);
    const enc = new Y.UpdateEncoderV1();
    for (const s of structs) s.write(enc, Math.max(0, clock - s.id.clock));
    encoding.writeVarUint(out, structs.length);
    encoding.writeVarUint(out, client);
    encoding.writeVarUint(out, Math.max(clock, structs[0]!.id.clock));
    encoding.writeUint8Array(out, enc.toUint8Array());
  }
  encoding.writeVarUint(out, 0); // no deletions
  return encoding.toUint8Array(out);
}
