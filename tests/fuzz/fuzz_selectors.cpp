// Label and field selectors as they arrive in query strings.
#include "fuzz_support.h"

#include "api/selector.h"

using namespace timoneiro;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const QJsonObject obj{{QStringLiteral("metadata"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("nginx")},
                                       {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("web")},
                                                                              {QStringLiteral("tier"), QStringLiteral("3")}}}}},
                          {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")}}}};
    if (auto labels = api::LabelSelector::parse(text)) {
        labels->matches(obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject());
        // A selector's own rendering parses to the same selector.
        auto again = api::LabelSelector::parse(labels->toString());
        if (!again || again->toString() != labels->toString())
            std::abort();
    } else {
        fuzz::checkError(labels.error());
    }
    if (auto fields = api::FieldSelector::parse(text))
        fields->matches(obj);
    else
        fuzz::checkError(fields.error());
    return 0;
}
