#include "negotiation.h"

#include "api/protobuf.h"
#include "api/yaml.h"

namespace timoneiro::apiserver {

QList<MediaRange> parseAccept(const QByteArray &accept)
{
    QList<MediaRange> ranges;
    for (const QByteArray &part : accept.split(',')) {
        QList<QByteArray> fields = part.split(';');
        MediaRange range;
        range.type = fields.takeFirst().trimmed().toLower();
        for (const QByteArray &f : fields) {
            int eq = f.indexOf('=');
            if (eq > 0)
                range.params.insert(f.left(eq).trimmed(), f.mid(eq + 1).trimmed());
        }
        if (!range.type.isEmpty())
            ranges.append(range);
    }
    return ranges;
}

bool acceptsTable(const QByteArray &accept)
{
    for (const MediaRange &r : parseAccept(accept))
        if (r.params.value("as") == "Table" && r.params.value("g") == "meta.k8s.io")
            return true;
    return false;
}

QByteArray aggregatedDiscoveryVersion(const QByteArray &accept)
{
    // The first acceptable variant wins; parameters compared exactly, since
    // "v=v2" is a prefix of "v=v2beta1".
    for (const MediaRange &r : parseAccept(accept)) {
        if (r.params.value("as") != "APIGroupDiscoveryList" || r.params.value("g") != "apidiscovery.k8s.io")
            continue;
        QByteArray v = r.params.value("v");
        if (v == "v2" || v == "v2beta1")
            return v;
    }
    return {};
}

BodyFormat bodyFormat(const QByteArray &contentType)
{
    QByteArray type = contentType.split(';').first().trimmed().toLower();
    if (type == "application/json" || type.isEmpty())
        return BodyFormat::Json;
    if (type == "application/yaml" || type == "application/x-yaml" || type == "text/yaml")
        return BodyFormat::Yaml;
    if (type == "application/vnd.kubernetes.protobuf")
        return BodyFormat::Protobuf;
    if (type == "application/merge-patch+json")
        return BodyFormat::MergePatch;
    if (type == "application/json-patch+json")
        return BodyFormat::JsonPatch;
    if (type == "application/strategic-merge-patch+json")
        return BodyFormat::StrategicMergePatch;
    if (type == "application/apply-patch+yaml")
        return BodyFormat::ApplyPatch;
    return BodyFormat::Unknown;
}

api::Result<QJsonObject> decodeObjectBody(const api::ApiRequest &request)
{
    QByteArray contentType = request.header("content-type");
    switch (bodyFormat(contentType)) {
    case BodyFormat::Json:
        return api::parseObjectBody(request.body, false);
    case BodyFormat::Yaml:
        return api::parseObjectBody(request.body, true);
    case BodyFormat::Protobuf:
        return api::decodeProtobufObject(request.body);
    default:
        return api::ApiError::unsupportedMediaType(QString::fromLatin1(contentType));
    }
}

}  // namespace timoneiro::apiserver
