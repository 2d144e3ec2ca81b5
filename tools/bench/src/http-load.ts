import autocannon from 'autocannon';

export interface Route {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Request bodies sent in turn, so consecutive requests ask different things. */
  bodies?: readonly string[];
}

export interface RouteResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function run(route: Route, connections: number, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  const { bodies } = route;
  return autocannon({
    url: route.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: route.method,
        headers: route.headers,
        ...(bodies && bodies.length > 0
          ? {
              setupRequest: (request: autocannon.Request) => {
                const body = bodies[next % bodies.length]!;
                next += 1;
                return { ...request, body };
              },
            }
          : {}),
      },
    ],
  });
}

/** Warms the route up (JIT, pools, caches), then measures it for `seconds` with autocannon. */
export async function drive(route: Route, options: { connections: number; seconds: number; warmupSeconds: number }): Promise<RouteResult> {
  if (options.warmupSeconds > 0) await run(route, options.connections, options.warmupSeconds);
  const result = await run(route, options.connections, options.seconds);
  return {
    name: route.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
