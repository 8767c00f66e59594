#include "container_spec.h"
#include "json_fields.h"

#include "api/quantity.h"
#include "volume.h"

#include <QJsonArray>

namespace timoneiro::kubelet {

namespace {

void collect(const QJsonObject &pod, const char *refKey, const char *fromKey, QStringList &out)
{
    const QJsonObject spec = obj(pod, "spec");
    for (const char *list : {"initContainers", "containers"}) {
        for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray()) {
            for (const QJsonValue &e : c.toObject().value(QStringLiteral("env")).toArray()) {
                const QString name = str(obj(obj(e.toObject(), "valueFrom"), refKey), "name");
                if (!name.isEmpty() && !out.contains(name))
                    out << name;
            }
            for (const QJsonValue &e : c.toObject().value(QStringLiteral("envFrom")).toArray()) {
                const QString name = str(obj(e.toObject(), fromKey), "name");
                if (!name.isEmpty() && !out.contains(name))
                    out << name;
            }
        }
    }
}

// Kubernetes' $(VAR) expansion in command, args and env values: a defined
// name is replaced, $$ is a literal $, anything else stays as written.
QString expand(const QString &in, const QHash<QString, QString> &env)
{
    QString out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == QLatin1Char('$') && i + 1 < in.size()) {
            if (in[i + 1] == QLatin1Char('$')) {
                out += QLatin1Char('$');
                ++i;
                continue;
            }
            if (in[i + 1] == QLatin1Char('(')) {
                const qsizetype close = in.indexOf(QLatin1Char(')'), i + 2);
                if (close > 0) {
                    const QString name = in.mid(i + 2, close - i - 2);
                    if (env.contains(name)) {
                        out += env.value(name);
                        i = close;
                        continue;
                    }
                }
            }
        }
        out += in[i];
    }
    return out;
}

std::optional<QString> keyOf(const QJsonObject &source, const QString &key, bool secret)
{
    const QJsonObject data = obj(source, "data");
    if (!data.contains(key))
        return std::nullopt;
    const QString value = data.value(key).toString();
    return secret ? QString::fromUtf8(QByteArray::fromBase64(value.toLatin1())) : value;
}

}  // namespace

PodIdentity PodIdentity::of(const QJsonObject &pod)
{
    const QJsonObject meta = obj(pod, "metadata");
    return {str(meta, "namespace"), str(meta, "name"), str(meta, "uid")};
}

namespace {
// Names the pod's env refers to by keyRef/fromRef, then those its volumes mount, once each.
QStringList refsOf(const QJsonObject &pod, const char *keyRef, const char *fromRef, const QStringList &fromVolumes)
{
    QStringList out;
    collect(pod, keyRef, fromRef, out);
    for (const QString &name : fromVolumes)
        if (!out.contains(name))
            out << name;
    return out;
}
}  // namespace

QStringList configMapRefs(const QJsonObject &pod)
{
    return refsOf(pod, "configMapKeyRef", "configMapRef", volumeConfigMapRefs(pod));
}

QStringList secretRefs(const QJsonObject &pod)
{
    return refsOf(pod, "secretKeyRef", "secretRef", volumeSecretRefs(pod));
}

QString containerLogPath(const QString &containerName, quint32 attempt)
{
    return QStringLiteral("%1/%2.log").arg(containerName).arg(attempt);
}

