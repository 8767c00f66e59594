// Label selectors in Kubernetes' labels.Parse syntax and field selectors in
// fields.ParseSelector syntax, plus matching against objects.
#include "selector.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace timoneiro::api {

namespace {

ApiError selectorError(const QString &why)
{
    return ApiError::badRequest(QStringLiteral("unable to parse requirement: ") + why);
}

bool validKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.')
        || c == QLatin1Char('/');
}

bool validValue(const QString &v)
{
    if (v.size() > 63)
        return false;
    for (QChar c : v)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_')
            && c != QLatin1Char('.'))
            return false;
    return v.isEmpty() || (v.front().isLetterOrNumber() && v.back().isLetterOrNumber());
}

// A small tokenizer over one selector string.
class Lexer {
public:
    explicit Lexer(const QString &s) : s_(s) {}
    void skipSpace()
    {
        while (pos_ < s_.size() && s_.at(pos_).isSpace())
            ++pos_;
    }
    bool atEnd()
    {
        skipSpace();
        return pos_ >= s_.size();
    }
    bool eat(const QString &token)
    {
        skipSpace();
        if (s_.mid(pos_, token.size()) != token)
            return false;
        pos_ += token.size();
        return true;
    }
    // A key or value: a run of identifier characters.
    QString word()
    {
        skipSpace();
        const qsizetype start = pos_;
        while (pos_ < s_.size() && validKeyChar(s_.at(pos_)))
            ++pos_;
        return s_.mid(start, pos_ - start);
    }
    // "in" / "notin" followed by a space or '('.
    bool keyword(const QString &kw)
    {
        skipSpace();
        if (s_.mid(pos_, kw.size()) != kw)
            return false;
        const qsizetype after = pos_ + kw.size();
        if (after < s_.size() && validKeyChar(s_.at(after)))
            return false;
        pos_ = after;
        last_ = kw;
        return true;
    }
    QString lastKeyword() const { return last_; }
    QString rest() const { return s_.mid(pos_); }

private:
    const QString &s_;
    qsizetype pos_ = 0;
    QString last_;
};

bool valueIn(const QStringList &values, const QString &v)
{
    return values.contains(v);
}

}  // namespace

Result<LabelSelector> LabelSelector::parse(const QString &text)
{
    LabelSelector sel;
    Lexer lx(text);
    if (lx.atEnd())
        return sel;
    while (true) {
        LabelRequirement r;
        const bool negated = lx.eat(QStringLiteral("!"));
        r.key = lx.word();
        if (r.key.isEmpty())
            return selectorError(QStringLiteral("found '%1', expected: !, identifier, or 'end of string'").arg(lx.rest()));
        if (r.key.size() > 316 || r.key.startsWith(QLatin1Char('/')) || r.key.endsWith(QLatin1Char('/')))
            return selectorError(QStringLiteral("invalid label key \"%1\"").arg(r.key));
        if (negated) {
            r.op = LabelRequirement::Op::DoesNotExist;
        } else if (lx.eat(QStringLiteral("!="))) {
            r.op = LabelRequirement::Op::NotEquals;
            r.values = {lx.word()};
        } else if (lx.eat(QStringLiteral("=="))) {
            r.op = LabelRequirement::Op::Equals;
            r.values = {lx.word()};
        } else if (lx.eat(QStringLiteral("="))) {
            r.op = LabelRequirement::Op::Equals;
            r.values = {lx.word()};
        } else if (lx.eat(QStringLiteral(">"))) {
            r.op = LabelRequirement::Op::GreaterThan;
            r.values = {lx.word()};
        } else if (lx.eat(QStringLiteral("<"))) {
            r.op = LabelRequirement::Op::LessThan;
            r.values = {lx.word()};
        } else if (lx.keyword(QStringLiteral("notin")) || lx.keyword(QStringLiteral("in"))) {
            r.op = lx.lastKeyword() == QLatin1String("notin") ? LabelRequirement::Op::NotIn : LabelRequirement::Op::In;
            if (!lx.eat(QStringLiteral("(")))
                return selectorError(QStringLiteral("found '%1', expected: '('").arg(lx.rest()));
            while (true) {
                r.values << lx.word();
                if (lx.eat(QStringLiteral(")")))
                    break;
                if (!lx.eat(QStringLiteral(",")))
                    return selectorError(QStringLiteral("found '%1', expected: ',', or ')'").arg(lx.rest()));
            }
        } else {
            r.op = LabelRequirement::Op::Exists;
        }
        for (const QString &v : r.values)
            if (!validValue(v))
                return selectorError(QStringLiteral("values[0][%1]: Invalid value: \"%2\": a valid label must be an empty "
                                                    "string or consist of alphanumeric characters, '-', '_' or '.', and "
                                                    "must start and end with an alphanumeric character")
                                         .arg(r.key, v));
        if ((r.op == LabelRequirement::Op::GreaterThan || r.op == LabelRequirement::Op::LessThan)) {
            bool ok = false;
            r.values.value(0).toLongLong(&ok);
            if (!ok)
                return selectorError(QStringLiteral("for 'Gt', 'Lt' operators, the value must be an integer"));
        }
        sel.requirements_.append(r);
        if (lx.atEnd())
            break;
        if (!lx.eat(QStringLiteral(",")))
            return selectorError(QStringLiteral("found '%1', expected: ',' or 'end of string'").arg(lx.rest()));
    }
    return sel;
}

