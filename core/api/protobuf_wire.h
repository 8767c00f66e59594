#pragma once
// A bounds-checked reader of the protobuf wire format: varints, fixed
// widths and length-delimited fields. Every read reports failure instead of
// reading past the end (the decoder is fed untrusted bytes).
#include <QByteArray>

#include <cstdint>

namespace timoneiro::api::pb {

enum WireType { Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5 };

class Reader {
public:
    explicit Reader(const QByteArray &data) : p_(data.constData()), end_(data.constData() + data.size()) {}
    Reader(const char *begin, const char *end) : p_(begin), end_(end) {}

    bool atEnd() const { return p_ >= end_; }

    bool varint(uint64_t *out)
    {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ >= end_)
                return false;
            const uint8_t b = uint8_t(*p_++);
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                *out = v;
                return true;
            }
        }
        return false;
    }

    bool tag(int *field, WireType *type)
    {
        uint64_t t = 0;
        if (!varint(&t) || (t >> 3) == 0 || (t >> 3) > (1u << 29))
            return false;
        *field = int(t >> 3);
        *type = WireType(t & 7);
        return true;
    }

    bool bytes(QByteArray *out)
    {
        uint64_t n = 0;
        if (!varint(&n) || n > uint64_t(end_ - p_))
            return false;
        *out = QByteArray(p_, qsizetype(n));
        p_ += n;
        return true;
    }

    bool skip(WireType type)
    {
        uint64_t n = 0;
        switch (type) {
        case Varint: return varint(&n);
        case Fixed64: return advance(8);
        case Fixed32: return advance(4);
        case LengthDelimited: return varint(&n) && n <= uint64_t(end_ - p_) && advance(qsizetype(n));
        default: return false;  // groups are not used by Kubernetes
        }
    }

private:
    bool advance(qsizetype n)
    {
        if (n > end_ - p_)
            return false;
        p_ += n;
        return true;
    }

    const char *p_;
    const char *end_;
};

}  // namespace timoneiro::api::pb
