#pragma once
// Label and field selectors, as list and watch requests carry them.
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::api {

struct LabelRequirement {
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist, GreaterThan, LessThan };
    QString key;
    Op op = Op::Equals;
    QStringList values;
};

class LabelSelector {
public:
    // "app=web,tier!=db,env in (a,b),!legacy,version" -- Kubernetes'
    // labels.Parse syntax. Errors: 400 BadRequest with the parser's message.
    static Result<LabelSelector> parse(const QString &text);
    // metav1.LabelSelector {matchLabels, matchExpressions}.
    static Result<LabelSelector> fromJson(const QJsonObject &selector);

    bool empty() const { return requirements_.isEmpty(); }
    bool matches(const QJsonObject &labels) const;
    QString toString() const;
    const QList<LabelRequirement> &requirements() const { return requirements_; }

private:
    QList<LabelRequirement> requirements_;
};

struct FieldRequirement {
    QString field;   // metadata.name, spec.nodeName, involvedObject.uid, ...
    bool equals = true;
    QString value;
};

class FieldSelector {
public:
    // "metadata.name=x,spec.nodeName!=,status.phase==Running".
    static Result<FieldSelector> parse(const QString &text);

    bool empty() const { return requirements_.isEmpty(); }
    // Looks the dotted field up in obj (missing -> ""); numbers and bools are
    // compared by their JSON text.
    bool matches(const QJsonObject &obj) const;
    const QList<FieldRequirement> &requirements() const { return requirements_; }

private:
    QList<FieldRequirement> requirements_;
};

// The value of a dotted path in an object ("" when absent).
QString fieldValue(const QJsonObject &obj, const QString &dottedPath);

}  // namespace timoneiro::api
