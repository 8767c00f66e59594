#pragma once
// Writes an OCI image layout (oci-layout, index.json, blobs/sha256/...) as
// one tarball, the format `ctr images import` takes: one gzip layer, the
// image config (Entrypoint, Cmd, Env, WorkingDir, ExposedPorts, ...) and a
// manifest, named in index.json by io.containerd.image.name, once per name.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace timoneiro::runtime {

struct ImageConfig {
    QStringList entrypoint;
    QStringList cmd;
    QStringList env;
    QString workingDir;
    QStringList exposedPorts;  // "80/tcp"
    QString user;
    QString stopSignal;        // "SIGQUIT"
    QString architecture;      // empty: this machine's
};

struct BuiltImage {
    QByteArray layoutTarball;  // the OCI layout, as a tar
    QString manifestDigest;    // "sha256:..."
    QString configDigest;
    qint64 layerSize = 0;      // compressed
};

class ImageBuilder {
public:
    // layerTar: the root filesystem as an uncompressed tar (TarWriter's).
    // names: full references ("docker.io/library/busybox:latest").
    static BuiltImage build(const QByteArray &layerTar, const ImageConfig &config,
                            const QStringList &names, QString *error);

    // OCI's architecture name for this machine (amd64, arm64, ...).
    static QString hostArchitecture();
};

}  // namespace timoneiro::runtime
