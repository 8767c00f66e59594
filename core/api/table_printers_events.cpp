// The core/v1 Event row. Unlike every other kind, NAME is not its first
// column: `kubectl get events` starts with LAST SEEN.
#include "table_printers.h"

#include "table.h"

namespace timoneiro::api::printers {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString firstNonEmpty(const QString &a, const QString &b)
{
    return a.isEmpty() ? b : a;
}

QJsonArray eventCells(const QJsonObject &ev, const QDateTime &now)
{
    // Events written through events.k8s.io carry eventTime and series, not
    // first/lastTimestamp and count.
    const QString firstSeen = str(ev, "firstTimestamp").isEmpty() ? since(str(ev, "eventTime"), now)
                                                                   : since(str(ev, "firstTimestamp"), now);
    QString lastSeen = str(ev, "lastTimestamp").isEmpty() ? firstSeen : since(str(ev, "lastTimestamp"), now);
    qint64 count = ev.value(QStringLiteral("count")).toInteger();
    const QJsonObject series = ev.value(QStringLiteral("series")).toObject();
    if (ev.contains(QStringLiteral("series")) && !ev.value(QStringLiteral("series")).isNull()) {
        lastSeen = since(str(series, "lastObservedTime"), now);
        count = series.value(QStringLiteral("count")).toInteger();
    } else if (count == 0) {
        count = 1;
    }

    const QJsonObject involved = ev.value(QStringLiteral("involvedObject")).toObject();
    QString target = str(involved, "kind").toLower();
    if (!str(involved, "name").isEmpty())
        target += QLatin1Char('/') + str(involved, "name");

    const QJsonObject source = ev.value(QStringLiteral("source")).toObject();
    const QString component = firstNonEmpty(str(source, "component"), str(ev, "reportingComponent"));
    const QString instance = firstNonEmpty(str(source, "host"), str(ev, "reportingInstance"));

    return {lastSeen,
            str(ev, "type"),
            str(ev, "reason"),
            target,
            str(involved, "fieldPath"),
            instance.isEmpty() ? component : component + QStringLiteral(", ") + instance,
            str(ev, "message").trimmed(),
            firstSeen,
            count,
            meta(ev).value(QStringLiteral("name")).toString()};
}

}  // namespace

const Printer &eventPrinter()
{
    static const Printer p{
        {{"Last Seen", "string", "", 0, "The time at which the most recent occurrence of this event was recorded."},
         {"Type", "string", "", 0, "Type of this event (Normal, Warning), new types could be added in the future"},
         {"Reason", "string", "", 0,
          "This should be a short, machine understandable string that gives the reason for the transition into the "
          "object's current status."},
         {"Object", "string", "", 0, "The object that this event is about."},
         {"Subobject", "string", "", 1,
          "If referring to a piece of an object instead of an entire object, this string should contain a valid "
          "JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object "
          "reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where "
          "\"name\" refers to the name of the container that triggered the event) or if no container name is "
          "specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have "
          "some well-defined way of referencing a part of an object."},
         {"Source", "string", "", 1,
          "The component reporting this event. Should be a short machine understandable string."},
         {"Message", "string", "", 0, "A human-readable description of the status of this operation."},
         {"First Seen", "string", "", 1, "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"},
         {"Count", "string", "", 1, "The number of times this event has occurred."},
         {"Name", "string", "name", 1, kNameDescription}},
        eventCells,
        false};
    return p;
}

}  // namespace timoneiro::api::printers