cri::v1::PodSandboxConfig sandboxConfig(const QJsonObject &pod, const QString &logRoot, const QString &cgroupParent, quint32 attempt)
{
    const PodIdentity id = PodIdentity::of(pod);
    const QJsonObject spec = obj(pod, "spec");
    cri::v1::PodSandboxConfig config;
    auto *meta = config.mutable_metadata();
    meta->set_name(id.name.toStdString());
    meta->set_namespace_(id.ns.toStdString());
    meta->set_uid(id.uid.toStdString());
    meta->set_attempt(attempt);
    const QString hostname = str(spec, "hostname");
    config.set_hostname((hostname.isEmpty() ? id.name : hostname).left(63).toStdString());
    config.set_log_directory(QStringLiteral("%1/%2_%3_%4").arg(logRoot, id.ns, id.name, id.uid).toStdString());
    const QJsonObject labels = obj(obj(pod, "metadata"), "labels");
    for (auto it = labels.begin(); it != labels.end(); ++it)
        (*config.mutable_labels())[it.key().toStdString()] = it.value().toString().toStdString();
    (*config.mutable_labels())[kPodUidLabel] = id.uid.toStdString();
    (*config.mutable_labels())[kPodNameLabel] = id.name.toStdString();
    (*config.mutable_labels())[kPodNamespaceLabel] = id.ns.toStdString();
    for (const QJsonValue &c : spec.value(QStringLiteral("containers")).toArray()) {
        for (const QJsonValue &p : c.toObject().value(QStringLiteral("ports")).toArray()) {
            const QJsonObject port = p.toObject();
            auto *mapping = config.add_port_mappings();
            mapping->set_container_port(port.value(QStringLiteral("containerPort")).toInt());
            mapping->set_host_port(port.value(QStringLiteral("hostPort")).toInt());
            const QString protocol = str(port, "protocol");
            mapping->set_protocol(protocol == QLatin1String("UDP") ? cri::v1::UDP
                                  : protocol == QLatin1String("SCTP") ? cri::v1::SCTP : cri::v1::TCP);
        }
    }
    config.mutable_linux()->set_cgroup_parent(cgroupParent.toStdString());
    auto *namespaces = config.mutable_linux()->mutable_security_context()->mutable_namespace_options();
    namespaces->set_network(spec.value(QStringLiteral("hostNetwork")).toBool() ? cri::v1::NODE : cri::v1::POD);
    namespaces->set_pid(spec.value(QStringLiteral("shareProcessNamespace")).toBool() ? cri::v1::POD : cri::v1::CONTAINER);
    namespaces->set_ipc(cri::v1::POD);
    return config;
}

cri::v1::LinuxContainerResources linuxResources(const QJsonObject &resources)
{
    constexpr qint64 period = 100000;
    cri::v1::LinuxContainerResources out;
    const QJsonObject requests = obj(resources, "requests");
    const QJsonObject limits = obj(resources, "limits");
    auto milli = [](const QJsonObject &o, const char *key) -> std::optional<qint64> {
        if (!o.contains(QLatin1String(key)))
            return std::nullopt;
        const auto q = api::Quantity::parse(o.value(QLatin1String(key)).toVariant().toString());
        return q ? std::optional<qint64>(q->milliValue()) : std::nullopt;
    };
    // A limit without a request requests the limit, as the API defaults it.
    const auto cpuRequest = milli(requests, "cpu") ? milli(requests, "cpu") : milli(limits, "cpu");
    out.set_cpu_shares(cpuRequest ? std::max<qint64>(2, *cpuRequest * 1024 / 1000) : 2);
    if (const auto cpuLimit = milli(limits, "cpu")) {
        out.set_cpu_period(period);
        out.set_cpu_quota(std::max<qint64>(1000, *cpuLimit * period / 1000));
    }
    if (const auto memory = milli(limits, "memory"))
        out.set_memory_limit_in_bytes(*memory / 1000);
    return out;
}

