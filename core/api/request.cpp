#include "request.h"

namespace timoneiro::api {

QString ApiRequest::queryValue(const QString &key, const QString &fallback) const
{
    for (const auto &item : query)
        if (item.first == key)
            return item.second;
    return fallback;
}

bool ApiRequest::hasQuery(const QString &key) const
{
    for (const auto &item : query)
        if (item.first == key)
            return true;
    return false;
}

QByteArray ApiRequest::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers)
        if (h.first == lowerName)
            return h.second;
    return {};
}

}  // namespace timoneiro::api
