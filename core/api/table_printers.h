#pragma once
// Internal to table.cpp: the column definitions and row cells of each kind,
// as Kubernetes' pkg/printers/internalversion prints them.
#include "object.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace timoneiro::api::printers {

// ObjectMeta's swagger docs, which Kubernetes reuses as the NAME and AGE
// column descriptions of every kind.
inline constexpr const char *kNameDescription =
    "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a "
    "client to request the generation of an appropriate name automatically. Name is primarily intended for creation "
    "idempotence and configuration definition. Cannot be updated. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
inline constexpr const char *kAgeDescription =
    "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed "
    "to be set in happens-before order across separate operations. Clients may not set this value. It is represented "
    "in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

struct Column {
    const char *name;
    const char *type;    // string, integer, date
    const char *format;  // "name" for NAME
    int priority;        // 1: only with -o wide
    const char *description;
};

struct Printer {
    QList<Column> columns;
    // Cells after NAME (or all of them when leadingName is false).
    QJsonArray (*cells)(const QJsonObject &obj, const QDateTime &now);
    // Events are the one kind whose NAME is not the first column (it is a
    // wide column near the end), so their printer lists it itself.
    bool leadingName = true;
    // rows[].conditions (a finished pod is a Completed row), or nullptr.
    QJsonArray (*conditions)(const QJsonObject &obj) = nullptr;
};

// The printer for a kind, or nullptr (then NAME and CREATED AT are printed).
const Printer *printerFor(const QString &group, const QString &kind);
const Printer *corePrinter(const QString &kind);
const Printer &podPrinter();
const Printer &eventPrinter();
const Printer *otherPrinter(const QString &group, const QString &kind);

// Shared cell helpers.
QString age(const QJsonObject &obj, const QDateTime &now);
// translateTimestampSince: "<unknown>" for an absent time.
QString since(const QString &rfc3339, const QDateTime &now);
QString orNone(const QString &s);
inline QJsonObject meta(const QJsonObject &obj) { return metaOf(obj); }
inline QJsonObject spec(const QJsonObject &obj) { return specOf(obj); }
inline QJsonObject status(const QJsonObject &obj) { return statusOf(obj); }
// metav1.LabelSelectorAsSelector(...).String(): "" for an empty selector.
QString selectorText(const QJsonObject &labelSelector);
// labels.FormatLabels: "k=v,k2=v2" sorted by key, "<none>" when empty.
QString mapText(const QJsonObject &labels);
// strings.Join(list[:3], ",") + " + N more..." (Endpoints, EndpointSlices).
QString listWithMore(const QStringList &shown, qsizetype total, const QString &whenEmpty);

}  // namespace timoneiro::api::printers
