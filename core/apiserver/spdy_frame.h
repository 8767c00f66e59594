#pragma once
// SPDY/3.1 frames as kubectl's port-forward (moby/spdystream) puts them on
// the wire: an 8-byte header, control frames "1 | version 3 | type, flags |
// length 24", data frames "0 | stream id 31, flags | length 24". Header
// blocks stay compressed here; spdy_header_block.h owns their zlib streams,
// because each direction's compression context spans the whole session.
#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace timoneiro::apiserver::spdy {

constexpr int kVersion = 3;
constexpr int kFrameHeaderSize = 8;
constexpr quint32 kMaxFrameLength = 0xffffff;
constexpr quint32 kInitialWindowSize = 64 * 1024;

enum class FrameType : quint16 {
    Data = 0,  // not a control type: a data frame's header has no type field
    SynStream = 1,
    SynReply = 2,
    RstStream = 3,
    Settings = 4,
    Ping = 6,
    GoAway = 7,
    Headers = 8,
    WindowUpdate = 9,
};

constexpr quint8 kFlagFin = 0x01;
constexpr quint8 kFlagUnidirectional = 0x02;  // SYN_STREAM

enum RstStatus : quint32 {
    ProtocolError = 1,
    InvalidStream = 2,
    RefusedStream = 3,
    UnsupportedVersion = 4,
    Cancel = 5,
    InternalError = 6,
    FlowControlError = 7,
    StreamInUse = 8,
    StreamAlreadyClosed = 9,
    FrameTooLarge = 11,
};

enum GoAwayStatus : quint32 { GoAwayOk = 0, GoAwayProtocolError = 1, GoAwayInternalError = 2 };

constexpr quint32 kSettingsInitialWindowSize = 7;

struct Setting {
    quint8 flags = 0;
    quint32 id = 0;  // 24 bits on the wire
    quint32 value = 0;
    bool operator==(const Setting &) const = default;
};

// One frame; which fields mean something depends on type.
struct Frame {
    FrameType type = FrameType::Data;
    quint8 flags = 0;
    quint32 streamId = 0;            // DATA, SYN_STREAM, SYN_REPLY, RST_STREAM, HEADERS, WINDOW_UPDATE
    quint32 associatedStreamId = 0;  // SYN_STREAM
    quint8 priority = 0;             // SYN_STREAM, 3 bits
    quint8 slot = 0;                 // SYN_STREAM
    QByteArray headerBlock;          // SYN_STREAM, SYN_REPLY, HEADERS: compressed
    QByteArray data;                 // DATA payload
    quint32 status = 0;              // RST_STREAM, GOAWAY
    quint32 lastGoodStreamId = 0;    // GOAWAY
    quint32 pingId = 0;              // PING
    quint32 deltaWindowSize = 0;     // WINDOW_UPDATE
    QList<Setting> settings;         // SETTINGS
    quint16 controlType = 0;         // the type as read, also for types this file does not know

    bool fin() const { return flags & kFlagFin; }
    bool operator==(const Frame &) const = default;
};

QByteArray encodeFrame(const Frame &frame);

// Reassembles frames from bytes that arrive split anywhere (WebSocket
// messages carry arbitrary slices of the SPDY stream).
class FrameReader {
public:
    enum Status { NeedMore, Ready, Error };

    void append(const QByteArray &bytes) { m_buffer.append(bytes); }
    // Ready: *frame holds the next frame. Error: *error says why; the
    // session cannot continue (SPDY has no way to resynchronise).
    Status next(Frame *frame, QString *error);
    qsizetype buffered() const { return m_buffer.size() - m_offset; }

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

}  // namespace timoneiro::apiserver::spdy
