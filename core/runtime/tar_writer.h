#pragma once
// A ustar archive written in memory: what an OCI layer and an OCI image
// layout tarball are. Entries carry fixed owners and times so the same
// inputs give the same bytes (and so the same digests) at every build.
#include <QByteArray>
#include <QString>

namespace timoneiro::runtime {

class TarWriter {
public:
    // Paths are relative ("usr/bin/x"), without a leading slash.
    bool addDirectory(const QString &path, int mode = 0755);
    bool addFile(const QString &path, const QByteArray &content, int mode = 0644);
    bool addSymlink(const QString &path, const QString &target);

    // Ends the archive (two zero blocks) and hands the bytes over.
    QByteArray finish();
    // Why the last add failed (a name too long for ustar).
    const QString &error() const { return error_; }

private:
    bool addHeader(const QString &path, char type, int mode, qint64 size, const QString &link);

    QByteArray data_;
    QString error_;
};

// gzip (RFC 1952) of data, with zlib.
QByteArray gzipCompress(const QByteArray &data);

}  // namespace timoneiro::runtime
