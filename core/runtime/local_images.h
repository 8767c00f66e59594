#pragma once
// The local image store: builds pause, busybox and nginx once into a cache
// directory (one OCI layout tarball each, keyed by what they are made of)
// and imports them into a node's containerd, in CRI's namespace k8s.io.
#include "image_recipes.h"

namespace timoneiro::runtime {

struct LocalImagesOptions {
    QString cacheDir;        // where tarballs (and downloaded .debs) are kept
    QString pauseBinary;     // empty: defaultPauseBinary()
    QString busyboxBinary = QStringLiteral("/bin/busybox");
    QStringList debDirs;     // empty: <cacheDir>/debs and apt's cache
    bool downloadDebs = true;
};

struct LocalImage {
    QString name;
    QString tag;
    QStringList references;
    QString tarball;
};

class LocalImages {
public:
    explicit LocalImages(LocalImagesOptions options);

    // The sandbox image every node's CRI config names.
    static QString pauseReference() { return QStringLiteral("localhost/timoneiro/pause:3.9"); }
    // Beside the running executable (installed), else the build tree's.
    static QString defaultPauseBinary();
    // Images the package ships prebuilt (installers/), beside the installed
    // executable in ../lib/timoneiro/images; empty when there is none.
    static QString packagedImagesDir();

    // Builds what is not cached yet. An image that cannot be built (no
    // nginx package here) is reported in errors and left out; pause and
    // busybox are required, so their failure makes it return false.
    bool ensureBuilt(QStringList *errors);
    const QList<LocalImage> &images() const { return images_; }

    // ctr -a <socket> -n k8s.io images import, for every built image.
    bool importInto(const QString &containerdSocket, const QString &snapshotter, QString *error) const;

private:
    bool buildOne(const ImageRecipe &recipe, QString *error);
    bool usePackaged(const QString &name);

    LocalImagesOptions options_;
    QList<LocalImage> images_;
};

}  // namespace timoneiro::runtime
