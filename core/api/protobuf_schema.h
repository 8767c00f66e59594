#pragma once
// Descriptions of the Kubernetes messages the protobuf decoder knows: for
// each field number, the JSON name and how to read it (the field numbers of
// k8s.io/api's and apimachinery's generated.proto).
#include <QList>
#include <QString>

namespace timoneiro::api::pb {

enum class Kind {
    String, Int32, Int64, Bool, Bytes,
    Message,            // nested message (desc)
    Inline,             // embedded message whose fields appear in the parent (Go's inline)
    MapString,          // map<string, string>
    MapBytes,           // map<string, bytes> (base64 in JSON)
    MapQuantity,        // map<string, Quantity>
    IntOrString, Quantity, Time,
};

struct Message;

struct Field {
    int number;
    const char *json;
    Kind kind;
    bool repeated = false;
    const Message *desc = nullptr;
    bool keepZero = false;  // a Go pointer field: present even when zero
};

struct Message {
    QList<Field> fields;
    const Field *find(int number) const
    {
        for (const Field &f : fields)
            if (f.number == number)
                return &f;
        return nullptr;
    }
};

// The top-level message of apiVersion/kind, or nullptr when not supported.
const Message *messageFor(const QString &apiVersion, const QString &kind);

}  // namespace timoneiro::api::pb
