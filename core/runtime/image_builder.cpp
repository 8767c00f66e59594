#include "image_builder.h"

#include "tar_writer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace timoneiro::runtime {

namespace {

QString sha256(const QByteArray &data)
{
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject descriptor(const QString &mediaType, const QString &digest, qint64 size)
{
    return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                       {QStringLiteral("digest"), digest},
                       {QStringLiteral("size"), size}};
}

QString blobPath(const QString &digest)
{
    return QStringLiteral("blobs/sha256/") + digest.mid(7);  // past "sha256:"
}

QJsonObject configObject(const ImageConfig &config, const QString &diffId)
{
    QJsonObject runConfig;
    if (!config.entrypoint.isEmpty())
        runConfig.insert(QStringLiteral("Entrypoint"), QJsonArray::fromStringList(config.entrypoint));
    if (!config.cmd.isEmpty())
        runConfig.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(config.cmd));
    if (!config.env.isEmpty())
        runConfig.insert(QStringLiteral("Env"), QJsonArray::fromStringList(config.env));
    runConfig.insert(QStringLiteral("WorkingDir"), config.workingDir.isEmpty() ? QStringLiteral("/") : config.workingDir);
    if (!config.exposedPorts.isEmpty()) {
        QJsonObject ports;
        for (const QString &port : config.exposedPorts)
            ports.insert(port, QJsonObject{});
        runConfig.insert(QStringLiteral("ExposedPorts"), ports);
    }
    if (!config.user.isEmpty())
        runConfig.insert(QStringLiteral("User"), config.user);
    if (!config.stopSignal.isEmpty())
        runConfig.insert(QStringLiteral("StopSignal"), config.stopSignal);

    const QString architecture = config.architecture.isEmpty() ? ImageBuilder::hostArchitecture() : config.architecture;
    return QJsonObject{
        // A fixed creation time keeps digests the same from build to build.
        {QStringLiteral("created"), QStringLiteral("1970-01-01T00:00:00Z")},
        {QStringLiteral("architecture"), architecture},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("config"), runConfig},
        {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                               {QStringLiteral("diff_ids"), QJsonArray{diffId}}}},
        {QStringLiteral("history"), QJsonArray{QJsonObject{
             {QStringLiteral("created"), QStringLiteral("1970-01-01T00:00:00Z")},
             {QStringLiteral("created_by"), QStringLiteral("timoneiro image builder")}}}},
    };
}

}  // namespace

QString ImageBuilder::hostArchitecture()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    if (cpu == QLatin1String("arm64") || cpu == QLatin1String("aarch64"))
        return QStringLiteral("arm64");
    if (cpu == QLatin1String("i386"))
        return QStringLiteral("386");
    return cpu;
}

BuiltImage ImageBuilder::build(const QByteArray &layerTar, const ImageConfig &config,
                               const QStringList &names, QString *error)
{
    BuiltImage image;
    const QByteArray layer = gzipCompress(layerTar);
    if (layer.isEmpty()) {
        *error = QStringLiteral("gzip of the image layer failed");
        return image;
    }
    const QString layerDigest = sha256(layer);
    const QJsonObject configJson = configObject(config, sha256(layerTar));
    const QByteArray configBytes = compact(configJson);
    const QString configDigest = sha256(configBytes);

    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
        {QStringLiteral("config"), descriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"),
                                              configDigest, configBytes.size())},
        {QStringLiteral("layers"), QJsonArray{descriptor(QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip"),
                                                         layerDigest, layer.size())}},
    };
    const QByteArray manifestBytes = compact(manifest);
    const QString manifestDigest = sha256(manifestBytes);

    QJsonArray manifests;
    for (const QString &name : names) {
        QJsonObject entry = descriptor(QStringLiteral("application/vnd.oci.image.manifest.v1+json"),
                                       manifestDigest, manifestBytes.size());
        entry.insert(QStringLiteral("platform"),
                     QJsonObject{{QStringLiteral("architecture"), configJson.value(QStringLiteral("architecture"))},
                                 {QStringLiteral("os"), QStringLiteral("linux")}});
        // The tag alone under OCI's ref.name, the full name under containerd's.
        const QString tag = name.section(QLatin1Char(':'), -1);
        entry.insert(QStringLiteral("annotations"),
                     QJsonObject{{QStringLiteral("io.containerd.image.name"), name},
                                 {QStringLiteral("org.opencontainers.image.ref.name"), tag}});
        manifests.append(entry);
    }
    const QJsonObject index{{QStringLiteral("schemaVersion"), 2},
                            {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.index.v1+json")},
                            {QStringLiteral("manifests"), manifests}};

    TarWriter layout;
    bool ok = layout.addFile(QStringLiteral("oci-layout"), compact(QJsonObject{{QStringLiteral("imageLayoutVersion"), QStringLiteral("1.0.0")}}))
        && layout.addFile(QStringLiteral("index.json"), compact(index))
        && layout.addDirectory(QStringLiteral("blobs"))
        && layout.addDirectory(QStringLiteral("blobs/sha256"))
        && layout.addFile(blobPath(layerDigest), layer)
        && layout.addFile(blobPath(configDigest), configBytes)
        && layout.addFile(blobPath(manifestDigest), manifestBytes);
    if (!ok) {
        *error = layout.error();
        return image;
    }
    image.layoutTarball = layout.finish();
    image.manifestDigest = manifestDigest;
    image.configDigest = configDigest;
    image.layerSize = layer.size();
    return image;
}

}  // namespace timoneiro::runtime
