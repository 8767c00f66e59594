#include "node_status.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QSysInfo>

#include <unistd.h>

namespace timoneiro::kubelet {

namespace {

QString firstLine(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readLine()).trimmed();
}

QString osImage()
{
    QFile f(QStringLiteral("/etc/os-release"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("PRETTY_NAME="))
                return QString::fromUtf8(line.mid(12)).remove(QLatin1Char('"'));
        }
    }
    return QSysInfo::prettyProductName();
}

QString architecture()
{
    const QString arch = QSysInfo::currentCpuArchitecture();
    if (arch == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    if (arch == QLatin1String("arm64"))
        return QStringLiteral("arm64");
    return arch;
}

}  // namespace

QString kubeletVersion()
{
    return QStringLiteral("v1.32.4+timoneiro");
}

QJsonObject machineCapacity(int maxPods, const QString &storageDir)
{
    const long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    qint64 memoryKi = 0;
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : meminfo.readAll().split('\n')) {
            if (line.startsWith("MemTotal:"))
                memoryKi = line.mid(9).trimmed().split(' ').value(0).toLongLong();
        }
    }
    const QStorageInfo storage(storageDir);
    return {{QStringLiteral("cpu"), QString::number(std::max(1L, cpus))},
            {QStringLiteral("memory"), QStringLiteral("%1Ki").arg(memoryKi)},
            {QStringLiteral("pods"), QString::number(maxPods)},
            {QStringLiteral("ephemeral-storage"), QStringLiteral("%1Ki").arg(storage.bytesTotal() / 1024)}};
}

QJsonObject nodeInfo(const QString &runtimeVersion)
{
    return {{QStringLiteral("kubeletVersion"), kubeletVersion()},
            {QStringLiteral("kubeProxyVersion"), kubeletVersion()},
            {QStringLiteral("containerRuntimeVersion"), runtimeVersion},
            {QStringLiteral("osImage"), osImage()},
            {QStringLiteral("kernelVersion"), QSysInfo::kernelVersion()},
            {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
            {QStringLiteral("architecture"), architecture()},
            {QStringLiteral("machineID"), firstLine(QStringLiteral("/etc/machine-id"))},
            {QStringLiteral("systemUUID"), firstLine(QStringLiteral("/sys/class/dmi/id/product_uuid"))},
            {QStringLiteral("bootID"), firstLine(QStringLiteral("/proc/sys/kernel/random/boot_id"))}};
}

QJsonArray nodeAddresses(const QString &internalIp, const QString &hostname)
{
    QJsonArray out;
    if (!internalIp.isEmpty())
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")}, {QStringLiteral("address"), internalIp}});
    out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")}, {QStringLiteral("address"), hostname}});
    return out;
}

QJsonArray nodeConditions(bool ready, const QString &notReadyMessage, const QJsonArray &previous, const QString &runtimeProblem)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QHash<QString, QJsonObject> before;
    for (const QJsonValue &c : previous)
        before.insert(c.toObject().value(QStringLiteral("type")).toString(), c.toObject());
    auto condition = [&](const char *type, bool status, const char *reason, const QString &message) {
        const QString s = status ? QStringLiteral("True") : QStringLiteral("False");
        const QJsonObject prev = before.value(QLatin1String(type));
        return QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                           {QStringLiteral("status"), s},
                           {QStringLiteral("reason"), QLatin1String(reason)},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("lastHeartbeatTime"), now},
                           {QStringLiteral("lastTransitionTime"), prev.value(QStringLiteral("status")).toString() == s
                                                                      ? prev.value(QStringLiteral("lastTransitionTime")).toString(now) : now}};
    };
    return {condition("MemoryPressure", false, "KubeletHasSufficientMemory", QStringLiteral("kubelet has sufficient memory available")),
            condition("DiskPressure", false, "KubeletHasNoDiskPressure", QStringLiteral("kubelet has no disk pressure")),
            condition("PIDPressure", false, "KubeletHasSufficientPID", QStringLiteral("kubelet has sufficient PID available")),
            runtimeProblem.isEmpty()
                ? condition("ContainerRuntimeUnhealthy", false, "ContainerRuntimeIsHealthy",
                            QStringLiteral("Container runtime on the node is functioning properly"))
                : condition("ContainerRuntimeUnhealthy", true, "ContainerdUnhealthy", runtimeProblem),
            ready ? condition("Ready", true, "KubeletReady", QStringLiteral("kubelet is posting ready status"))
                  : condition("Ready", false, "KubeletNotReady", notReadyMessage)};
}

}  // namespace timoneiro::kubelet
