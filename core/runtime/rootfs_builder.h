#pragma once
// A container root filesystem assembled entry by entry into a layer tar:
// parent directories appear on their own, host files are copied in, and a
// path is written once (the first writer wins), as in a single layer.
#include "tar_writer.h"

#include <QSet>

namespace timoneiro::runtime {

class RootFsBuilder {
public:
    void directory(const QString &path, int mode = 0755);
    void file(const QString &path, const QByteArray &content, int mode = 0644);
    void symlink(const QString &path, const QString &target);
    // Copies a file of this machine (following symlinks) to path.
    bool hostFile(const QString &hostPath, const QString &path, int mode = 0);

    // The layer tar, or empty with error set.
    QByteArray finish(QString *error);

private:
    static QString clean(const QString &path);
    void parents(const QString &path);
    bool claim(const QString &path);

    TarWriter tar_;
    QSet<QString> written_;
    QString error_;
};

}  // namespace timoneiro::runtime
