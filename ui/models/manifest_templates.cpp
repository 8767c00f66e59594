#include "manifest_templates.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace timoneiro::ui {

namespace {

const QString kPrefix = QStringLiteral(":/templates/");

// "Service.NodePort.yaml" -> "Service (NodePort)".
QString kindOfFile(const QString &file)
{
    QString base = file.chopped(5);
    const qsizetype dot = base.indexOf(QLatin1Char('.'));
    return dot < 0 ? base : base.left(dot) + QStringLiteral(" (") + base.mid(dot + 1) + QLatin1Char(')');
}

QString fileOfKind(const QString &kind)
{
    QString k = kind.trimmed();
    if (k == QLatin1String("Service"))
        k = QStringLiteral("Service (ClusterIP)");
    const qsizetype open = k.indexOf(QStringLiteral(" ("));
    if (open >= 0 && k.endsWith(QLatin1Char(')')))
        k = k.left(open) + QLatin1Char('.') + k.mid(open + 2).chopped(1);
    return k + QStringLiteral(".yaml");
}

}  // namespace

QStringList manifestTemplateKinds()
{
    static const QStringList order{QStringLiteral("Pod"), QStringLiteral("Deployment"), QStringLiteral("ReplicaSet"),
                                   QStringLiteral("Service"), QStringLiteral("ConfigMap"), QStringLiteral("Secret"),
                                   QStringLiteral("Namespace"), QStringLiteral("ResourceQuota"),
                                   QStringLiteral("LimitRange"), QStringLiteral("NetworkPolicy")};
    QStringList kinds;
    const QStringList files = QDir(kPrefix).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        kinds << kindOfFile(f);
    auto rank = [](const QString &kind) {
        const qsizetype i = order.indexOf(kind.section(QLatin1Char(' '), 0, 0));
        return i < 0 ? order.size() : i;
    };
    std::stable_sort(kinds.begin(), kinds.end(), [&rank](const QString &a, const QString &b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        // ClusterIP, the default type, first among the Services.
        return a.contains(QLatin1String("ClusterIP")) && !b.contains(QLatin1String("ClusterIP"));
    });
    return kinds;
}

QString manifestTemplate(const QString &kind)
{
    QFile f(kPrefix + fileOfKind(kind));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

}  // namespace timoneiro::ui
