#include "quantity.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace timoneiro::api {

std::optional<Quantity> Quantity::parse(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^([+-]?)([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    long double number = m.captured(2).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QString suffix = m.captured(3);
    long double scale = 1;
    static const struct { const char *s; long double f; } suffixes[] = {
        {"Ki", 1024.0L}, {"Mi", 1048576.0L}, {"Gi", 1073741824.0L}, {"Ti", 1099511627776.0L},
        {"Pi", 1125899906842624.0L}, {"Ei", 1152921504606846976.0L}, {"n", 1e-9L}, {"u", 1e-6L}, {"m", 1e-3L},
        {"k", 1e3L}, {"M", 1e6L}, {"G", 1e9L}, {"T", 1e12L}, {"P", 1e15L}, {"E", 1e18L}};
    if (!suffix.isEmpty()) {
        if (suffix.front() == QLatin1Char('e') || suffix.front() == QLatin1Char('E')) {
            const int exponent = suffix.mid(1).toInt(&ok);
            if (!ok || std::abs(exponent) > 30)
                return std::nullopt;
            scale = std::pow(10.0L, exponent);
        } else {
            for (const auto &s : suffixes)
                if (suffix == QLatin1String(s.s))
                    scale = s.f;
        }
    }
    Quantity q;
    q.amount = number * scale * (m.captured(1) == QLatin1String("-") ? -1 : 1);
    return q;
}

namespace {
qint64 clampCeil(long double v)
{
    const long double c = std::ceil(v - 1e-9L);
    if (c >= static_cast<long double>(std::numeric_limits<qint64>::max()))
        return std::numeric_limits<qint64>::max();
    if (c <= static_cast<long double>(std::numeric_limits<qint64>::min()))
        return std::numeric_limits<qint64>::min();
    return qint64(c);
}
}  // namespace

qint64 Quantity::milliValue() const
{
    return clampCeil(amount * 1000);
}

qint64 Quantity::value() const
{
    return clampCeil(amount);
}

QString quantityErrorMessage()
{
    return QStringLiteral("quantities must match the regular expression "
                          "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
}

}  // namespace timoneiro::api
