import { apiEnvSchema, toolEnvSchemas, workerEnvSchema, type ApiEnv, type ToolEnv, type ToolName, type WorkerEnv } from './env.schema';
import { EnvError, parseEnv, type EnvSource } from './parse-env';

// The only reads of process.env in the code base (eslint.config.mjs keeps it so): every process
// loads its env once at start-up and passes the parsed values down.
export const loadApiEnv = (source: EnvSource = process.env): ApiEnv => parseEnv(apiEnvSchema, source);
export const loadWorkerEnv = (source: EnvSource = process.env): WorkerEnv => parseEnv(workerEnvSchema, source);
export const loadToolEnv = <T extends ToolName>(tool: T, source: EnvSource = process.env): ToolEnv<T> => parseEnv(toolEnvSchemas[tool], source) as ToolEnv<T>;

/**
 * For `npm start`, which runs both: the API's and the worker's settings checked together before
 * anything starts, so a bad worker-only value (LEDGER_*) is one clear refusal, not a crash loop
 * under the supervisor. A variable both read is reported once.
 */
export function loadPlatformEnv(source: EnvSource = process.env): { api: ApiEnv; worker: WorkerEnv } {
  const lines = new Map<string, string>();
  const attempt = <E>(load: () => E): E | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      for (const line of error.lines) {
        const name = line.slice(0, line.indexOf(':'));
        if (!lines.has(name)) lines.set(name, line);
      }
      return undefined;
    }
  };
  const api = attempt(() => loadApiEnv(source));
  const worker = attempt(() => loadWorkerEnv(source));
  if (!api || !worker) throw new EnvError([...lines.values()]);
  return { api, worker };
}

/** For the command-line tools: their env, or for a bad one its lines on stderr and exit code 1 (no stack trace). */
export function loadToolEnvOrExit<T extends ToolName>(tool: T, source: EnvSource = process.env): ToolEnv<T> {
  try {
    return loadToolEnv(tool, source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
