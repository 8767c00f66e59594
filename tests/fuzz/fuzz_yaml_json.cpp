// JSON and YAML request bodies and manifests: parse, and render back what parsed.
#include "fuzz_support.h"

#include "api/yaml.h"

using namespace timoneiro;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    auto docs = api::parseYamlDocuments(input);
    if (docs) {
        for (const QJsonValue &doc : *docs) {
            // What we print must read back as the same document.
            auto again = api::parseYamlDocuments(api::toYaml(doc));
            if (!again || again->size() != 1 || again->first() != doc)
                std::abort();
        }
    } else {
        fuzz::checkError(docs.error());
    }
    for (bool yaml : {false, true}) {
        auto obj = api::parseObjectBody(input, yaml);
        if (!obj)
            fuzz::checkError(obj.error());
    }
    return 0;
}
