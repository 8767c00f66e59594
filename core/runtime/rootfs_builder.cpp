#include "rootfs_builder.h"

#include <QFile>
#include <QFileInfo>

namespace timoneiro::runtime {

QString RootFsBuilder::clean(const QString &path)
{
    QString p = path;
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}

bool RootFsBuilder::claim(const QString &path)
{
    if (written_.contains(path))
        return false;
    written_.insert(path);
    return true;
}

void RootFsBuilder::parents(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return;
    directory(path.left(slash));
}

void RootFsBuilder::directory(const QString &path, int mode)
{
    const QString p = clean(path);
    if (p.isEmpty() || written_.contains(p))
        return;
    parents(p);
    claim(p);
    if (!tar_.addDirectory(p, mode) && error_.isEmpty())
        error_ = tar_.error();
}

void RootFsBuilder::file(const QString &path, const QByteArray &content, int mode)
{
    const QString p = clean(path);
    parents(p);
    if (claim(p) && !tar_.addFile(p, content, mode) && error_.isEmpty())
        error_ = tar_.error();
}

void RootFsBuilder::symlink(const QString &path, const QString &target)
{
    const QString p = clean(path);
    parents(p);
    if (claim(p) && !tar_.addSymlink(p, target) && error_.isEmpty())
        error_ = tar_.error();
}

bool RootFsBuilder::hostFile(const QString &hostPath, const QString &path, int mode)
{
    QFile in(hostPath);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error_.isEmpty())
            error_ = QStringLiteral("cannot read %1: %2").arg(hostPath, in.errorString());
        return false;
    }
    if (mode == 0)
        mode = (QFileInfo(hostPath).permissions() & QFileDevice::ExeOwner) ? 0755 : 0644;
    file(path, in.readAll(), mode);
    return true;
}

QByteArray RootFsBuilder::finish(QString *error)
{
    if (!error_.isEmpty()) {
        *error = error_;
        return {};
    }
    return tar_.finish();
}

}  // namespace timoneiro::runtime
