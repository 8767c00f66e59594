#include "spdy_frame.h"

namespace timoneiro::apiserver::spdy {

namespace {

void put32(QByteArray &out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

quint32 get32(const char *p)
{
    return (quint32(quint8(p[0])) << 24) | (quint32(quint8(p[1])) << 16) | (quint32(quint8(p[2])) << 8)
        | quint32(quint8(p[3]));
}

quint32 get24(const char *p)
{
    return (quint32(quint8(p[0])) << 16) | (quint32(quint8(p[1])) << 8) | quint32(quint8(p[2]));
}

constexpr quint32 kStreamIdMask = 0x7fffffff;

// The minimum payload each control frame needs before its fields can be read.
quint32 minimumLength(FrameType type)
{
    switch (type) {
    case FrameType::SynStream: return 10;
    case FrameType::SynReply:
    case FrameType::Headers:
    case FrameType::Settings:
    case FrameType::Ping: return 4;
    case FrameType::RstStream:
    case FrameType::GoAway:
    case FrameType::WindowUpdate: return 8;
    default: return 0;
    }
}

}  // namespace

QByteArray encodeFrame(const Frame &f)
{
    QByteArray payload;
    if (f.type == FrameType::Data) {
        QByteArray out;
        out.reserve(kFrameHeaderSize + f.data.size());
        put32(out, f.streamId & kStreamIdMask);
        put32(out, (quint32(f.flags) << 24) | (quint32(f.data.size()) & kMaxFrameLength));
        out.append(f.data);
        return out;
    }
    switch (f.type) {
    case FrameType::SynStream:
        put32(payload, f.streamId & kStreamIdMask);
        put32(payload, f.associatedStreamId & kStreamIdMask);
        payload.append(char((f.priority & 0x7) << 5)).append(char(f.slot));
        payload.append(f.headerBlock);
        break;
    case FrameType::SynReply:
    case FrameType::Headers:
        put32(payload, f.streamId & kStreamIdMask);
        payload.append(f.headerBlock);
        break;
    case FrameType::RstStream:
        put32(payload, f.streamId & kStreamIdMask);
        put32(payload, f.status);
        break;
    case FrameType::Settings:
        put32(payload, quint32(f.settings.size()));
        for (const Setting &s : f.settings) {
            put32(payload, (quint32(s.flags) << 24) | (s.id & 0xffffff));
            put32(payload, s.value);
        }
        break;
    case FrameType::Ping: put32(payload, f.pingId); break;
    case FrameType::GoAway:
        put32(payload, f.lastGoodStreamId & kStreamIdMask);
        put32(payload, f.status);
        break;
    case FrameType::WindowUpdate:
        put32(payload, f.streamId & kStreamIdMask);
        put32(payload, f.deltaWindowSize & kStreamIdMask);
        break;
    case FrameType::Data: break;
    }
    QByteArray out;
    out.reserve(kFrameHeaderSize + payload.size());
    put32(out, 0x80000000u | (quint32(kVersion) << 16) | quint32(f.type));
    put32(out, (quint32(f.flags) << 24) | (quint32(payload.size()) & kMaxFrameLength));
    out.append(payload);
    return out;
}

FrameReader::Status FrameReader::next(Frame *frame, QString *error)
{
    if (buffered() < kFrameHeaderSize)
        return NeedMore;
    const char *h = m_buffer.constData() + m_offset;
    const quint32 first = get32(h);
    const quint8 flags = quint8(h[4]);
    const quint32 length = get24(h + 5);
    if (buffered() < kFrameHeaderSize + qsizetype(length))
        return NeedMore;
    const char *p = h + kFrameHeaderSize;

    Frame f;
    f.flags = flags;
    if (!(first & 0x80000000u)) {
        f.type = FrameType::Data;
        f.streamId = first & kStreamIdMask;
        f.data = QByteArray(p, length);
    } else {
        const int version = int((first >> 16) & 0x7fff);
        if (version != kVersion) {
            *error = QStringLiteral("unsupported SPDY version %1").arg(version);
            return Error;
        }
        f.controlType = quint16(first & 0xffff);
        f.type = FrameType(f.controlType);
        if (length < minimumLength(f.type)) {
            *error = QStringLiteral("SPDY control frame type %1 too short (%2 bytes)").arg(f.controlType).arg(length);
            return Error;
        }
        switch (f.type) {
        case FrameType::SynStream:
            f.streamId = get32(p) & kStreamIdMask;
            f.associatedStreamId = get32(p + 4) & kStreamIdMask;
            f.priority = quint8(p[8]) >> 5;
            f.slot = quint8(p[9]);
            f.headerBlock = QByteArray(p + 10, length - 10);
            break;
        case FrameType::SynReply:
        case FrameType::Headers:
            f.streamId = get32(p) & kStreamIdMask;
            f.headerBlock = QByteArray(p + 4, length - 4);
            break;
        case FrameType::RstStream:
            f.streamId = get32(p) & kStreamIdMask;
            f.status = get32(p + 4);
            break;
        case FrameType::Settings: {
            const quint32 count = get32(p);
            if (quint64(length) < 4 + quint64(count) * 8) {
                *error = QStringLiteral("SPDY SETTINGS frame shorter than its %1 entries").arg(count);
                return Error;
            }
            for (quint32 i = 0; i < count; ++i) {
                const char *e = p + 4 + i * 8;
                f.settings.append({quint8(e[0]), get24(e + 1), get32(e + 4)});
            }
            break;
        }
        case FrameType::Ping: f.pingId = get32(p); break;
        case FrameType::GoAway:
            f.lastGoodStreamId = get32(p) & kStreamIdMask;
            f.status = get32(p + 4);
            break;
        case FrameType::WindowUpdate:
            f.streamId = get32(p) & kStreamIdMask;
            f.deltaWindowSize = get32(p + 4) & kStreamIdMask;
            break;
        case FrameType::Data: break;
        }
        // Other control types (NOOP, CREDENTIAL, future ones) are returned
        // with their type and no fields: the spec says ignore them.
    }
    m_offset += kFrameHeaderSize + length;
    // Drop consumed bytes now and then, not per frame (that would be quadratic).
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    } else if (m_offset > 64 * 1024 && m_offset * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    *frame = std::move(f);
    return Ready;
}

}  // namespace timoneiro::apiserver::spdy
