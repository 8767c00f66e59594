#include "image_recipes.h"

#include "host_command.h"
#include "rootfs_builder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace timoneiro::runtime::recipes {

namespace {

// Bump when a recipe's contents change, so cached tarballs are rebuilt.
constexpr int kRecipeRevision = 2;

const QString kPath = QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex().left(16);
}

// The usual top-level directories and the accounts images expect.
void baseFilesystem(RootFsBuilder &fs, const QByteArray &extraUsers = {}, const QByteArray &extraGroups = {})
{
    for (const char *dir : {"bin", "sbin", "usr/bin", "usr/sbin", "etc", "root", "proc", "sys", "dev", "run", "var"})
        fs.directory(QString::fromLatin1(dir));
    fs.directory(QStringLiteral("tmp"), 01777);
    fs.file(QStringLiteral("etc/passwd"),
            "root:x:0:0:root:/root:/bin/sh\n" + extraUsers + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
    fs.file(QStringLiteral("etc/group"), "root:x:0:\n" + extraGroups + "nogroup:x:65534:\n");
    fs.file(QStringLiteral("etc/nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
}

QString debVersionFromFileName(const QString &path)
{
    // nginx_1.22.1-9+deb12u10_amd64.deb; an epoch shows as %3a.
    const QString version = QUrl::fromPercentEncoding(QFileInfo(path).fileName().section(QLatin1Char('_'), 1, 1).toLatin1());
    return version.contains(QLatin1Char(':')) ? version.section(QLatin1Char(':'), 1) : version;
}

// The two packages of one version, the highest name-sorted found.
std::optional<std::pair<QString, QString>> findNginxDebs(const QStringList &dirs)
{
    const QString arch = ImageBuilder::hostArchitecture();
    for (const QString &dir : dirs) {
        QDir d(dir);
        QStringList binaries = d.entryList({QStringLiteral("nginx_*_%1.deb").arg(arch)}, QDir::Files, QDir::Name);
        for (auto it = binaries.crbegin(); it != binaries.crend(); ++it) {
            const QString version = it->section(QLatin1Char('_'), 1, 1);
            const QString common = QStringLiteral("nginx-common_%1_all.deb").arg(version);
            if (d.exists(common))
                return std::pair{d.filePath(*it), d.filePath(common)};
        }
    }
    return std::nullopt;
}

// The shared objects a binary needs, as ldd resolves them on this machine.
QStringList sharedLibraries(const QString &binary, QString *error)
{
    const CommandResult ldd = runCommand(QStringLiteral("ldd"), {binary}, 30000);
    if (!ldd.ok()) {
        *error = ldd.describe(QStringLiteral("ldd"));
        return {};
    }
    QStringList libraries;
    static const QRegularExpression resolved(QStringLiteral("=>\\s+(/\\S+)\\s+\\("));
    static const QRegularExpression loader(QStringLiteral("^\\s*(/\\S+)\\s+\\("));
    for (const QString &line : QString::fromUtf8(ldd.out).split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("not found"))) {
            *error = QStringLiteral("%1 needs a library this machine lacks: %2").arg(binary, line.trimmed());
            return {};
        }
        QRegularExpressionMatch m = resolved.match(line);
        if (!m.hasMatch())
            m = loader.match(line);
        if (m.hasMatch())
            libraries.append(m.captured(1));
    }
    return libraries;
}

const char kNginxConf[] = R"(# Written by Timoneiro's image builder: serve the default page on port 80,
# log to the container's stdout and stderr (the kubelet collects them).
user www-data;
worker_processes 1;
pid /run/nginx.pid;
error_log /dev/stderr notice;

events {
    worker_connections 512;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log /dev/stdout;
    sendfile on;
    keepalive_timeout 65;

    server {
        listen 80 default_server;
        server_name _;
        root /usr/share/nginx/html;
        index index.html index.htm;
        location / {
            try_files $uri $uri/ =404;
        }
    }
}
)";

}  // namespace

