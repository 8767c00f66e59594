#pragma once
// Shared by the fuzz targets: turning bytes into the inputs they need, and
// the one property every target checks -- an error is a well-formed Status.
#include "api/status.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdlib>

namespace timoneiro::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Aborts (a finding) unless error is what a client can be sent.
inline void checkError(const api::ApiError &error)
{
    const QJsonObject s = error.toStatus();
    if (error.code < 400 || error.code > 599 || error.reason.isEmpty() || error.message.isEmpty()
        || s.value(QStringLiteral("kind")).toString() != QLatin1String("Status"))
        std::abort();
}

}  // namespace timoneiro::fuzz
