#pragma once
// Kubernetes resource quantities ("100m", "1.5", "512Mi", "1e3", "2Gi").
#include <QString>

#include <optional>

namespace timoneiro::api {

struct Quantity {
    long double amount = 0;  // in base units (cores, bytes)

    // Kubernetes' syntax: a signed decimal, then a binary suffix (Ki..Ei), a
    // decimal suffix (n u m "" k M G T P E) or an exponent (e3, E-2).
    static std::optional<Quantity> parse(const QString &text);

    // Rounded up, as Kubernetes' MilliValue() and Value() round.
    qint64 milliValue() const;
    qint64 value() const;
};

// Kubernetes' message for a string that is not a quantity.
QString quantityErrorMessage();

}  // namespace timoneiro::api
