#pragma once
// The strategic-merge metadata of the built-in types (the patchMergeKey and
// patchStrategy struct tags of k8s.io/api): for a field of a type, the
// type of its value and how lists merge. Internal to core/api.
#include <QString>

namespace timoneiro::api::smp {

struct FieldInfo {
    QString type;        // the value's type ("" when unknown: plain recursive merge)
    QString mergeKey;    // for lists of objects merged element-wise
    bool mergePrimitives = false;  // lists of scalars merged as sets (finalizers)
    bool retainKeys = false;       // the value's object keeps only the patch's keys (volumes, strategy)
};

// The field's metadata within a type; a default FieldInfo when unknown.
FieldInfo fieldOf(const QString &type, const QString &field);
// The root type of a kind ("Pod", "Deployment", ...).
QString rootType(const QString &apiVersion, const QString &kind);

}  // namespace timoneiro::api::smp
