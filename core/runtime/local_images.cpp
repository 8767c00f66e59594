#include "local_images.h"

#include "host_command.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace timoneiro::runtime {

LocalImages::LocalImages(LocalImagesOptions options) : options_(std::move(options))
{
    if (options_.pauseBinary.isEmpty())
        options_.pauseBinary = defaultPauseBinary();
    if (options_.debDirs.isEmpty())
        options_.debDirs = {options_.cacheDir + QStringLiteral("/debs"), QStringLiteral("/var/cache/apt/archives")};
}

QString LocalImages::defaultPauseBinary()
{
    if (QCoreApplication::instance()) {
        const QString dir = QCoreApplication::applicationDirPath();
        for (const QString &candidate : {dir + QStringLiteral("/timoneiro-pause"),
                                         dir + QStringLiteral("/../lib/timoneiro/timoneiro-pause")}) {
            if (QFileInfo(candidate).isExecutable())
                return QFileInfo(candidate).canonicalFilePath();
        }
    }
    return QStringLiteral(TIMONEIRO_PAUSE_BINARY);
}

QString LocalImages::packagedImagesDir()
{
    if (!QCoreApplication::instance())
        return {};
    const QFileInfo dir(QCoreApplication::applicationDirPath() + QStringLiteral("/../lib/timoneiro/images"));
    return dir.isDir() ? dir.canonicalFilePath() : QString();
}

// A packaged image is used as it is: the package built it from the build
// machine's files, so this one needs neither nginx's .debs nor a network.
bool LocalImages::usePackaged(const QString &name)
{
    const QString dir = packagedImagesDir();
    if (dir.isEmpty())
        return false;
    const QStringList found = QDir(dir).entryList({name + QStringLiteral("-*.oci.tar")}, QDir::Files, QDir::Name);
    if (found.isEmpty())
        return false;
    images_.append(LocalImage{name, QString(), {}, dir + QLatin1Char('/') + found.last()});
    return true;
}

bool LocalImages::buildOne(const ImageRecipe &recipe, QString *error)
{
    const QString tarball = QStringLiteral("%1/%2.oci.tar").arg(options_.cacheDir, recipe.cacheKey);
    if (!QFileInfo::exists(tarball)) {
        const QByteArray layer = recipe.layer(error);
        if (layer.isEmpty()) {
            if (error->isEmpty())
                *error = QStringLiteral("the %1 image's root filesystem is empty").arg(recipe.name);
            return false;
        }
        const BuiltImage built = ImageBuilder::build(layer, recipe.config, recipe.references, error);
        if (built.layoutTarball.isEmpty())
            return false;
        // Written whole or not at all: a half tarball must never look cached.
        QSaveFile out(tarball);
        if (!out.open(QIODevice::WriteOnly) || out.write(built.layoutTarball) != built.layoutTarball.size()
            || !out.commit()) {
            *error = QStringLiteral("cannot write %1: %2").arg(tarball, out.errorString());
            return false;
        }
        // Older builds of the same image are superseded: keep the cache small.
        QDir cache(options_.cacheDir);
        for (const QString &stale : cache.entryList({recipe.name + QStringLiteral("-*.oci.tar")}, QDir::Files)) {
            if (cache.filePath(stale) != tarball)
                cache.remove(stale);
        }
    }
    images_.append(LocalImage{recipe.name, recipe.tag, recipe.references, tarball});
    return true;
}

bool LocalImages::ensureBuilt(QStringList *errors)
{
    images_.clear();
    if (!QDir().mkpath(options_.cacheDir)) {
        errors->append(QStringLiteral("cannot create %1").arg(options_.cacheDir));
        return false;
    }
    bool required = true;
    QString error;
    if (!usePackaged(QStringLiteral("pause"))) {
        const auto pause = recipes::pause(options_.pauseBinary, pauseReference(), &error);
        if (!pause || !buildOne(*pause, &error)) {
            errors->append(QStringLiteral("pause: %1").arg(error));
            required = false;
        }
    }
    error.clear();
    if (!usePackaged(QStringLiteral("busybox"))) {
        const auto busybox = recipes::busybox(options_.busyboxBinary, &error);
        if (!busybox || !buildOne(*busybox, &error)) {
            errors->append(QStringLiteral("busybox: %1").arg(error));
            required = false;
        }
    }
    error.clear();
    const QString work = options_.cacheDir + QStringLiteral("/work");
    if (!usePackaged(QStringLiteral("nginx"))) {
        const auto nginx = recipes::nginx(options_.debDirs, options_.downloadDebs ? options_.cacheDir + QStringLiteral("/debs") : QString(),
                                          work, &error);
        if (!nginx || !buildOne(*nginx, &error))
            errors->append(QStringLiteral("nginx: %1").arg(error));
    }
    QDir(work).removeRecursively();
    return required;
}

bool LocalImages::importInto(const QString &containerdSocket, const QString &snapshotter, QString *error) const
{
    for (const LocalImage &image : images_) {
        QStringList args{QStringLiteral("-a"), containerdSocket, QStringLiteral("-n"), QStringLiteral("k8s.io"),
                         QStringLiteral("images"), QStringLiteral("import")};
        if (!snapshotter.isEmpty())
            args << QStringLiteral("--snapshotter") << snapshotter;
        args << image.tarball;
        const CommandResult result = runCommand(QStringLiteral("ctr"), args, 120000);
        if (!result.ok()) {
            *error = QStringLiteral("importing %1: %2").arg(image.name, result.describe(QStringLiteral("ctr")));
            return false;
        }
    }
    return true;
}

}  // namespace timoneiro::runtime
