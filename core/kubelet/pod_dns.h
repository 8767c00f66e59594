#pragma once
// A pod's resolv.conf as CRI's DNSConfig, built as the kubelet's
// pkg/kubelet/network/dns does it from the pod's dnsPolicy and dnsConfig
// and the kubelet's clusterDNS / clusterDomain / resolvConf settings:
// - ClusterFirst (the default; for hostNetwork pods only as
//   ClusterFirstWithHostNet): nameserver = clusterDNS, search
//   <ns>.svc.<domain> svc.<domain> <domain> then the host's, options ndots:5;
//   with no clusterDNS configured it falls back to Default;
// - Default: the node's resolv.conf (the host's);
// - None: nothing but dnsConfig;
// then dnsConfig's nameservers and searches appended (duplicates dropped)
// and its options merged by name, dnsConfig's winning; at most 3
// nameservers and 32 search domains, as the kubelet trims them.
#include "kubelet/cri/runtime_client.h"

#include <QJsonObject>
#include <QStringList>

namespace timoneiro::kubelet {

struct PodDnsSettings {
    QStringList clusterDns;  // the kube-dns Service's ClusterIP(s)
    QString clusterDomain = QStringLiteral("cluster.local");
    QString resolvConf = QStringLiteral("/etc/resolv.conf");  // the node's own, for dnsPolicy Default
};

struct ResolvConf {
    QStringList servers, searches, options;
};

ResolvConf parseResolvConf(const QByteArray &text);
// The host's resolv.conf for Default; systemd-resolved's stub (127.0.0.53)
// swapped for the upstream file as kubeadm configures the kubelet.
ResolvConf hostResolvConf(const QString &path);

// The pod's DNS; *warning says why ClusterFirst fell back to Default.
cri::v1::DNSConfig podDnsConfig(const QJsonObject &pod, const PodDnsSettings &settings, QString *warning = nullptr);

// The config for resolv.conf: "nameserver x", "search a b", "options ndots:5".
QByteArray resolvConfText(const cri::v1::DNSConfig &config);

}  // namespace timoneiro::kubelet
