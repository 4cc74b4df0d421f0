module etcdbuild

go 1.25.0

godebug default=go1.25

tool go.etcd.io/etcd/server/v3

require go.etcd.io/etcd/server/v3 v3.6.16
