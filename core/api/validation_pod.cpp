// ValidatePodSpec and ValidatePodUpdate, with Kubernetes' field paths and words.
#include "validation_p.h"

#include <QSet>

namespace timoneiro::api::validation {

namespace {

void validateContainer(Causes &c, const QJsonObject &ctr, const QString &path, const QSet<QString> &volumes)
{
    const QString name = ctr.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        c.required(path + QStringLiteral(".name"));
    else
        c.invalidString(path + QStringLiteral(".name"), name, validateDnsLabel(name));
    if (ctr.value(QStringLiteral("image")).toString().trimmed().isEmpty())
        c.required(path + QStringLiteral(".image"));
    const QString pull = ctr.value(QStringLiteral("imagePullPolicy")).toString();
    const QStringList pulls{QStringLiteral("Always"), QStringLiteral("IfNotPresent"), QStringLiteral("Never")};
    if (!pull.isEmpty() && !pulls.contains(pull))
        c.notSupported(path + QStringLiteral(".imagePullPolicy"), pull, pulls);

    const QJsonArray ports = ctr.value(QStringLiteral("ports")).toArray();
    QSet<QString> portNames;
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const QJsonObject p = ports[i].toObject();
        const QString pp = QStringLiteral("%1.ports[%2]").arg(path).arg(i);
        validatePort(c, p.value(QStringLiteral("containerPort")), pp + QStringLiteral(".containerPort"));
        if (p.contains(QStringLiteral("hostPort")) && p.value(QStringLiteral("hostPort")).toInt() != 0)
            validatePort(c, p.value(QStringLiteral("hostPort")), pp + QStringLiteral(".hostPort"));
        const QStringList protocols{QStringLiteral("SCTP"), QStringLiteral("TCP"), QStringLiteral("UDP")};
        const QString proto = p.value(QStringLiteral("protocol")).toString();
        if (!proto.isEmpty() && !protocols.contains(proto))
            c.notSupported(pp + QStringLiteral(".protocol"), proto, protocols);
        const QString portName = p.value(QStringLiteral("name")).toString();
        if (!portName.isEmpty()) {
            if (portNames.contains(portName))
                c.duplicate(pp + QStringLiteral(".name"), quote(portName));
            portNames.insert(portName);
            if (portName.size() > 15)
                c.invalid(pp + QStringLiteral(".name"), quote(portName), QStringLiteral("must be no more than 15 characters"));
        }
    }
    const QJsonArray env = ctr.value(QStringLiteral("env")).toArray();
    for (qsizetype i = 0; i < env.size(); ++i)
        if (env[i].toObject().value(QStringLiteral("name")).toString().isEmpty())
            c.required(QStringLiteral("%1.env[%2].name").arg(path).arg(i));
    validateResources(c, ctr.value(QStringLiteral("resources")).toObject(), path + QStringLiteral(".resources"));
    const QJsonArray mounts = ctr.value(QStringLiteral("volumeMounts")).toArray();
    for (qsizetype i = 0; i < mounts.size(); ++i) {
        const QJsonObject m = mounts[i].toObject();
        const QString mp = QStringLiteral("%1.volumeMounts[%2]").arg(path).arg(i);
        const QString vol = m.value(QStringLiteral("name")).toString();
        if (vol.isEmpty())
            c.required(mp + QStringLiteral(".name"));
        else if (!volumes.contains(vol))
            c.list.append({QStringLiteral("FieldValueNotFound"), QStringLiteral("Not found: ") + quote(vol),
                           mp + QStringLiteral(".name")});
        if (m.value(QStringLiteral("mountPath")).toString().isEmpty())
            c.required(mp + QStringLiteral(".mountPath"));
    }
}

}  // namespace

