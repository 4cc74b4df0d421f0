/** Shared shapes for the kustomize scenario tables. */
export interface Scenario {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly dir?: string;
  /** Expected output; omitted where the differential suite is the judge. */
  readonly expected?: string;
  /** Expected error (kustomize must fail too). */
  readonly error?: RegExp;
  /** Build as `kustomize build --load-restrictor LoadRestrictionsNone` (Flux's setting). */
  readonly loadRestrictor?: 'none';
}

export const deploy = (name: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: nginx:1.25
        envFrom:
        - configMapRef:
            name: cfg
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        secret:
          secretName: creds
${extra}`;

export const svc = (name: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
  - port: 80
    targetPort: 8080
`;

