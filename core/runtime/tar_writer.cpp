#include "tar_writer.h"

#include <zlib.h>

#include <cstdio>
#include <cstring>

namespace timoneiro::runtime {

namespace {

constexpr int kBlock = 512;

void putOctal(char *field, int width, qint64 value)
{
    // width-1 octal digits, then NUL, as ustar wants.
    std::snprintf(field, width, "%0*llo", width - 1, static_cast<unsigned long long>(value));
}

// ustar keeps names up to 100 bytes, or a prefix up to 155 and a name up to
// 100 split at a slash.
bool splitName(const QByteArray &path, QByteArray *prefix, QByteArray *name)
{
    if (path.size() <= 100) {
        *name = path;
        prefix->clear();
        return true;
    }
    for (qsizetype i = path.size() - 1; i > 0; --i) {
        if (path[i] != '/')
            continue;
        if (i <= 155 && path.size() - i - 1 <= 100 && path.size() - i - 1 > 0) {
            *prefix = path.left(i);
            *name = path.mid(i + 1);
            return true;
        }
    }
    return false;
}

}  // namespace

bool TarWriter::addHeader(const QString &path, char type, int mode, qint64 size, const QString &link)
{
    QByteArray fullName = path.toUtf8();
    if (type == '5' && !fullName.endsWith('/'))
        fullName += '/';
    QByteArray prefix, name;
    if (!splitName(fullName, &prefix, &name)) {
        error_ = QStringLiteral("path too long for a tar header: %1").arg(path);
        return false;
    }
    const QByteArray linkName = link.toUtf8();
    if (linkName.size() > 100) {
        error_ = QStringLiteral("link target too long for a tar header: %1").arg(link);
        return false;
    }
    char header[kBlock];
    std::memset(header, 0, sizeof header);
    std::memcpy(header, name.constData(), name.size());
    putOctal(header + 100, 8, mode);
    putOctal(header + 108, 8, 0);  // uid
    putOctal(header + 116, 8, 0);  // gid
    putOctal(header + 124, 12, size);
    putOctal(header + 136, 12, 0);  // mtime: fixed, for reproducible digests
    header[156] = type;
    std::memcpy(header + 157, linkName.constData(), linkName.size());
    std::memcpy(header + 257, "ustar", 6);
    std::memcpy(header + 263, "00", 2);
    std::memcpy(header + 265, "root", 4);
    std::memcpy(header + 297, "root", 4);
    std::memcpy(header + 345, prefix.constData(), prefix.size());
    // The checksum is computed with its own field read as spaces.
    std::memset(header + 148, ' ', 8);
    unsigned sum = 0;
    for (unsigned char c : header)
        sum += c;
    std::snprintf(header + 148, 8, "%06o", sum);
    header[155] = ' ';
    data_.append(header, kBlock);
    return true;
}

bool TarWriter::addDirectory(const QString &path, int mode)
{
    return addHeader(path, '5', mode, 0, {});
}

bool TarWriter::addFile(const QString &path, const QByteArray &content, int mode)
{
    if (!addHeader(path, '0', mode, content.size(), {}))
        return false;
    data_.append(content);
    const qsizetype pad = (kBlock - content.size() % kBlock) % kBlock;
    data_.append(QByteArray(pad, '\0'));
    return true;
}

bool TarWriter::addSymlink(const QString &path, const QString &target)
{
    return addHeader(path, '2', 0777, 0, target);
}

QByteArray TarWriter::finish()
{
    data_.append(QByteArray(2 * kBlock, '\0'));
    return std::move(data_);
}

QByteArray gzipCompress(const QByteArray &data)
{
    z_stream stream {};
    // 15 window bits + 16: a gzip wrapper, not zlib's.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(deflateBound(&stream, data.size()) + 64);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    const auto written = stream.total_out;
    deflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return {};
    out.resize(static_cast<qsizetype>(written));
    return out;
}

}  // namespace timoneiro::runtime
