/**
 * What every resource group holds: the transport and the client's route table.
 *
 * @internal
 * @module
 */
import type { HttpTransport } from '../http/transport.js';
import type { Route, RouteId } from './routes.js';

/** @internal */
export interface ResourceContext {
  readonly transport: HttpTransport;
  readonly routes: Readonly<Record<RouteId, Route>>;
}

/** @internal Sends the operation `id` with `args`. */
export function send<T>(
  ctx: ResourceContext,
  id: RouteId,
  args?: import('../http/transport.js').CallArgs,
): Promise<T> {
  return ctx.transport.call<T>(ctx.routes[id], args);
}