Result<LabelSelector> LabelSelector::fromJson(const QJsonObject &selector)
{
    LabelSelector sel;
    const QJsonObject labels = selector.value(QStringLiteral("matchLabels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        sel.requirements_.append({it.key(), LabelRequirement::Op::Equals, {it.value().toString()}});
    for (const QJsonValue &e : selector.value(QStringLiteral("matchExpressions")).toArray()) {
        const QJsonObject expr = e.toObject();
        LabelRequirement r;
        r.key = expr.value(QStringLiteral("key")).toString();
        for (const QJsonValue &v : expr.value(QStringLiteral("values")).toArray())
            r.values << v.toString();
        const QString op = expr.value(QStringLiteral("operator")).toString();
        if (op == QLatin1String("In"))
            r.op = LabelRequirement::Op::In;
        else if (op == QLatin1String("NotIn"))
            r.op = LabelRequirement::Op::NotIn;
        else if (op == QLatin1String("Exists"))
            r.op = LabelRequirement::Op::Exists;
        else if (op == QLatin1String("DoesNotExist"))
            r.op = LabelRequirement::Op::DoesNotExist;
        else
            return ApiError::badRequest(QStringLiteral("\"%1\" is not a valid label selector operator").arg(op));
        sel.requirements_.append(r);
    }
    return sel;
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    for (const LabelRequirement &r : requirements_) {
        const bool has = labels.contains(r.key);
        const QString v = labels.value(r.key).toString();
        bool ok = false;
        switch (r.op) {
        case LabelRequirement::Op::Equals: ok = has && v == r.values.value(0); break;
        case LabelRequirement::Op::NotEquals: ok = !has || v != r.values.value(0); break;
        case LabelRequirement::Op::In: ok = has && valueIn(r.values, v); break;
        case LabelRequirement::Op::NotIn: ok = !has || !valueIn(r.values, v); break;
        case LabelRequirement::Op::Exists: ok = has; break;
        case LabelRequirement::Op::DoesNotExist: ok = !has; break;
        case LabelRequirement::Op::GreaterThan:
        case LabelRequirement::Op::LessThan: {
            bool numeric = false;
            const qint64 n = v.toLongLong(&numeric);
            const qint64 bound = r.values.value(0).toLongLong();
            ok = has && numeric && (r.op == LabelRequirement::Op::GreaterThan ? n > bound : n < bound);
            break;
        }
        }
        if (!ok)
            return false;
    }
    return true;
}

QString LabelSelector::toString() const
{
    QStringList parts;
    for (const LabelRequirement &r : requirements_) {
        QStringList values = r.values;
        values.sort();
        switch (r.op) {
        case LabelRequirement::Op::Equals: parts << r.key + QLatin1Char('=') + r.values.value(0); break;
        case LabelRequirement::Op::NotEquals: parts << r.key + QStringLiteral("!=") + r.values.value(0); break;
        case LabelRequirement::Op::In: parts << r.key + QStringLiteral(" in (") + values.join(QLatin1Char(',')) + QLatin1Char(')'); break;
        case LabelRequirement::Op::NotIn:
            parts << r.key + QStringLiteral(" notin (") + values.join(QLatin1Char(',')) + QLatin1Char(')');
            break;
        case LabelRequirement::Op::Exists: parts << r.key; break;
        case LabelRequirement::Op::DoesNotExist: parts << QLatin1Char('!') + r.key; break;
        case LabelRequirement::Op::GreaterThan: parts << r.key + QLatin1Char('>') + r.values.value(0); break;
        case LabelRequirement::Op::LessThan: parts << r.key + QLatin1Char('<') + r.values.value(0); break;
        }
    }
    return parts.join(QLatin1Char(','));
}

Result<FieldSelector> FieldSelector::parse(const QString &text)
{
    FieldSelector sel;
    if (text.trimmed().isEmpty())
        return sel;
    // Split on unescaped commas; a backslash escapes ',', '=', '!' and itself.
    QStringList terms;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
        } else if (c == QLatin1Char(',')) {
            terms << current;
            current.clear();
        } else {
            current += c;
        }
    }
    terms << current;
    auto unescape = [](const QString &s) {
        QString out;
        for (qsizetype i = 0; i < s.size(); ++i)
            out += (s.at(i) == QLatin1Char('\\') && i + 1 < s.size()) ? s.at(++i) : s.at(i);
        return out;
    };
    for (const QString &term : terms) {
        FieldRequirement r;
        qsizetype at = -1, len = 0;
        for (qsizetype i = 0; i < term.size() && at < 0; ++i) {
            if (term.at(i) == QLatin1Char('\\')) {
                ++i;
                continue;
            }
            if (term.mid(i, 2) == QLatin1String("!=")) {
                at = i, len = 2, r.equals = false;
            } else if (term.mid(i, 2) == QLatin1String("==")) {
                at = i, len = 2;
            } else if (term.at(i) == QLatin1Char('=')) {
                at = i, len = 1;
            }
        }
        if (at <= 0)
            return ApiError::badRequest(QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, term));
        r.field = term.left(at).trimmed();
        r.value = unescape(term.mid(at + len));
        sel.requirements_.append(r);
    }
    return sel;
}

bool FieldSelector::matches(const QJsonObject &obj) const
{
    for (const FieldRequirement &r : requirements_)
        if ((fieldValue(obj, r.field) == r.value) != r.equals)
            return false;
    return true;
}

QString fieldValue(const QJsonObject &obj, const QString &dottedPath)
{
    QJsonValue v = obj;
    for (const QString &part : dottedPath.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    default: return {};
    }
}

}  // namespace timoneiro::api
