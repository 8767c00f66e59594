// authentication.k8s.io/v1 and authorization.k8s.io/v1: the reviews and
// token requests kubectl's typed clients send (auth can-i, auth whoami,
// create token).
#include "protobuf_schema_p.h"

namespace timoneiro::api::pb {

const Message *reviewMessage(const QString &apiVersion, const QString &kind)
{
    static const Message resourceAttributes{{{1, "namespace", Kind::String}, {2, "verb", Kind::String},
                                             {3, "group", Kind::String}, {4, "version", Kind::String},
                                             {5, "resource", Kind::String}, {6, "subresource", Kind::String},
                                             {7, "name", Kind::String}}};
    static const Message nonResourceAttributes{{{1, "path", Kind::String}, {2, "verb", Kind::String}}};
    static const Message selfSpec{{{1, "resourceAttributes", Kind::Message, false, &resourceAttributes},
                                   {2, "nonResourceAttributes", Kind::Message, false, &nonResourceAttributes}}};
    static const Message subjectSpec{{{1, "resourceAttributes", Kind::Message, false, &resourceAttributes},
                                      {2, "nonResourceAttributes", Kind::Message, false, &nonResourceAttributes},
                                      {3, "user", Kind::String}, {4, "groups", Kind::String, true}, {6, "uid", Kind::String}}};
    static const Message rulesSpec{{{1, "namespace", Kind::String}}};
    static const Message selfAccess = object({{2, "spec", Kind::Message, false, &selfSpec}, {3, "status", Kind::Message, false, &empty()}});
    static const Message subjectAccess = object({{2, "spec", Kind::Message, false, &subjectSpec},
                                                 {3, "status", Kind::Message, false, &empty()}});
    static const Message rules = object({{2, "spec", Kind::Message, false, &rulesSpec}, {3, "status", Kind::Message, false, &empty()}});
    static const Message selfSubject = object({{2, "status", Kind::Message, false, &empty()}});
    static const Message boundRef{{{1, "kind", Kind::String}, {2, "apiVersion", Kind::String}, {3, "name", Kind::String},
                                   {4, "uid", Kind::String}}};
    static const Message tokenSpec{{{1, "audiences", Kind::String, true},
                                    {4, "expirationSeconds", Kind::Int64, false, nullptr, true},
                                    {3, "boundObjectRef", Kind::Message, false, &boundRef}}};
    static const Message token = object({{2, "spec", Kind::Message, false, &tokenSpec}, {3, "status", Kind::Message, false, &empty()}});
    if (apiVersion == QLatin1String("authorization.k8s.io/v1")) {
        if (kind == QLatin1String("SelfSubjectAccessReview"))
            return &selfAccess;
        if (kind == QLatin1String("SubjectAccessReview") || kind == QLatin1String("LocalSubjectAccessReview"))
            return &subjectAccess;
        if (kind == QLatin1String("SelfSubjectRulesReview"))
            return &rules;
    } else if (apiVersion == QLatin1String("authentication.k8s.io/v1")) {
        if (kind == QLatin1String("SelfSubjectReview"))
            return &selfSubject;
        if (kind == QLatin1String("TokenRequest"))
            return &token;
    }
    return nullptr;
}

}  // namespace timoneiro::api::pb
