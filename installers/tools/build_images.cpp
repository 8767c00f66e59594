// Build-time tool: builds the offline images (pause, busybox, nginx) with
// the same code timoneirod uses, into a directory the package ships as
// /usr/lib/timoneiro/images. An installed timoneirod imports those as they
// are, so a machine without nginx's .debs or a network still gets nginx.
// build_images <out-dir> <pause-binary>
#include "runtime/local_images.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: build_images <out-dir> <pause-binary>\n");
        return 2;
    }
    timoneiro::runtime::LocalImagesOptions options;
    options.cacheDir = args.at(1);
    options.pauseBinary = args.at(2);
    // nginx's .debs come from apt's cache or are downloaded into
    // <out-dir>/debs; only the *.oci.tar files are installed.
    timoneiro::runtime::LocalImages images(options);
    QStringList errors;
    const bool ok = images.ensureBuilt(&errors);
    for (const QString &e : errors)
        std::fprintf(stderr, "build_images: %s\n", qPrintable(e));
    for (const auto &image : images.images())
        std::printf("build_images: %s -> %s\n", qPrintable(image.name), qPrintable(image.tarball));
    // Not fatal to the build: an image missing from the package is built
    // on the user's machine instead (the package test checks all three).
    if (!ok)
        std::fprintf(stderr, "build_images: warning: the package will lack some images\n");
    return 0;
}
