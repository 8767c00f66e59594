#pragma once
// Internal to table.cpp: the column definitions and row cells of each kind,
// as Kubernetes' pkg/printers/internalversion prints them.
#include "object.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace timoneiro::api::printers {

struct Column {
    const char *name;
    const char *type;    // string, integer, date
    const char *format;  // "name" for NAME
    int priority;        // 1: only with -o wide
    const char *description;
};

struct Printer {
    QList<Column> columns;
    // Cells after NAME (which every printer starts with).
    QJsonArray (*cells)(const QJsonObject &obj, const QDateTime &now);
};

// The printer for a kind, or nullptr (then NAME and CREATED AT are printed).
const Printer *printerFor(const QString &group, const QString &kind);
const Printer *corePrinter(const QString &kind);
const Printer &podPrinter();
const Printer *otherPrinter(const QString &group, const QString &kind);

// Shared cell helpers.
QString age(const QJsonObject &obj, const QDateTime &now);
QString since(const QString &rfc3339, const QDateTime &now);
QString orNone(const QString &s);
inline QJsonObject meta(const QJsonObject &obj) { return metaOf(obj); }
inline QJsonObject spec(const QJsonObject &obj) { return specOf(obj); }
inline QJsonObject status(const QJsonObject &obj) { return statusOf(obj); }
QString selectorText(const QJsonObject &labelSelector);
QString mapText(const QJsonObject &labels);

}  // namespace timoneiro::api::printers
