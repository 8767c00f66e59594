#pragma once
// SPDY/3 name/value header blocks: "count | (len name len value)*" with
// 32-bit lengths, several values of one name joined by NUL, and the whole
// block zlib-compressed with the SPDY/3 dictionary. Each direction of a
// session is ONE zlib stream (Z_SYNC_FLUSH after every block), so a
// compressor or decompressor lives as long as its session.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

namespace timoneiro::apiserver::spdy {

// Lower-case names with their values (NUL-separated when a name has
// several), in wire order. The same alias as spdy_client.h's.
using Headers = QList<QPair<QByteArray, QByteArray>>;
QByteArray headerValue(const Headers &headers, const QByteArray &name);

// The dictionary of the SPDY/3 draft, section 2.6.10.1 (1423 bytes).
const QByteArray &headerDictionary();

QByteArray encodeHeaderBlock(const Headers &headers);
std::optional<Headers> decodeHeaderBlock(const QByteArray &block, QString *error);

class HeaderCompressor {
public:
    HeaderCompressor();
    ~HeaderCompressor();
    HeaderCompressor(const HeaderCompressor &) = delete;
    HeaderCompressor &operator=(const HeaderCompressor &) = delete;

    QByteArray compress(const Headers &headers);

private:
    struct Stream;
    std::unique_ptr<Stream> d;
};

class HeaderDecompressor {
public:
    HeaderDecompressor();
    ~HeaderDecompressor();
    HeaderDecompressor(const HeaderDecompressor &) = delete;
    HeaderDecompressor &operator=(const HeaderDecompressor &) = delete;

    // nullopt (and *error) on bad zlib data or a malformed block; the
    // stream is then unusable, as in any SPDY implementation.
    std::optional<Headers> decompress(const QByteArray &compressed, QString *error);

private:
    struct Stream;
    std::unique_ptr<Stream> d;
};

}  // namespace timoneiro::apiserver::spdy
