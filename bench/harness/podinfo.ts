/**
 * The flux-benchmark artifact content (reference/flux-benchmark-workload.md §1a): one file, no
 * kustomization.yaml, four objects named podinfo-${INDEX} — ServiceAccount, Service, Deployment
 * (replicas ${PODS:=0}) and Ingress (class nginx) — with the postBuild variables INDEX, PODS, MCPU.
 */
export const podinfoManifest = `---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: podinfo-\${INDEX}
  labels:
    app.kubernetes.io/name: podinfo-\${INDEX}
    app.kubernetes.io/version: "6.5.3"
    app.kubernetes.io/managed-by: Flux
---
apiVersion: v1
kind: Service
metadata:
  name: podinfo-\${INDEX}
  labels:
    app.kubernetes.io/name: podinfo-\${INDEX}
    app.kubernetes.io/version: "6.5.3"
    app.kubernetes.io/managed-by: Flux
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: podinfo-\${INDEX}
  ports:
    - name: http
      port: 9898
      protocol: TCP
      targetPort: http
    - name: grpc
      port: 9999
      protocol: TCP
      targetPort: grpc
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: podinfo-\${INDEX}
  labels:
    app.kubernetes.io/name: podinfo-\${INDEX}
    app.kubernetes.io/version: "6.5.3"
    app.kubernetes.io/managed-by: Flux
spec:
  replicas: \${PODS:=0}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: podinfo-\${INDEX}
  template:
    metadata:
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9898"
      labels:
        app.kubernetes.io/name: podinfo-\${INDEX}
    spec:
      terminationGracePeriodSeconds: 30
      serviceAccountName: podinfo-\${INDEX}
      containers:
        - name: podinfo
          image: ghcr.io/stefanprodan/podinfo:6.5.3
          imagePullPolicy: IfNotPresent
          command:
            - ./podinfo
            - --port=9898
            - --cert-path=/data/cert
            - --port-metrics=9797
            - --grpc-port=9999
            - --grpc-service-name=podinfo
            - --level=info
            - --random-delay=false
            - --random-error=false
          env:
            - name: PODINFO_UI_COLOR
              value: "#34577c"
          ports:
            - name: http
              containerPort: 9898
              protocol: TCP
            - name: http-metrics
              containerPort: 9797
              protocol: TCP
            - name: grpc
              containerPort: 9999
              protocol: TCP
          livenessProbe:
            exec:
              command: [podcli, check, http, localhost:9898/healthz]
            initialDelaySeconds: 1
            timeoutSeconds: 5
            failureThreshold: 3
            successThreshold: 1
            periodSeconds: 10
          readinessProbe:
            exec:
              command: [podcli, check, http, localhost:9898/readyz]
            initialDelaySeconds: 1
            timeoutSeconds: 5
            failureThreshold: 3
            successThreshold: 1
            periodSeconds: 10
          resources:
            requests:
              cpu: "\${MCPU}"
              memory: 16Mi
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          emptyDir: {}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: podinfo-\${INDEX}
  labels:
    app.kubernetes.io/name: podinfo-\${INDEX}
    app.kubernetes.io/version: "6.5.3"
    app.kubernetes.io/managed-by: Flux
spec:
  ingressClassName: nginx
  rules:
    - host: podinfo-\${INDEX}.local
      http:
        paths:
          - path: /
            pathType: ImplementationSpecific
            backend:
              service:
                name: podinfo-\${INDEX}
                port:
                  number: 9898
`;
