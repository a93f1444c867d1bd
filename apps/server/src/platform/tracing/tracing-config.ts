import { ConfigError } from '../../config.ts';

/** The service name spans carry when OTEL_SERVICE_NAME is not set (`serve`); other commands add theirs. */
export const DEFAULT_SERVICE_NAME = 'nano-marktplatz';

/** Incoming requests that never get a span: probes and scrapes would drown the real traffic. */
export const UNTRACED_PATH_PREFIXES = ['/health/', '/metrics'] as const;

/** What the tracing SDK needs beyond the standard OTEL_* variables it reads itself. */
export interface TracingConfig {
  /** `service.name` of every span: OTEL_SERVICE_NAME, or the default for this command. */
  serviceName: string;
  /** `deployment.environment.name`: NODE_ENV. */
  environment: string;
  /** Where traces go (for the start-up log line; the exporter reads the variable itself). */
  endpoint: string;
}

/**
 * Tracing is on when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and OTEL_SDK_DISABLED is not `true`; otherwise this returns
 * undefined and no OpenTelemetry code is loaded at all. The exporter, the sampler
 * (OTEL_TRACES_SAMPLER[_ARG]) and the batch processor (OTEL_BSP_*) read their own variables.
 */
export function readTracingConfig(
  env: Record<string, string | undefined>,
  command: string,
): TracingConfig | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') {
    return undefined;
  }
  const endpoints = (['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'] as const).filter(
    (name) => env[name]?.trim(),
  );
  if (endpoints.length === 0) {
    return undefined;
  }
  const problems = endpoints
    .filter((name) => !isHttpUrl(env[name]?.trim() ?? ''))
    .map((name) => `${name}: must be an http:// or https:// URL (OTLP over HTTP)`);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  const endpoint =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || '';
  const serviceName =
    env.OTEL_SERVICE_NAME?.trim() ||
    (command === 'serve' ? DEFAULT_SERVICE_NAME : `${DEFAULT_SERVICE_NAME}-${command}`);
  return { serviceName, environment: env.NODE_ENV?.trim() || 'development', endpoint };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
