#include "spdy_header_block.h"

#include <zlib.h>

#include <algorithm>

namespace timoneiro::apiserver::spdy {

namespace {

// A decompressed block larger than this is refused (a zlib bomb would
// otherwise grow without bound); kubectl's blocks are a few dozen bytes.
constexpr qsizetype kMaxHeaderBlock = 1024 * 1024;

void put32(QByteArray &out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

QByteArray buildDictionary()
{
    // The draft lists these words, each prefixed by its 32-bit length, then
    // a tail of status codes, reason phrases, dates and content types with
    // no prefixes. Its adler32 is 0xe3c6a7c2 (checked by the unit test).
    static const char *const words[] = {
        "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset", "accept-encoding",
        "accept-language", "accept-ranges", "age", "allow", "authorization", "cache-control", "connection",
        "content-base", "content-encoding", "content-language", "content-length", "content-location",
        "content-md5", "content-range", "content-type", "date", "etag", "expect", "expires", "from", "host",
        "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "last-modified",
        "location", "max-forwards", "pragma", "proxy-authenticate", "proxy-authorization", "range", "referer",
        "retry-after", "server", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "vary", "via",
        "warning", "www-authenticate", "method", "get", "status", "200 OK", "version", "HTTP/1.1", "url",
        "public", "set-cookie", "keep-alive", "origin",
    };
    QByteArray d;
    for (const char *w : words) {
        put32(d, quint32(qstrlen(w)));
        d.append(w);
    }
    d.append("100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505"
             "203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request"
             "401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented"
             "503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 "
             "Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,"
             "application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age="
             "gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.");
    return d;
}

const Bytef *bytes(const QByteArray &a)
{
    return reinterpret_cast<const Bytef *>(a.constData());
}

}  // namespace

const QByteArray &headerDictionary()
{
    static const QByteArray dictionary = buildDictionary();
    return dictionary;
}

QByteArray headerValue(const Headers &headers, const QByteArray &name)
{
    for (const auto &[n, v] : headers)
        if (n == name)
            return v;
    return {};
}

QByteArray encodeHeaderBlock(const Headers &headers)
{
    QByteArray out;
    put32(out, quint32(headers.size()));
    for (const auto &[name, value] : headers) {
        put32(out, quint32(name.size()));
        out.append(name);
        put32(out, quint32(value.size()));
        out.append(value);
    }
    return out;
}

std::optional<Headers> decodeHeaderBlock(const QByteArray &block, QString *error)
{
    qsizetype pos = 0;
    auto read32 = [&](quint32 *v) {
        if (block.size() - pos < 4)
            return false;
        const auto *p = reinterpret_cast<const uchar *>(block.constData() + pos);
        *v = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
        pos += 4;
        return true;
    };
    auto readString = [&](QByteArray *s) {
        quint32 n = 0;
        if (!read32(&n) || quint64(block.size() - pos) < n)
            return false;
        *s = block.mid(pos, n);
        pos += n;
        return true;
    };
    quint32 count = 0;
    if (!read32(&count)) {
        *error = QStringLiteral("SPDY header block has no pair count");
        return std::nullopt;
    }
    Headers headers;
    for (quint32 i = 0; i < count; ++i) {
        QByteArray name, value;
        if (!readString(&name) || !readString(&value)) {
            *error = QStringLiteral("SPDY header block shorter than its %1 pairs").arg(count);
            return std::nullopt;
        }
        if (name.isEmpty() || name != name.toLower()) {
            *error = QStringLiteral("SPDY header name \"%1\" is empty or not lower case").arg(QString::fromLatin1(name));
            return std::nullopt;
        }
        if (std::any_of(headers.cbegin(), headers.cend(), [&](const auto &h) { return h.first == name; })) {
            *error = QStringLiteral("SPDY header \"%1\" appears twice").arg(QString::fromLatin1(name));
            return std::nullopt;
        }
        headers.append({name, value});
    }
    return headers;
}

struct HeaderCompressor::Stream {
    z_stream z{};
};

HeaderCompressor::HeaderCompressor()
    : d(std::make_unique<Stream>())
{
    deflateInit(&d->z, Z_BEST_COMPRESSION);
    const QByteArray &dict = headerDictionary();
    deflateSetDictionary(&d->z, bytes(dict), uInt(dict.size()));
}

HeaderCompressor::~HeaderCompressor()
{
    deflateEnd(&d->z);
}

QByteArray HeaderCompressor::compress(const Headers &headers)
{
    const QByteArray plain = encodeHeaderBlock(headers);
    QByteArray out;
    d->z.next_in = const_cast<Bytef *>(bytes(plain));
    d->z.avail_in = uInt(plain.size());
    char chunk[4096];
    do {
        d->z.next_out = reinterpret_cast<Bytef *>(chunk);
        d->z.avail_out = sizeof chunk;
        deflate(&d->z, Z_SYNC_FLUSH);
        out.append(chunk, qsizetype(sizeof chunk - d->z.avail_out));
    } while (d->z.avail_out == 0);
    return out;
}

struct HeaderDecompressor::Stream {
    z_stream z{};
    bool broken = false;
};

HeaderDecompressor::HeaderDecompressor()
    : d(std::make_unique<Stream>())
{
    inflateInit(&d->z);
}

HeaderDecompressor::~HeaderDecompressor()
{
    inflateEnd(&d->z);
}

std::optional<Headers> HeaderDecompressor::decompress(const QByteArray &compressed, QString *error)
{
    if (d->broken) {
        *error = QStringLiteral("SPDY header decompression failed earlier in this session");
        return std::nullopt;
    }
    QByteArray plain;
    d->z.next_in = const_cast<Bytef *>(bytes(compressed));
    d->z.avail_in = uInt(compressed.size());
    char chunk[4096];
    for (;;) {
        d->z.next_out = reinterpret_cast<Bytef *>(chunk);
        d->z.avail_out = sizeof chunk;
        int rc = inflate(&d->z, Z_SYNC_FLUSH);
        if (rc == Z_NEED_DICT) {
            const QByteArray &dict = headerDictionary();
            rc = inflateSetDictionary(&d->z, bytes(dict), uInt(dict.size()));
            if (rc == Z_OK)
                continue;
        }
        plain.append(chunk, qsizetype(sizeof chunk - d->z.avail_out));
        if ((rc != Z_OK && rc != Z_BUF_ERROR) || plain.size() > kMaxHeaderBlock) {
            d->broken = true;
            *error = plain.size() > kMaxHeaderBlock ? QStringLiteral("SPDY header block too large")
                                                    : QStringLiteral("SPDY header block: zlib error %1").arg(rc);
            return std::nullopt;
        }
        // Room left in the output means zlib has used all it was given.
        if (d->z.avail_out != 0)
            break;
    }
    return decodeHeaderBlock(plain, error);
}

}  // namespace timoneiro::apiserver::spdy