std::optional<cri::v1::ContainerConfig> containerConfig(const QJsonObject &pod, const QJsonObject &container, quint32 attempt,
                                                        const ContainerContext &context, QString *error)
{
    const PodIdentity id = PodIdentity::of(pod);
    const QJsonObject spec = obj(pod, "spec");
    const QString name = str(container, "name");
    cri::v1::ContainerConfig config;
    config.mutable_metadata()->set_name(name.toStdString());
    config.mutable_metadata()->set_attempt(attempt);
    config.mutable_image()->set_image(str(container, "image").toStdString());
    config.set_working_dir(str(container, "workingDir").toStdString());
    config.set_log_path(containerLogPath(name, attempt).toStdString());
    config.set_stdin(container.value(QStringLiteral("stdin")).toBool());
    config.set_stdin_once(container.value(QStringLiteral("stdinOnce")).toBool());
    config.set_tty(container.value(QStringLiteral("tty")).toBool());
    (*config.mutable_labels())[kPodUidLabel] = id.uid.toStdString();
    (*config.mutable_labels())[kPodNameLabel] = id.name.toStdString();
    (*config.mutable_labels())[kPodNamespaceLabel] = id.ns.toStdString();
    (*config.mutable_labels())[kContainerNameLabel] = name.toStdString();
    (*config.mutable_annotations())["io.kubernetes.container.restartCount"] = std::to_string(attempt);

    QList<QPair<QString, QString>> env;
    QHash<QString, QString> byName;
    auto set = [&](const QString &k, const QString &v) {
        if (!byName.contains(k))
            env.append({k, v});
        else
            for (auto &e : env)
                if (e.first == k)
                    e.second = v;
        byName.insert(k, v);
    };
    const EnvSources empty;
    const EnvSources &sources = context.sources ? *context.sources : empty;
    for (const QJsonValue &v : container.value(QStringLiteral("envFrom")).toArray()) {
        const QJsonObject from = v.toObject();
        const bool secret = from.contains(QStringLiteral("secretRef"));
        const QJsonObject ref = obj(from, secret ? "secretRef" : "configMapRef");
        const QString refName = str(ref, "name");
        const auto &pool = secret ? sources.secrets : sources.configMaps;
        if (!pool.contains(refName)) {
            if (ref.value(QStringLiteral("optional")).toBool())
                continue;
            *error = QStringLiteral("%1 \"%2\" not found").arg(secret ? QStringLiteral("secret") : QStringLiteral("configmap"), refName);
            return std::nullopt;
        }
        const QJsonObject data = obj(pool.value(refName), "data");
        for (auto it = data.begin(); it != data.end(); ++it)
            set(str(from, "prefix") + it.key(), *keyOf(pool.value(refName), it.key(), secret));
    }
    for (const QJsonValue &v : container.value(QStringLiteral("env")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString key = str(e, "name");
        if (!e.contains(QStringLiteral("valueFrom"))) {
            set(key, expand(str(e, "value"), byName));
            continue;
        }
        const QJsonObject from = obj(e, "valueFrom");
        if (from.contains(QStringLiteral("fieldRef"))) {
            const QString path = str(obj(from, "fieldRef"), "fieldPath");
            const QJsonObject meta = obj(pod, "metadata");
            QString value;
            if (path == QLatin1String("metadata.name"))
                value = id.name;
            else if (path == QLatin1String("metadata.namespace"))
                value = id.ns;
            else if (path == QLatin1String("metadata.uid"))
                value = id.uid;
            else if (path == QLatin1String("spec.nodeName"))
                value = context.nodeName;
            else if (path == QLatin1String("spec.serviceAccountName"))
                value = str(spec, "serviceAccountName");
            else if (path == QLatin1String("status.podIP") || path == QLatin1String("status.podIPs"))
                value = context.podIp;
            else if (path == QLatin1String("status.hostIP") || path == QLatin1String("status.hostIPs"))
                value = context.hostIp;
            else if (path.startsWith(QLatin1String("metadata.labels['")))
                value = str(obj(meta, "labels"), qPrintable(path.mid(17).chopped(2)));
            else if (path.startsWith(QLatin1String("metadata.annotations['")))
                value = str(obj(meta, "annotations"), qPrintable(path.mid(22).chopped(2)));
            set(key, value);
            continue;
        }
        if (from.contains(QStringLiteral("resourceFieldRef"))) {
            const QJsonObject ref = obj(from, "resourceFieldRef");
            const QString resource = str(ref, "resource");
            const QJsonObject resources = obj(container, "resources");
            const QString which = resource.section(QLatin1Char('.'), 0, 0);
            const QString what = resource.section(QLatin1Char('.'), 1);
            set(key, obj(resources, which == QLatin1String("requests") ? "requests" : "limits").value(what).toVariant().toString());
            continue;
        }
        const bool secret = from.contains(QStringLiteral("secretKeyRef"));
        const QJsonObject ref = obj(from, secret ? "secretKeyRef" : "configMapKeyRef");
        const QString refName = str(ref, "name");
        const QString refKey = str(ref, "key");
        const auto &pool = secret ? sources.secrets : sources.configMaps;
        const auto value = pool.contains(refName) ? keyOf(pool.value(refName), refKey, secret) : std::nullopt;
        if (!value) {
            if (ref.value(QStringLiteral("optional")).toBool())
                continue;
            *error = pool.contains(refName)
                         ? QStringLiteral("couldn't find key %1 in %2 %3/%4").arg(refKey, secret ? QStringLiteral("Secret") : QStringLiteral("ConfigMap"), id.ns, refName)
                         : QStringLiteral("%1 \"%2\" not found").arg(secret ? QStringLiteral("secret") : QStringLiteral("configmap"), refName);
            return std::nullopt;
        }
        set(key, *value);
    }
    for (const auto &[k, v] : env) {
        auto *kv = config.add_envs();
        kv->set_key(k.toStdString());
        kv->set_value(v.toStdString());
    }
    for (const QJsonValue &c : container.value(QStringLiteral("command")).toArray())
        config.add_command(expand(c.toString(), byName).toStdString());
    for (const QJsonValue &a : container.value(QStringLiteral("args")).toArray())
        config.add_args(expand(a.toString(), byName).toStdString());
    *config.mutable_linux()->mutable_resources() = linuxResources(obj(container, "resources"));
    return config;
}

}  // namespace timoneiro::kubelet