QStringList libraryReferences(const QString &name, const QString &tag)
{
    return {QStringLiteral("docker.io/library/%1:latest").arg(name),
            QStringLiteral("docker.io/library/%1:%2").arg(name, tag)};
}

std::optional<ImageRecipe> pause(const QString &pauseBinary, const QString &reference, QString *error)
{
    const QByteArray digest = fileDigest(pauseBinary);
    if (digest.isEmpty()) {
        *error = QStringLiteral("the pause binary %1 cannot be read").arg(pauseBinary);
        return std::nullopt;
    }
    ImageRecipe recipe;
    recipe.name = QStringLiteral("pause");
    recipe.tag = reference.section(QLatin1Char(':'), -1);
    recipe.cacheKey = QStringLiteral("pause-%1-r%2").arg(QString::fromLatin1(digest)).arg(kRecipeRevision);
    recipe.references = {reference};
    recipe.config.entrypoint = {QStringLiteral("/pause")};
    recipe.config.env = {kPath};
    recipe.layer = [pauseBinary](QString *error) {
        RootFsBuilder fs;
        fs.hostFile(pauseBinary, QStringLiteral("pause"), 0755);
        return fs.finish(error);
    };
    return recipe;
}

std::optional<ImageRecipe> busybox(const QString &busyboxBinary, QString *error)
{
    // "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary."
    const CommandResult banner = runCommand(busyboxBinary, {}, 10000);
    static const QRegularExpression versionPattern(QStringLiteral("BusyBox v(\\d+)\\.(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch version = versionPattern.match(QString::fromUtf8(banner.out + banner.err));
    if (!banner.started || !version.hasMatch()) {
        *error = QStringLiteral("%1 is not a BusyBox binary (install busybox-static)").arg(busyboxBinary);
        return std::nullopt;
    }
    const CommandResult list = runCommand(busyboxBinary, {QStringLiteral("--list-full")}, 10000);
    if (!list.ok()) {
        *error = list.describe(busyboxBinary);
        return std::nullopt;
    }
    const QStringList applets = QString::fromUtf8(list.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);

    ImageRecipe recipe;
    recipe.name = QStringLiteral("busybox");
    recipe.tag = version.captured(1) + QLatin1Char('.') + version.captured(2);
    recipe.cacheKey = QStringLiteral("busybox-%1-%2-r%3")
                          .arg(version.captured(0).mid(9), QString::fromLatin1(fileDigest(busyboxBinary)))
                          .arg(kRecipeRevision);
    recipe.references = libraryReferences(recipe.name, recipe.tag);
    recipe.config.cmd = {QStringLiteral("sh")};
    recipe.config.env = {kPath};
    recipe.layer = [busyboxBinary, applets](QString *error) {
        RootFsBuilder fs;
        baseFilesystem(fs, "www-data:x:33:33:www-data:/var/www:/bin/false\n", "www-data:x:33:\n");
        fs.directory(QStringLiteral("var/www"));
        fs.directory(QStringLiteral("home"));
        fs.hostFile(busyboxBinary, QStringLiteral("bin/busybox"), 0755);
        for (const QString &applet : applets) {
            if (applet.trimmed() != QLatin1String("bin/busybox"))
                fs.symlink(applet.trimmed(), QStringLiteral("/bin/busybox"));
        }
        return fs.finish(error);
    };
    return recipe;
}

std::optional<ImageRecipe> nginx(const QStringList &debDirs, const QString &downloadDir,
                                 const QString &workDir, QString *error)
{
    auto debs = findNginxDebs(debDirs);
    if (!debs && !downloadDir.isEmpty()) {
        QDir().mkpath(downloadDir);
        const CommandResult download = runCommand(QStringLiteral("apt-get"),
                                                  {QStringLiteral("download"), QStringLiteral("nginx"), QStringLiteral("nginx-common")},
                                                  180000, downloadDir);
        debs = findNginxDebs({downloadDir});
        if (!debs) {
            *error = QStringLiteral("no nginx package here and none could be downloaded (%1)")
                         .arg(download.describe(QStringLiteral("apt-get download")));
            return std::nullopt;
        }
    }
    if (!debs) {
        *error = QStringLiteral("no nginx_*.deb with its nginx-common in %1").arg(debDirs.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const QString debVersion = debVersionFromFileName(debs->first);
    static const QRegularExpression upstream(QStringLiteral("^(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch m = upstream.match(debVersion);

    ImageRecipe recipe;
    recipe.name = QStringLiteral("nginx");
    recipe.tag = m.hasMatch() ? m.captured(1) + QLatin1Char('.') + m.captured(2) : debVersion;
    recipe.cacheKey = QStringLiteral("nginx-%1-r%2").arg(debVersion).arg(kRecipeRevision);
    recipe.references = libraryReferences(recipe.name, recipe.tag);
    recipe.config.cmd = {QStringLiteral("nginx"), QStringLiteral("-g"), QStringLiteral("daemon off;")};
    recipe.config.exposedPorts = {QStringLiteral("80/tcp")};
    recipe.config.stopSignal = QStringLiteral("SIGQUIT");
    // No ld.so.cache in the image: the libraries go where ldd found them on
    // this machine, which are Debian's ld.so's built-in search directories.
    recipe.config.env = {kPath, QStringLiteral("NGINX_VERSION=%1").arg(debVersion)};
    const auto packages = *debs;
    recipe.layer = [packages, workDir](QString *error) -> QByteArray {
        const QString unpacked = workDir + QStringLiteral("/nginx-unpacked");
        QDir(unpacked).removeRecursively();
        QDir().mkpath(unpacked);
        for (const QString &deb : {packages.first, packages.second}) {
            const CommandResult x = runCommand(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, unpacked}, 60000);
            if (!x.ok()) {
                *error = x.describe(QStringLiteral("dpkg-deb -x"));
                return {};
            }
        }
        const QString binary = unpacked + QStringLiteral("/usr/sbin/nginx");
        const QStringList libraries = sharedLibraries(binary, error);
        if (libraries.isEmpty()) {
            if (error->isEmpty())
                *error = QStringLiteral("ldd found no libraries for %1").arg(binary);
            QDir(unpacked).removeRecursively();
            return {};
        }
        RootFsBuilder fs;
        baseFilesystem(fs, "www-data:x:33:33:www-data:/var/www:/bin/false\n", "www-data:x:33:\n");
        fs.hostFile(binary, QStringLiteral("usr/sbin/nginx"), 0755);
        for (const QString &library : libraries)
            fs.hostFile(library, library, 0755);
        fs.file(QStringLiteral("etc/nginx/nginx.conf"), kNginxConf);
        fs.hostFile(unpacked + QStringLiteral("/etc/nginx/mime.types"), QStringLiteral("etc/nginx/mime.types"));
        fs.directory(QStringLiteral("etc/nginx/conf.d"));
        fs.hostFile(unpacked + QStringLiteral("/usr/share/nginx/html/index.html"), QStringLiteral("usr/share/nginx/html/index.html"));
        fs.directory(QStringLiteral("var/lib/nginx"));
        // nginx opens its compiled-in log paths before reading the config.
        fs.symlink(QStringLiteral("var/log/nginx/access.log"), QStringLiteral("/dev/stdout"));
        fs.symlink(QStringLiteral("var/log/nginx/error.log"), QStringLiteral("/dev/stderr"));
        fs.directory(QStringLiteral("var/www"));
        QByteArray layer = fs.finish(error);
        QDir(unpacked).removeRecursively();
        return layer;
    };
    return recipe;
}

}  // namespace timoneiro::runtime::recipes
