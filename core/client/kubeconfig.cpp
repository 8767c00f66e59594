#include "kubeconfig.h"

#include "api/yaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslKey>

namespace timoneiro::client {

namespace {

api::ApiError configError(const QString &message)
{
    return api::ApiError::badRequest(message);
}

// An inline -data field (base64) or the file it names, relative to the kubeconfig's folder.
QByteArray dataOrFile(const QJsonObject &o, const char *dataKey, const char *fileKey, const QDir &base)
{
    const QString data = o.value(QLatin1String(dataKey)).toString();
    if (!data.isEmpty())
        return QByteArray::fromBase64(data.toLatin1());
    const QString file = o.value(QLatin1String(fileKey)).toString();
    if (file.isEmpty())
        return {};
    QFile f(QDir::isAbsolutePath(file) ? file : base.filePath(file));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void readNamed(const QJsonObject &doc, const char *list, const char *inner,
               const std::function<void(const QString &, const QJsonObject &)> &take)
{
    for (const QJsonValue &v : doc.value(QLatin1String(list)).toArray()) {
        const QJsonObject entry = v.toObject();
        take(entry.value(QStringLiteral("name")).toString(), entry.value(QLatin1String(inner)).toObject());
    }
}

}  // namespace

QStringList Kubeconfig::defaultPaths()
{
    const QByteArray env = qgetenv("KUBECONFIG");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return {QDir::homePath() + QStringLiteral("/.kube/config")};
}

api::Result<Kubeconfig> Kubeconfig::load(const QStringList &paths)
{
    Kubeconfig config;
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        auto docs = api::parseYamlDocuments(f.readAll());
        if (!docs)
            return configError(QStringLiteral("error loading config file \"%1\": %2").arg(path, docs.error().message));
        if (docs->isEmpty())
            continue;
        const QJsonObject doc = docs->first().toObject();
        const QDir base = QFileInfo(path).absoluteDir();
        readNamed(doc, "clusters", "cluster", [&](const QString &name, const QJsonObject &c) {
            if (config.clusters.contains(name))
                return;
            config.clusters.insert(name, {c.value(QStringLiteral("server")).toString(),
                                          dataOrFile(c, "certificate-authority-data", "certificate-authority", base),
                                          c.value(QStringLiteral("insecure-skip-tls-verify")).toBool()});
        });
        readNamed(doc, "users", "user", [&](const QString &name, const QJsonObject &u) {
            if (config.users.contains(name))
                return;
            QByteArray token = u.value(QStringLiteral("token")).toString().toUtf8();
            if (token.isEmpty())
                token = dataOrFile(u, "", "tokenFile", base).trimmed();
            config.users.insert(name, {dataOrFile(u, "client-certificate-data", "client-certificate", base),
                                       dataOrFile(u, "client-key-data", "client-key", base), token});
        });
        readNamed(doc, "contexts", "context", [&](const QString &name, const QJsonObject &c) {
            if (config.contexts.contains(name))
                return;
            config.contexts.insert(name, {c.value(QStringLiteral("cluster")).toString(), c.value(QStringLiteral("user")).toString(),
                                          c.value(QStringLiteral("namespace")).toString()});
        });
        if (config.currentContext.isEmpty())
            config.currentContext = doc.value(QStringLiteral("current-context")).toString();
    }
    return config;
}

QString Kubeconfig::namespaceOf(const QString &context) const
{
    const QString ns = contexts.value(context.isEmpty() ? currentContext : context).namespaceName;
    return ns.isEmpty() ? QStringLiteral("default") : ns;
}

api::Result<ServerConfig> Kubeconfig::serverConfig(const QString &contextName) const
{
    const QString name = contextName.isEmpty() ? currentContext : contextName;
    if (!contexts.contains(name))
        return configError(name.isEmpty() ? QStringLiteral("current-context is not set")
                                          : QStringLiteral("context was not found for specified context: %1").arg(name));
    const KubeconfigContext ctx = contexts.value(name);
    if (!clusters.contains(ctx.cluster))
        return configError(QStringLiteral("cluster \"%1\" not found").arg(ctx.cluster));
    const KubeconfigCluster cluster = clusters.value(ctx.cluster);
    const KubeconfigUser user = users.value(ctx.user);
    ServerConfig s;
    s.server = QUrl(cluster.server);
    if (!s.server.isValid() || s.server.host().isEmpty())
        return configError(QStringLiteral("invalid server URL \"%1\"").arg(cluster.server));
    s.tls = QSslConfiguration::defaultConfiguration();
    if (!cluster.certificateAuthorityData.isEmpty())
        s.tls.setCaCertificates(QSslCertificate::fromData(cluster.certificateAuthorityData));
    s.insecureSkipVerify = cluster.insecureSkipTlsVerify;
    if (!user.clientCertificateData.isEmpty()) {
        s.tls.setLocalCertificateChain(QSslCertificate::fromData(user.clientCertificateData));
        QSslKey key(user.clientKeyData, QSsl::Ec);
        if (key.isNull())
            key = QSslKey(user.clientKeyData, QSsl::Rsa);
        if (key.isNull())
            return configError(QStringLiteral("the client key of user \"%1\" cannot be read").arg(ctx.user));
        s.tls.setPrivateKey(key);
    }
    s.bearerToken = user.token;
    return s;
}

api::Result<bool> mergeContextIntoFile(const QString &path, const QString &name, const KubeconfigCluster &cluster,
                                       const KubeconfigUser &user, const QString &namespaceName)
{
    QJsonObject doc{{QStringLiteral("apiVersion"), QStringLiteral("v1")}, {QStringLiteral("kind"), QStringLiteral("Config")},
                    {QStringLiteral("preferences"), QJsonObject()}};
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        auto docs = api::parseYamlDocuments(existing.readAll());
        if (!docs)
            return configError(QStringLiteral("error loading config file \"%1\": %2").arg(path, docs.error().message));
        if (!docs->isEmpty())
            doc = docs->first().toObject();
    }
    auto replace = [&doc, &name](const char *list, const char *inner, const QJsonObject &value) {
        QJsonArray entries;
        for (const QJsonValue &v : doc.value(QLatin1String(list)).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() != name)
                entries.append(v);
        entries.append(QJsonObject{{QStringLiteral("name"), name}, {QLatin1String(inner), value}});
        doc.insert(QLatin1String(list), entries);
    };
    QJsonObject c{{QStringLiteral("server"), cluster.server}};
    if (!cluster.certificateAuthorityData.isEmpty())
        c.insert(QStringLiteral("certificate-authority-data"), QString::fromLatin1(cluster.certificateAuthorityData.toBase64()));
    QJsonObject u;
    if (!user.clientCertificateData.isEmpty()) {
        u.insert(QStringLiteral("client-certificate-data"), QString::fromLatin1(user.clientCertificateData.toBase64()));
        u.insert(QStringLiteral("client-key-data"), QString::fromLatin1(user.clientKeyData.toBase64()));
    }
    if (!user.token.isEmpty())
        u.insert(QStringLiteral("token"), QString::fromUtf8(user.token));
    replace("clusters", "cluster", c);
    replace("users", "user", u);
    replace("contexts", "context",
            {{QStringLiteral("cluster"), name}, {QStringLiteral("user"), name}, {QStringLiteral("namespace"), namespaceName}});
    doc.insert(QStringLiteral("current-context"), name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return configError(QStringLiteral("cannot write %1").arg(path));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(api::toYaml(doc));
    if (!out.commit())
        return configError(QStringLiteral("cannot write %1").arg(path));
    return true;
}

}  // namespace timoneiro::client
