#include "log_stream.h"

#include <QPointer>

namespace timoneiro::client {

LogStream::LogStream(Client &client, const QString &namespaceName, const QString &pod, const LogOptions &options,
                     QObject *parent)
    : QObject(parent), client_(client), namespace_(namespaceName), pod_(pod), options_(options)
{
}

LogStream::~LogStream() = default;

QString LogStream::path(const QString &namespaceName, const QString &pod)
{
    return QStringLiteral("/api/v1/namespaces/%1/pods/%2/log").arg(namespaceName, pod);
}

QList<QPair<QString, QString>> LogStream::query(const LogOptions &o)
{
    QList<QPair<QString, QString>> q;
    if (!o.container.isEmpty())
        q.append({QStringLiteral("container"), o.container});
    if (o.follow)
        q.append({QStringLiteral("follow"), QStringLiteral("true")});
    if (o.tailLines >= 0)
        q.append({QStringLiteral("tailLines"), QString::number(o.tailLines)});
    if (o.timestamps)
        q.append({QStringLiteral("timestamps"), QStringLiteral("true")});
    if (o.previous)
        q.append({QStringLiteral("previous"), QStringLiteral("true")});
    return q;
}

void LogStream::start()
{
    handle_.reset();
    partial_.clear();
    running_ = true;
    QPointer<LogStream> self(this);
    handle_ = client_.streamGet(
        path(namespace_, pod_), query(options_), [self](const QByteArray &data) { if (self) self->onData(data); },
        [self](const std::optional<api::ApiError> &error) { if (self) self->onEnd(error); });
}

void LogStream::onData(const QByteArray &data)
{
    partial_ += data;
    const qsizetype nl = partial_.lastIndexOf('\n');
    if (nl < 0)
        return;
    const QString lines = QString::fromUtf8(partial_.left(nl + 1));
    partial_.remove(0, nl + 1);
    emit text(lines);
}

void LogStream::onEnd(const std::optional<api::ApiError> &error)
{
    running_ = false;
    if (!partial_.isEmpty()) {
        emit text(QString::fromUtf8(partial_));
        partial_.clear();
    }
    emit finished(error);
}

}  // namespace timoneiro::client
