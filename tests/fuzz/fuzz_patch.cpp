// The three patch types against a realistic Pod: the first byte picks the
// type, the rest is the patch document.
#include "fuzz_support.h"

#include "api/patch.h"

#include <QJsonDocument>

using namespace timoneiro;

namespace {
const QJsonObject &pod()
{
    static const QJsonObject p = QJsonDocument::fromJson(R"({"apiVersion":"v1","kind":"Pod",
      "metadata":{"name":"nginx","namespace":"giropops","labels":{"app":"web"},"finalizers":["a","b"]},
      "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80,"protocol":"TCP"}],
        "env":[{"name":"A","value":"1"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},
        {"name":"side","image":"busybox"}],
        "volumes":[{"name":"data","emptyDir":{}}],"tolerations":[{"key":"k","operator":"Exists"}]},
      "status":{"conditions":[{"type":"Ready","status":"False"}]}})").object();
    return p;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data + 1, size - 1));
    switch (data[0] % 3) {
    case 0:
        if (doc.isObject())
            if (auto r = api::applyMergePatch(pod(), doc.object()); !r)
                fuzz::checkError(r.error());
        break;
    case 1:
        if (doc.isArray())
            if (auto r = api::applyJsonPatch(pod(), doc.array()); !r)
                fuzz::checkError(r.error());
        break;
    default:
        if (doc.isObject())
            if (auto r = api::applyStrategicMergePatch(pod(), doc.object(), QStringLiteral("v1"), QStringLiteral("Pod")); !r)
                fuzz::checkError(r.error());
        break;
    }
    return 0;
}
