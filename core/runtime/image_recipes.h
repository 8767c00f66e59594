#pragma once
// The images a local node needs and no registry can give here, each built
// from files of this machine: pause (our static pause), busybox (Debian's
// busybox-static and its applet links, httpd included) and nginx (Debian's
// nginx package, unpacked with dpkg-deb -x -- never installed, so no nginx
// starts on the host -- plus the host's shared libraries it links).
#include "image_builder.h"

#include <functional>
#include <optional>

namespace timoneiro::runtime {

struct ImageRecipe {
    QString name;                // "nginx"
    QString tag;                 // "1.22"
    QString cacheKey;            // changes whenever the built bytes would
    QStringList references;      // what it is imported as
    ImageConfig config;
    // Builds the layer tar (the expensive part, skipped on a cache hit).
    std::function<QByteArray(QString *error)> layer;
};

namespace recipes {

// "docker.io/library/<name>:latest" and "docker.io/library/<name>:<tag>",
// what CRI resolves "nginx" and "nginx:1.22" to.
QStringList libraryReferences(const QString &name, const QString &tag);

std::optional<ImageRecipe> pause(const QString &pauseBinary, const QString &reference, QString *error);
std::optional<ImageRecipe> busybox(const QString &busyboxBinary, QString *error);
// debDirs: where to look for nginx_*.deb and nginx-common_*.deb; when none
// is there and downloadDir is set, `apt-get download` fetches them into it.
// workDir: scratch space for the unpacked packages.
std::optional<ImageRecipe> nginx(const QStringList &debDirs, const QString &downloadDir,
                                 const QString &workDir, QString *error);

}  // namespace recipes

}  // namespace timoneiro::runtime
