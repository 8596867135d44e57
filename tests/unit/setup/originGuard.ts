import * as Y from 'yjs';
import { guardOrigins, isGuarded } from '../../../shared/doc/originGuard';

/**
 * Every Y.Doc in the unit tests gets the origin guard (shared/doc/originGuard.ts), also docs a
 * test or a library makes itself: the first transaction of a doc installs it, just before Yjs
 * announces that transaction ('beforeAllTransactions' precedes 'beforeTransaction'). So a local
 * write without an origin anywhere in the code under test fails the test that reaches it.
 *
 * The one patch of a library's prototype, and only in tests: Yjs has no hook for "a doc was
 * made", and docs are made in hundreds of places (tests, y-dexie). The app installs the guard
 * through the public API instead (renderer/app/originGuardService.ts).
 */
Error.stackTraceLimit = 60;
type Emit = (this: Y.Doc, name: string, args: unknown[]) => void;
const proto = Y.Doc.prototype as unknown as { emit: Emit };
const emit = proto.emit;
proto.emit = function (this: Y.Doc, name: string, args: unknown[]) {
  if (name === 'beforeAllTransactions' && !isGuarded(this)) guardOrigins(this);
  emit.call(this, name, args);
};
