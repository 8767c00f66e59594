// Defaulting as Kubernetes' SetDefaults_* functions do it for the built-in
// kinds, so that `kubectl get -o yaml` shows what a real cluster shows.
#include "defaults.h"

#include "resource.h"

#include <QJsonArray>

namespace timoneiro::api {

namespace {

void setIfAbsent(QJsonObject &o, const QString &key, const QJsonValue &value)
{
    if (!o.contains(key) || o.value(key).isNull())
        o.insert(key, value);
}

// Applies f to each object of the array at o[key].
template <typename F>
void forEach(QJsonObject &o, const QString &key, F f)
{
    if (!o.value(key).isArray())
        return;
    QJsonArray a = o.value(key).toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        QJsonObject item = a.at(i).toObject();
        f(item);
        a.replace(i, item);
    }
    o.insert(key, a);
}

// Applies f to the object at o[key] (created when create is true).
template <typename F>
void within(QJsonObject &o, const QString &key, F f, bool create = false)
{
    if (!o.value(key).isObject() && !create)
        return;
    QJsonObject child = o.value(key).toObject();
    f(child);
    o.insert(key, child);
}

void defaultProbe(QJsonObject &probe)
{
    setIfAbsent(probe, QStringLiteral("timeoutSeconds"), 1);
    setIfAbsent(probe, QStringLiteral("periodSeconds"), 10);
    setIfAbsent(probe, QStringLiteral("successThreshold"), 1);
    setIfAbsent(probe, QStringLiteral("failureThreshold"), 3);
    within(probe, QStringLiteral("httpGet"), [](QJsonObject &h) {
        setIfAbsent(h, QStringLiteral("path"), QStringLiteral("/"));
        setIfAbsent(h, QStringLiteral("scheme"), QStringLiteral("HTTP"));
    });
}

QString imagePullPolicyFor(const QString &image)
{
    // No tag or :latest (and no digest) means Always, else IfNotPresent.
    if (image.contains(QLatin1Char('@')))
        return QStringLiteral("IfNotPresent");
    const QString last = image.section(QLatin1Char('/'), -1);
    const qsizetype colon = last.indexOf(QLatin1Char(':'));
    if (colon < 0 || last.mid(colon + 1) == QLatin1String("latest"))
        return QStringLiteral("Always");
    return QStringLiteral("IfNotPresent");
}

void defaultContainer(QJsonObject &c)
{
    setIfAbsent(c, QStringLiteral("imagePullPolicy"), imagePullPolicyFor(c.value(QStringLiteral("image")).toString()));
    setIfAbsent(c, QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log"));
    setIfAbsent(c, QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
    setIfAbsent(c, QStringLiteral("resources"), QJsonObject());
    forEach(c, QStringLiteral("ports"), [](QJsonObject &p) { setIfAbsent(p, QStringLiteral("protocol"), QStringLiteral("TCP")); });
    for (const char *probe : {"livenessProbe", "readinessProbe", "startupProbe"})
        within(c, QLatin1String(probe), defaultProbe);
    forEach(c, QStringLiteral("env"), [](QJsonObject &e) {
        within(e, QStringLiteral("valueFrom"), [](QJsonObject &from) {
            within(from, QStringLiteral("fieldRef"),
                   [](QJsonObject &ref) { setIfAbsent(ref, QStringLiteral("apiVersion"), QStringLiteral("v1")); });
        });
    });
}

void defaultVolume(QJsonObject &v)
{
    // A volume with no source is an emptyDir.
    static const QStringList notSources{QStringLiteral("name")};
    if (v.keys() == notSources)
        v.insert(QStringLiteral("emptyDir"), QJsonObject());
    for (const char *source : {"secret", "configMap", "downwardAPI", "projected"})
        within(v, QLatin1String(source), [](QJsonObject &s) { setIfAbsent(s, QStringLiteral("defaultMode"), 420); });
    within(v, QStringLiteral("hostPath"), [](QJsonObject &h) { setIfAbsent(h, QStringLiteral("type"), QString()); });
}

void defaultPodSpec(QJsonObject &spec)
{
    setIfAbsent(spec, QStringLiteral("restartPolicy"), QStringLiteral("Always"));
    setIfAbsent(spec, QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst"));
    setIfAbsent(spec, QStringLiteral("terminationGracePeriodSeconds"), 30);
    setIfAbsent(spec, QStringLiteral("schedulerName"), QStringLiteral("default-scheduler"));
    setIfAbsent(spec, QStringLiteral("securityContext"), QJsonObject());
    setIfAbsent(spec, QStringLiteral("enableServiceLinks"), true);
    setIfAbsent(spec, QStringLiteral("preemptionPolicy"), QStringLiteral("PreemptLowerPriority"));
    setIfAbsent(spec, QStringLiteral("priority"), 0);
    forEach(spec, QStringLiteral("containers"), defaultContainer);
    forEach(spec, QStringLiteral("initContainers"), defaultContainer);
    forEach(spec, QStringLiteral("volumes"), defaultVolume);
}

void defaultPod(QJsonObject &pod)
{
    within(pod, QStringLiteral("spec"), [](QJsonObject &spec) {
        defaultPodSpec(spec);
        // DefaultTolerationSeconds admission: five minutes on a not-ready or unreachable node.
        QJsonArray tolerations = spec.value(QStringLiteral("tolerations")).toArray();
        for (const char *key : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
            bool present = false;
            for (const QJsonValue &t : tolerations)
                present = present || t.toObject().value(QStringLiteral("key")).toString() == QLatin1String(key);
            if (!present)
                tolerations.append(QJsonObject{{QStringLiteral("key"), QLatin1String(key)},
                                               {QStringLiteral("operator"), QStringLiteral("Exists")},
                                               {QStringLiteral("effect"), QStringLiteral("NoExecute")},
                                               {QStringLiteral("tolerationSeconds"), 300}});
        }
        spec.insert(QStringLiteral("tolerations"), tolerations);
    }, true);
    within(pod, QStringLiteral("status"), [](QJsonObject &status) {
        setIfAbsent(status, QStringLiteral("phase"), QStringLiteral("Pending"));
        setIfAbsent(status, QStringLiteral("qosClass"), QStringLiteral("BestEffort"));
    }, true);
}

void defaultTemplate(QJsonObject &spec)
{
    within(spec, QStringLiteral("template"), [](QJsonObject &tmpl) {
        within(tmpl, QStringLiteral("metadata"), [](QJsonObject &m) {
            setIfAbsent(m, QStringLiteral("creationTimestamp"), QJsonValue::Null);
        }, true);
        within(tmpl, QStringLiteral("spec"), defaultPodSpec);
    });
}

void defaultService(QJsonObject &svc)
{
    within(svc, QStringLiteral("spec"), [](QJsonObject &spec) {
        setIfAbsent(spec, QStringLiteral("type"), QStringLiteral("ClusterIP"));
        const QString type = spec.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("ExternalName"))
            return;
        setIfAbsent(spec, QStringLiteral("sessionAffinity"), QStringLiteral("None"));
        setIfAbsent(spec, QStringLiteral("internalTrafficPolicy"), QStringLiteral("Cluster"));
        if (type == QLatin1String("NodePort") || type == QLatin1String("LoadBalancer"))
            setIfAbsent(spec, QStringLiteral("externalTrafficPolicy"), QStringLiteral("Cluster"));
        if (type == QLatin1String("LoadBalancer"))
            setIfAbsent(spec, QStringLiteral("allocateLoadBalancerNodePorts"), true);
        if (spec.value(QStringLiteral("sessionAffinity")).toString() == QLatin1String("ClientIP"))
            setIfAbsent(spec, QStringLiteral("sessionAffinityConfig"),
                        QJsonObject{{QStringLiteral("clientIP"), QJsonObject{{QStringLiteral("timeoutSeconds"), 10800}}}});
        setIfAbsent(spec, QStringLiteral("ipFamilies"), QJsonArray{QStringLiteral("IPv4")});
        setIfAbsent(spec, QStringLiteral("ipFamilyPolicy"), QStringLiteral("SingleStack"));
        forEach(spec, QStringLiteral("ports"), [](QJsonObject &p) {
            setIfAbsent(p, QStringLiteral("protocol"), QStringLiteral("TCP"));
            setIfAbsent(p, QStringLiteral("targetPort"), p.value(QStringLiteral("port")));
        });
    }, true);
    within(svc, QStringLiteral("status"), [](QJsonObject &status) {
        setIfAbsent(status, QStringLiteral("loadBalancer"), QJsonObject());
    }, true);
}

void defaultWorkload(QJsonObject &obj, bool deployment)
{
    within(obj, QStringLiteral("spec"), [deployment](QJsonObject &spec) {
        setIfAbsent(spec, QStringLiteral("replicas"), 1);
        if (deployment) {
            setIfAbsent(spec, QStringLiteral("revisionHistoryLimit"), 10);
            setIfAbsent(spec, QStringLiteral("progressDeadlineSeconds"), 600);
            within(spec, QStringLiteral("strategy"), [](QJsonObject &s) {
                setIfAbsent(s, QStringLiteral("type"), QStringLiteral("RollingUpdate"));
                if (s.value(QStringLiteral("type")).toString() == QLatin1String("RollingUpdate"))
                    within(s, QStringLiteral("rollingUpdate"), [](QJsonObject &r) {
                        setIfAbsent(r, QStringLiteral("maxSurge"), QStringLiteral("25%"));
                        setIfAbsent(r, QStringLiteral("maxUnavailable"), QStringLiteral("25%"));
                    }, true);
            }, true);
        }
        defaultTemplate(spec);
    }, true);
    within(obj, QStringLiteral("status"), [](QJsonObject &) {}, true);
}

void defaultPorts(QJsonObject &o, const char *listKey)
{
    forEach(o, QLatin1String(listKey), [](QJsonObject &p) { setIfAbsent(p, QStringLiteral("protocol"), QStringLiteral("TCP")); });
}

// As Kubernetes' v1 conversion does: stringData is written into data
// (base64, overriding the same keys) and never stored itself.
void mergeStringData(QJsonObject &secret)
{
    const QJsonObject stringData = secret.take(QStringLiteral("stringData")).toObject();
    if (stringData.isEmpty())
        return;
    QJsonObject data = secret.value(QStringLiteral("data")).toObject();
    for (auto it = stringData.begin(); it != stringData.end(); ++it)
        data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
    secret.insert(QStringLiteral("data"), data);
}

}  // namespace

void applyDefaults(const ResourceInfo &resource, QJsonObject &obj)
{
    const QString &kind = resource.kind;
    if (resource.group.isEmpty()) {
        if (kind == QLatin1String("Pod")) {
            defaultPod(obj);
        } else if (kind == QLatin1String("Service")) {
            defaultService(obj);
        } else if (kind == QLatin1String("Secret")) {
            setIfAbsent(obj, QStringLiteral("type"), QStringLiteral("Opaque"));
            mergeStringData(obj);
        } else if (kind == QLatin1String("Namespace")) {
            within(obj, QStringLiteral("spec"), [](QJsonObject &spec) {
                setIfAbsent(spec, QStringLiteral("finalizers"), QJsonArray{QStringLiteral("kubernetes")});
            }, true);
            within(obj, QStringLiteral("status"), [](QJsonObject &status) {
                setIfAbsent(status, QStringLiteral("phase"), QStringLiteral("Active"));
            }, true);
        } else if (kind == QLatin1String("Endpoints")) {
            forEach(obj, QStringLiteral("subsets"), [](QJsonObject &s) { defaultPorts(s, "ports"); });
        } else if (kind == QLatin1String("Node")) {
            within(obj, QStringLiteral("spec"), [](QJsonObject &) {}, true);
        } else if (kind == QLatin1String("Event")) {
            setIfAbsent(obj, QStringLiteral("type"), QStringLiteral("Normal"));
        } else if (kind == QLatin1String("ResourceQuota") || kind == QLatin1String("LimitRange")) {
            within(obj, QStringLiteral("spec"), [](QJsonObject &) {}, true);
        }
        return;
    }
    if (resource.group == QLatin1String("apps")) {
        defaultWorkload(obj, kind == QLatin1String("Deployment"));
    } else if (resource.group == QLatin1String("discovery.k8s.io")) {
        defaultPorts(obj, "ports");
    } else if (kind == QLatin1String("NetworkPolicy")) {
        within(obj, QStringLiteral("spec"), [](QJsonObject &spec) {
            setIfAbsent(spec, QStringLiteral("podSelector"), QJsonObject());
            if (!spec.contains(QStringLiteral("policyTypes"))) {
                QJsonArray types{QStringLiteral("Ingress")};
                if (spec.contains(QStringLiteral("egress")))
                    types.append(QStringLiteral("Egress"));
                spec.insert(QStringLiteral("policyTypes"), types);
            }
            forEach(spec, QStringLiteral("ingress"), [](QJsonObject &r) { defaultPorts(r, "ports"); });
            forEach(spec, QStringLiteral("egress"), [](QJsonObject &r) { defaultPorts(r, "ports"); });
        }, true);
    }
}

}  // namespace timoneiro::api