void validatePodSpec(Causes &c, const QJsonObject &spec, const QString &path)
{
    QSet<QString> volumes;
    const QJsonArray vols = spec.value(QStringLiteral("volumes")).toArray();
    for (qsizetype i = 0; i < vols.size(); ++i) {
        const QString name = vols[i].toObject().value(QStringLiteral("name")).toString();
        const QString vp = QStringLiteral("%1.volumes[%2].name").arg(path).arg(i);
        if (name.isEmpty())
            c.required(vp);
        else if (volumes.contains(name))
            c.duplicate(vp, quote(name));
        else
            c.invalidString(vp, name, validateDnsLabel(name));
        volumes.insert(name);
    }
    const QJsonArray containers = spec.value(QStringLiteral("containers")).toArray();
    if (containers.isEmpty())
        c.required(path + QStringLiteral(".containers"));
    QSet<QString> names;
    for (const char *list : {"initContainers", "containers"}) {
        const QJsonArray ctrs = spec.value(QLatin1String(list)).toArray();
        for (qsizetype i = 0; i < ctrs.size(); ++i) {
            const QString cp = QStringLiteral("%1.%2[%3]").arg(path, QLatin1String(list)).arg(i);
            const QJsonObject ctr = ctrs[i].toObject();
            validateContainer(c, ctr, cp, volumes);
            const QString name = ctr.value(QStringLiteral("name")).toString();
            if (!name.isEmpty() && names.contains(name))
                c.duplicate(cp + QStringLiteral(".name"), quote(name));
            names.insert(name);
        }
    }
    const QStringList restarts{QStringLiteral("Always"), QStringLiteral("OnFailure"), QStringLiteral("Never")};
    const QString restart = spec.value(QStringLiteral("restartPolicy")).toString();
    if (!restarts.contains(restart))
        c.notSupported(path + QStringLiteral(".restartPolicy"), restart, restarts);
    const QStringList dns{QStringLiteral("ClusterFirstWithHostNet"), QStringLiteral("ClusterFirst"),
                          QStringLiteral("Default"), QStringLiteral("None")};
    const QString dnsPolicy = spec.value(QStringLiteral("dnsPolicy")).toString();
    if (!dns.contains(dnsPolicy))
        c.notSupported(path + QStringLiteral(".dnsPolicy"), dnsPolicy, dns);
    const QJsonValue grace = spec.value(QStringLiteral("terminationGracePeriodSeconds"));
    if (grace.isDouble() && grace.toDouble() < 0)
        c.invalid(path + QStringLiteral(".terminationGracePeriodSeconds"), shown(grace),
                  QStringLiteral("must be greater than or equal to 0"));
    const QJsonValue deadline = spec.value(QStringLiteral("activeDeadlineSeconds"));
    if (deadline.isDouble() && deadline.toDouble() < 1)
        c.invalid(path + QStringLiteral(".activeDeadlineSeconds"), shown(deadline), QStringLiteral("must be between 1 and 2147483647, inclusive"));
}

void validatePodUpdate(Causes &c, const QJsonObject &pod, const QJsonObject &old)
{
    // Only images, activeDeadlineSeconds and added tolerations may change.
    auto normalized = [](QJsonObject spec, const QJsonObject &other) {
        for (const char *list : {"containers", "initContainers"}) {
            QJsonArray ctrs = spec.value(QLatin1String(list)).toArray();
            const QJsonArray otherCtrs = other.value(QLatin1String(list)).toArray();
            for (qsizetype i = 0; i < ctrs.size() && i < otherCtrs.size(); ++i) {
                QJsonObject ctr = ctrs[i].toObject();
                ctr.insert(QStringLiteral("image"), otherCtrs[i].toObject().value(QStringLiteral("image")));
                ctrs.replace(i, ctr);
            }
            if (spec.contains(QLatin1String(list)))
                spec.insert(QLatin1String(list), ctrs);
        }
        spec.remove(QStringLiteral("activeDeadlineSeconds"));
        spec.remove(QStringLiteral("tolerations"));
        // nodeName is set through the binding subresource, never by an update.
        return spec;
    };
    const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    const QJsonObject oldSpec = old.value(QStringLiteral("spec")).toObject();
    if (normalized(spec, oldSpec) != normalized(oldSpec, oldSpec))
        c.forbidden(QStringLiteral("spec"),
                    QStringLiteral("pod updates may not change fields other than `spec.containers[*].image`,"
                                   "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` "
                                   "(only additions to existing tolerations),`spec.terminationGracePeriodSeconds` "
                                   "(allow it to be set to 1 if it was previously negative)"));
    const QJsonArray oldTolerations = oldSpec.value(QStringLiteral("tolerations")).toArray();
    const QJsonArray tolerations = spec.value(QStringLiteral("tolerations")).toArray();
    for (const QJsonValue &t : oldTolerations)
        if (!tolerations.contains(t)) {
            c.forbidden(QStringLiteral("spec.tolerations"), QStringLiteral("existing toleration can not be modified except its tolerationSeconds"));
            break;
        }
}

}  // namespace timoneiro::api::validation
