import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import { DEFAULT_SERVICE_NAME, readTracingConfig } from './tracing-config.ts';

describe('readTracingConfig', () => {
  it('leaves tracing off without an OTLP endpoint', () => {
    expect(readTracingConfig({}, 'serve')).toBeUndefined();
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, 'serve')).toBeUndefined();
  });

  it('turns tracing on with either endpoint variable, the traces-specific one first', () => {
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }, 'serve')).toEqual({
      serviceName: DEFAULT_SERVICE_NAME,
      environment: 'development',
      endpoint: 'http://jaeger:4318',
    });
    expect(
      readTracingConfig(
        {
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.org/v1/traces',
          NODE_ENV: 'production',
        },
        'serve',
      ),
    ).toMatchObject({ endpoint: 'https://traces.example.org/v1/traces', environment: 'production' });
  });

  it('honours OTEL_SDK_DISABLED', () => {
    expect(
      readTracingConfig(
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318', OTEL_SDK_DISABLED: 'TRUE' },
        'serve',
      ),
    ).toBeUndefined();
  });

  it('names the service after the command unless OTEL_SERVICE_NAME says otherwise', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' };
    expect(readTracingConfig(env, 'serve')?.serviceName).toBe('nano-marktplatz');
    expect(readTracingConfig(env, 'worker')?.serviceName).toBe('nano-marktplatz-worker');
    expect(readTracingConfig(env, 'backup')?.serviceName).toBe('nano-marktplatz-backup');
    expect(readTracingConfig({ ...env, OTEL_SERVICE_NAME: 'nm-staging' }, 'worker')?.serviceName).toBe(
      'nm-staging',
    );
  });

  it('refuses an endpoint that is not an http(s) URL, naming the variable', () => {
    const read = () =>
      readTracingConfig(
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4317', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://x' },
        'serve',
      );
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/);
    expect(read).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: must be/);
  });
});
