#pragma once
// Internal to the protobuf schema files: shared message descriptions.
#include "protobuf_schema.h"

namespace timoneiro::api::pb {

const Message &empty();
const Message &objectMeta();
const Message &labelSelector();
const Message &localObjectReference();
const Message &objectReference();
Message object(QList<Field> fields);
const Message &service();
const Message &pod();
const Message &podTemplateSpec();
const Message *coreMessage(const QString &kind);
const Message *reviewMessage(const QString &apiVersion, const QString &kind);

}  // namespace timoneiro::api::pb
