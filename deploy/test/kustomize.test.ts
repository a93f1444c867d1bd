import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { hasSystemTool, run } from './system-tool.ts';

const K8S_DIR = fileURLToPath(new URL('../k8s/', import.meta.url));
const SECRET_NAME = 'nano-marktplatz-secrets';

/** The parts of a rendered Kubernetes object these checks read. */
interface K8sObject {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are free-form; each check names the path it reads.
  spec: any;
}

interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  envFrom?: Array<{ secretRef?: { name: string }; configMapRef?: { name: string } }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}

interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  initContainers?: Container[];
}

function render(overlay: string): K8sObject[] {
  const result = run('kubectl', ['kustomize', `overlays/${overlay}`], K8S_DIR);
  if (result.status !== 0) {
    throw new Error(`kubectl kustomize overlays/${overlay} failed:\n${result.output}`);
  }
  return parseAllDocuments(result.stdout)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) {
    throw new Error(`${kind}/${name} is not rendered`);
  }
  return found;
}

/** Every pod template: Deployments and CronJobs. */
function podSpecs(objects: K8sObject[]): Array<[string, PodSpec]> {
  return objects.flatMap((o): Array<[string, PodSpec]> => {
    if (o.kind === 'Deployment') {
      return [[o.metadata.name, o.spec.template.spec]];
    }
    if (o.kind === 'CronJob') {
      return [[o.metadata.name, o.spec.jobTemplate.spec.template.spec]];
    }
    return [];
  });
}

const ready = hasSystemTool('kubectl', 'kubernetes-client', ['version', '--client']);

describe.skipIf(!ready).each([
  { overlay: 'staging', host: 'staging.nano.example.org', appReplicas: 1, hpaMin: 1 },
  { overlay: 'production', host: 'nano.example.org', appReplicas: 3, hpaMin: 3 },
])('kubectl kustomize overlays/$overlay', ({ overlay, host, appReplicas, hpaMin }) => {
  const objects = ready ? render(overlay) : [];

  it.each(['nano-marktplatz-app', 'nano-marktplatz-worker'])(
    '%s has probes, resources and a locked-down security context',
    (name) => {
      const pod: PodSpec = find(objects, 'Deployment', name).spec.template.spec;
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
      for (const container of pod.containers) {
        expect(container.readinessProbe, `${container.name} readiness`).toBeDefined();
        expect(container.livenessProbe, `${container.name} liveness`).toBeDefined();
        for (const resource of ['cpu', 'memory']) {
          expect(
            container.resources?.requests?.[resource],
            `${container.name} requests.${resource}`,
          ).toBeTruthy();
          expect(
            container.resources?.limits?.[resource],
            `${container.name} limits.${resource}`,
          ).toBeTruthy();
        }
        expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
        expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
        expect(container.securityContext?.capabilities?.drop).toContain('ALL');
      }
    },
  );

  it('runs serve in the app and worker in the worker, probing the health endpoints', () => {
    const app: Container = find(objects, 'Deployment', 'nano-marktplatz-app').spec.template.spec
      .containers[0];
    const worker: Container = find(objects, 'Deployment', 'nano-marktplatz-worker').spec.template.spec
      .containers[0];
    expect(app.args).toEqual(['serve']);
    expect(worker.args).toEqual(['worker']);
    expect(app.readinessProbe).toMatchObject({ httpGet: { path: '/health/ready' } });
    expect(app.livenessProbe).toMatchObject({ httpGet: { path: '/health/live' } });
    // The worker answers on its operations port (WORKER_PORT, 3001 by default).
    expect(worker.ports).toEqual([{ name: 'ops', containerPort: 3001, protocol: 'TCP' }]);
    expect(worker.livenessProbe).toMatchObject({ httpGet: { path: '/health/live', port: 'ops' } });
    expect(worker.readinessProbe).toMatchObject({ httpGet: { path: '/health/ready', port: 'ops' } });
    const workerPod = find(objects, 'Deployment', 'nano-marktplatz-worker').spec.template;
    expect(workerPod.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '3001',
    });
    expect(find(objects, 'Deployment', 'nano-marktplatz-app').spec.replicas).toBe(appReplicas);
  });

  it('renders no Secret and reads the secrets from the referenced nano-marktplatz-secrets', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const [name, pod] of podSpecs(objects)) {
      for (const container of pod.containers) {
        const secretRefs = (container.envFrom ?? []).flatMap((e) => (e.secretRef ? [e.secretRef.name] : []));
        expect(secretRefs, `${name}/${container.name}`).toEqual([SECRET_NAME]);
      }
    }
  });

  it('pins every image to a version', () => {
    const images = podSpecs(objects).flatMap(([, pod]) =>
      [...pod.containers, ...(pod.initContainers ?? [])].map((c) => c.image),
    );
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) {
      expect(image).toMatch(/^ghcr\.io\/example\/nano-marktplatz:\d+\.\d+\.\d+[\w.-]*$/);
    }
  });

  it('has a PodDisruptionBudget and an HPA on CPU and on requests per second', () => {
    const pdb = find(objects, 'PodDisruptionBudget', 'nano-marktplatz-app');
    expect(pdb.spec.selector.matchLabels['app.kubernetes.io/component']).toBe('app');
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'nano-marktplatz-app');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'nano-marktplatz-app' });
    expect(hpa.spec.minReplicas).toBe(hpaMin);
    expect(hpa.spec.metrics).toContainEqual(
      expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }),
    );
    expect(hpa.spec.metrics).toContainEqual(
      expect.objectContaining({
        type: 'Pods',
        pods: expect.objectContaining({ metric: { name: 'http_requests_per_second' } }),
      }),
    );
  });

  it('has the backup and restore-drill CronJobs', () => {
    const args = (name: string): string[] =>
      find(objects, 'CronJob', name).spec.jobTemplate.spec.template.spec.containers[0].args;
    expect(args('nano-marktplatz-backup')).toEqual(['backup']);
    expect(args('nano-marktplatz-restore-drill')).toEqual(['restore', '--drill']);
  });

  it('denies ingress by default and limits egress', () => {
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const denyAll = policies.find(
      (p) =>
        Object.keys(p.spec.podSelector).length === 0 &&
        p.spec.policyTypes.includes('Ingress') &&
        !p.spec.ingress,
    );
    expect(denyAll, 'a default-deny ingress policy').toBeDefined();
    expect(policies.some((p) => p.spec.policyTypes.includes('Egress'))).toBe(true);
  });

  it('exposes the app through nginx with WebSocket timeouts, upload size and TLS', () => {
    const ingress = find(objects, 'Ingress', 'nano-marktplatz');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-body-size': '110m',
    });
    expect(ingress.spec.rules[0].host).toBe(host);
    expect(ingress.spec.tls[0]).toMatchObject({ hosts: [host], secretName: expect.any(String) });
  });

  it('keeps /metrics away from the public ingress', () => {
    const metrics = find(objects, 'Ingress', 'nano-marktplatz-metrics');
    expect(metrics.metadata.annotations?.['nginx.ingress.kubernetes.io/whitelist-source-range']).toBe(
      '127.0.0.1/32',
    );
    expect(metrics.spec.rules[0]).toMatchObject({
      host,
      http: { paths: [{ path: '/metrics', pathType: 'Prefix' }] },
    });
  });
});
