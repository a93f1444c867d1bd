// The command line's entry (`node dist/cli.js <command>`). Tracing starts first when an OTLP endpoint
// is configured: its hooks patch pg, ioredis, http and the AWS SDK as they load, so the commands (and
// with them every module that imports those packages) are imported only afterwards.
import { ConfigError } from './config.ts';
import { createLogger } from './logger.ts';
import { readTracingConfig } from './platform/tracing/tracing-config.ts';

async function startTracingIfConfigured(command: string): Promise<() => Promise<void>> {
  const config = readTracingConfig(process.env, command);
  if (!config) {
    return async () => undefined;
  }
  const { startTracing } = await import('./platform/tracing/tracing-sdk.ts');
  const tracing = await startTracing(config, createLogger({ logLevel: process.env.LOG_LEVEL || 'info' }));
  return () => tracing.shutdown();
}

const argv = process.argv.slice(2);
let flush: () => Promise<void>;
try {
  flush = await startTracingIfConfigured(argv[0] ?? '');
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
}
const { runCli } = await import('./commands.ts');
await runCli(argv, { flush });
